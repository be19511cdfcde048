import Foundation
import UraCore

/// The keys a word form can be matched by: the form itself, its Hunspell stems and the bases Ura's
/// own suffix rules give. Two forms match when their key sets share a key, so `qeverisjes` meets
/// `qeverisja` at `qeveris` and `migrantëve` meets `migrant` even though Hunspell does not know
/// `migrant`.
///
/// Keys are cached by word form; the cache is shared by all threads.
final class Morphology: @unchecked Sendable {
    let language: Language
    private let hunspell: StemSource?
    private var cache: [String: Set<String>] = [:]
    private var foldedCache: [String: Set<String>] = [:]
    private let lock = NSLock()

    /// The shortest base a suffix rule may leave: shorter bases would make unrelated words meet.
    private static let minimumBase = 3

    /// Albanian definite, case and plural endings (and their `j`-forms for nouns in `-je`), tried
    /// one at a time. Longer endings first only for readability: every ending that fits is tried.
    static let albanianSuffixes = [
        "jeve", "rave", "ëve", "ave", "eve", "ish", "jen", "jes", "jet", "rat",
        // Nouns in stressed -i: `kufi`, `kufiri`, `kufirit`, plural `kufij`, `kufijtë`, `kufijve`.
        "rit", "rin", "ri", "jve", "jtë", "jsh", "jt",
        "ën", "ës", "ët", "në", "së", "të", "at", "et", "it", "ut", "in", "un", "ja", "je", "ra", "ër", "ve", "sh",
        "a", "e", "ë", "i", "u", "n", "s", "t",
    ]

    /// ``albanianSuffixes``, then each with `ë`/`ç` folded (for misspelt forms).
    static let albanianSuffixesAndFolded = albanianSuffixes + albanianSuffixes.map(fold)

    /// ``albanianSuffixesAndFolded`` as UTF-8 bytes.
    private static let albanianSuffixBytes = albanianSuffixesAndFolded.map { Array($0.utf8) }

    /// What the Albanian suffix rules leave of `word`: it without each ending it has, when at
    /// least ``minimumBase`` characters remain. `simple` says that `word` has only scalars below
    /// U+0300 (``TextInput/isBelowCombiningMarks(_:)``): then each character is one scalar and
    /// no two spellings are canonically equivalent, so the endings are compared and cut on the
    /// UTF-8 bytes (comparing reversed UTF-8 views was 24,000 instructions a word, most of a
    /// term index's making); otherwise on characters.
    static func albanianRuleBases(_ word: String, simple: Bool) -> Set<String> {
        var bases: Set<String> = []
        guard simple else {
            for suffix in albanianSuffixesAndFolded where word.hasSuffix(suffix) {
                let base = String(word.dropLast(suffix.count))
                if base.count >= minimumBase { bases.insert(base) }
            }
            return bases
        }
        let bytes = Array(word.utf8)
        for suffix in albanianSuffixBytes where bytesEnd(bytes, with: suffix) {
            let end = bytes.count - suffix.count
            // The base's characters: its bytes that do not continue a UTF-8 sequence.
            var characters = 0
            for byte in bytes[..<end] where byte & 0xC0 != 0x80 { characters += 1 }
            if characters >= minimumBase { bases.insert(String(decoding: bytes[..<end], as: UTF8.self)) }
        }
        return bases
    }

    /// An English ending of the suffix rules, as text and as UTF-8 bytes (made once).
    private struct Ending {
        let text: String, bytes: [UInt8]
        init(_ text: String) { (self.text, bytes) = (text, Array(text.utf8)) }
        static let ies = Ending("ies"), es = Ending("es"), s = Ending("s"), ss = Ending("ss"), us = Ending("us")
    }

    /// Whether the UTF-8 bytes `word` end with the bytes `suffix`: for words and endings of
    /// scalars below U+0300, what `hasSuffix` says of their strings.
    static func bytesEnd(_ word: [UInt8], with suffix: [UInt8]) -> Bool {
        guard suffix.count <= word.count else { return false }
        let start = word.count - suffix.count
        for offset in suffix.indices where word[start + offset] != suffix[offset] { return false }
        return true
    }

    /// Albanian linking articles (`i`, `e`, `të`, `së`): they agree with the head noun, so any one
    /// stands for any other, and a text may add one the term does not have (`leja e qëndrimit`).
    static let albanianArticles: Set<String> = ["i", "e", "të", "së"]

    init(language: Language, hunspell: StemSource?) {
        self.language = language
        self.hunspell = hunspell
    }

    /// The shared morphology of `language`, with Hunspell's dictionary when it is installed
    /// (`sq_AL` from Debian's `myspell-sq`, `en_US` from `hunspell-en-us`).
    static func shared(_ language: Language) -> Morphology {
        language == .english ? english : albanian
    }

    private static let english = Morphology(language: .english, hunspell: dictionary("en_US"))
    private static let albanian = Morphology(language: .albanian, hunspell: dictionary("sq_AL"))

    /// The Hunspell dictionary `name`, unless `URA_HUNSPELL=off` asks for the suffix rules alone
    /// (to measure what the dictionaries add, or to mimic a machine without them).
    private static func dictionary(_ name: String) -> StemSource? {
        ProcessInfo.processInfo.environment["URA_HUNSPELL"] == "off" ? nil : StemSource(name: name)
    }

    /// Whether Hunspell's dictionary for the language was found.
    var hasDictionary: Bool { hunspell != nil }

    /// Albanian possessives that sit between a noun and its linking article (`leja e saj e
    /// qëndrimit`): a text may insert one inside a term.
    static let albanianPossessives: Set<String> = ["saj", "tij", "tyre", "tonë", "tona", "juaj", "im", "ime", "tim", "sime", "tanë"]

    /// Whether `form` is a linking article that may stand for another or be skipped.
    func isArticle(_ form: String) -> Bool {
        language == .albanian && Self.albanianArticles.contains(form)
    }

    /// Whether a text may carry `form` inside a term without breaking it (an article or possessive).
    /// Numbers count too (`Objektivi 10 i Zhvillimit të Qëndrueshëm`).
    func isInsertable(_ form: String) -> Bool {
        language == .albanian && (Self.albanianArticles.contains(form) || Self.albanianPossessives.contains(form)
            || form.allSatisfy(\.isASCIIDigit))
    }

    /// The match keys of the lowercase word `form`.
    func keys(_ form: String) -> Set<String> {
        if let cached = lock.withLock({ cache[form] }) { return cached }
        var word = form
        for possessive in ["'s", "'"] where word.hasSuffix(possessive) && word.count > possessive.count {
            word.removeLast(possessive.count)
            break
        }
        var keys: Set<String> = [word]
        keys.formUnion(ruleBases(word))
        if language == .english, let singular = Self.englishIrregularPlurals[word] { keys.insert(singular) }
        if let hunspell {
            for stem in hunspell.stems(word) where isInflection(of: stem.lowercased(), word) {
                let stem = stem.lowercased()
                keys.insert(stem)
                // The stem of `qeverisjen` is `qeverisje`; its rule base `qeveris` is what `qeverisja` reaches.
                keys.formUnion(ruleBases(stem))
            }
        }
        lock.withLock { cache[form] = keys }
        return keys
    }

    /// The match keys of `form` with `ë`/`ç` folded to `e`/`c` (rules only: Hunspell does not know
    /// misspelt forms). Used to tell a diacritics slip from a missing term.
    func foldedKeys(_ form: String) -> Set<String> {
        if let cached = lock.withLock({ foldedCache[form] }) { return cached }
        let folded = Self.fold(form)
        var keys: Set<String> = [folded]
        keys.formUnion(ruleBases(folded).map(Self.fold))
        keys.formUnion(self.keys(form).map(Self.fold))
        lock.withLock { foldedCache[form] = keys }
        return keys
    }

    /// Whether `word` reads as an inflection of Hunspell's `stem` rather than a derivation: Hunspell
    /// also stems `application` to `apply` and would make `applied for asylum` match
    /// `application for asylum`. An inflection keeps the stem but for its last two letters and
    /// adds at most four (`countries` → `country`, `qeverisjeve` → `qeverisje`).
    ///
    /// English inflects little, so there only plurals count (`countries`, `persons`) and irregular
    /// forms close to the stem (`women` → `woman`); `readmission` → `admission`, `foreigner` → `foreign` and
    /// `immigrated` → `immigrate` are derivations.
    func isInflection(of stem: String, _ word: String) -> Bool {
        let common = zip(stem, word).prefix { $0 == $1 }.count
        guard language == .english else { return common >= stem.count - 2 && word.count - common <= 4 }
        if word == stem { return true }
        if common < stem.count - 1 { return common >= 2 && abs(word.count - stem.count) <= 2 }
        return word == stem + "s" || word == stem + "es" || (stem.hasSuffix("y") && word == stem.dropLast() + "ies")
    }

    /// Irregular plurals, which Hunspell lists as words of their own.
    static let englishIrregularPlurals = ["children": "child", "women": "woman", "men": "man", "people": "person"]

    /// `ë` → `e`, `ç` → `c` (lowercase input).
    static func fold(_ text: String) -> String {
        // Both letters are two UTF-8 bytes opening with 0xC3; most words have neither.
        guard text.utf8.contains(0xC3) else { return text }
        return String(text.map { character -> Character in
            switch character {
            case "ë": "e"
            case "ç": "c"
            default: character
            }
        })
    }

    /// Bases left by Ura's suffix rules.
    private func ruleBases(_ word: String) -> Set<String> {
        var bases: Set<String> = []
        // Every Albanian and English word has only scalars below U+0300: then each Character is
        // one scalar and no two spellings are canonically equivalent, so an ending tested on the
        // UTF-8 bytes says what `hasSuffix` says (the endings are such too), without comparing
        // Characters (``albanianRuleBases(_:simple:)``).
        let simple = TextInput.isBelowCombiningMarks(word)
        let bytes = simple ? Array(word.utf8) : []
        func endsWith(_ ending: Ending) -> Bool { simple ? Self.bytesEnd(bytes, with: ending.bytes) : word.hasSuffix(ending.text) }
        switch language {
        case .albanian:
            bases = Self.albanianRuleBases(word, simple: simple)
        case .english:
            if endsWith(.ies), word.count > 4 { bases.insert(String(word.dropLast(3)) + "y") }
            if endsWith(.es), word.count > 4 { bases.insert(String(word.dropLast(2))) }
            if endsWith(.s), !endsWith(.ss), !endsWith(.us), word.count > 3 {
                bases.insert(String(word.dropLast()))
            }
        }
        return bases
    }
}
