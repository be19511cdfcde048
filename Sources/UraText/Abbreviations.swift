import UraCore

/// Abbreviations after which a full stop does not end a sentence, per language.
///
/// ICU 72 has no sentence rules for Albanian and never suppresses a break after an abbreviation
/// with an inner dot (`H.E.`, `p.sh.`), so Ura keeps its own lists and merges ICU's breaks after
/// them. Entries are lower-cased and end with their final dot.
public struct Abbreviations: Sendable {
    /// Abbreviations that never end a sentence (titles, "for example"...).
    public let neverFinal: Set<String>
    /// Abbreviations that end a sentence only when the next word is not a number or proper name
    /// continuation, e.g. `No.` (`No. 5`), `Art.` (`Art. 12`): suppressed before a digit.
    public let beforeNumber: Set<String>

    public init(neverFinal: Set<String>, beforeNumber: Set<String>) {
        self.neverFinal = neverFinal
        self.beforeNumber = beforeNumber
    }

    /// The list for `language`.
    public static func forLanguage(_ language: Language) -> Abbreviations {
        switch language {
        case .english: english
        case .albanian: albanian
        }
    }

    static let english = Abbreviations(
        neverFinal: [
            "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "gen.", "gov.", "sen.", "rep.",
            "lt.", "col.", "capt.", "sgt.", "rev.", "hon.", "h.e.", "e.g.", "i.e.", "cf.", "vs.", "approx.",
            "dept.", "mt.", "ft.", "fig.", "ca.", "messrs.", "mme.", "mlle.", "pres.", "amb.", "supt.",
            "insp.", "det.", "adm.", "maj.", "cmdr.", "brig.", "gens.", "reps.", "sens.", "govt.",
            "v.", "vs.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
        ],
        beforeNumber: ["no.", "nos.", "art.", "arts.", "vol.", "p.", "pp.", "para.", "ch.", "sec.", "op."])

    static let albanian = Abbreviations(
        neverFinal: [
            "z.", "znj.", "zj.", "p.sh.", "psh.", "prof.", "dr.", "doc.", "mr.", "ms.", "mrs.", "sh.", "shih.",
            "h.e.", "e.g.", "i.e.", "përf.", "përkth.", "red.", "gjen.", "kol.", "kap.", "amb.",
            "rr.", "bul.", "lgj.", "k.", "fsh.", "qyt.", "sh.a.", "sh.p.k.", "shpk.", "v.", "vs.", "nj.", "shek.",
        ],
        beforeNumber: ["nr.", "neni.", "art.", "f.", "fq.", "vëll.", "kr.", "pika.", "no.", "p."])
}
