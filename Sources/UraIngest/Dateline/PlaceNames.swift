import UraCore

/// Place names of datelines in their English form (`Tiranë` → `Tirana`, `Gjenevë` → `Geneva`).
///
/// Exonyms cannot be derived, so foreign cities are looked up in a table. Albanian towns follow
/// a rule instead: English uses the Albanian definite form (`Tiranë` → `Tirana`, `Vlorë` →
/// `Vlora`, `Gjirokastër` → `Gjirokastra`, `Shkodër` → `Shkodra`) without diacritics (`Korça` →
/// `Korca`, `Kukës` → `Kukes`), as the IOM Albania pages write them in English (`Shkodra`,
/// `Korca`, `Durres`, `Kukes`). A name in an English dateline is kept as written.
enum PlaceNames {
    /// Albanian (and other) forms of places whose English name is not the Albanian definite
    /// form, keyed by the lower-case name without diacritics.
    static let exonyms: [String: String] = [
        "shqiperi": "Albania", "shqiperia": "Albania", "shqiperise": "Albania",
        "gjeneve": "Geneva", "gjeneva": "Geneva", "rome": "Rome", "roma": "Rome", "milano": "Milan",
        "bruksel": "Brussels", "brukseli": "Brussels", "vjene": "Vienna", "vjena": "Vienna",
        "beograd": "Belgrade", "beogradi": "Belgrade", "prishtine": "Pristina", "prishtina": "Pristina",
        "shkup": "Skopje", "shkupi": "Skopje", "athine": "Athens", "athina": "Athens", "londer": "London",
        "londra": "London", "nju jork": "New York", "uashington": "Washington", "stamboll": "Istanbul",
        "selanik": "Thessaloniki", "sarajeve": "Sarajevo", "sarajeva": "Sarajevo", "podgorice": "Podgorica",
        "podgorica": "Podgorica", "parisi": "Paris", "berlini": "Berlin", "ankaraja": "Ankara",
        // Albanian towns typed without diacritics, where the rule below cannot see the `ë`.
        "tirane": "Tirana", "shkoder": "Shkodra", "vlore": "Vlora", "korce": "Korca", "gjirokaster": "Gjirokastra",
        "lezhe": "Lezha", "sarande": "Saranda", "kapshtice": "Kapshtica", "kakavije": "Kakavija", "kavaje": "Kavaja",
        "tepelene": "Tepelena", "kruje": "Kruja", "diber": "Dibra", "kucove": "Kucova",
        "durres": "Durres", "durresi": "Durres", "kukes": "Kukes", "kukesi": "Kukes",
        "elbasani": "Elbasan", "berati": "Berat", "fieri": "Fier", "konispoli": "Konispol",
        "devolli": "Devoll", "shengjini": "Shengjin", "pogradeci": "Pogradec",
    ]

    /// The English form of `name`, read from a dateline in `language`.
    static func english(_ name: String, language: Language) -> String {
        let key = Diacritics.strip(name).lowercased()
        if let known = exonyms[key] { return known }
        guard language == .albanian else { return name }
        // Indefinite → definite: Tiranë → Tirana, Gjirokastër → Gjirokastra, Korçë → Korça.
        var definite = name
        if definite.hasSuffix("ër") {
            definite = String(definite.dropLast(2)) + "ra"
        } else if definite.hasSuffix("ë") {
            definite = String(definite.dropLast()) + "a"
        }
        return Diacritics.strip(definite)
    }
}
