import UraCore

/// Evidence that survives translation, by kind. Each kind has its own recall (how often an
/// anchor of the English side is found in a true translation), estimated from the document.
enum AnchorKind: Int, CaseIterable, Sendable {
    /// A number, whatever the locale writes: `5,700` = `5.700`, `1.5` = `1,5`.
    case number
    /// A name or acronym, compared on its first letters so case endings still match
    /// (`Trump`/`Trumpit`, `NATO`/`NATO-s`; `EU`/`BE` do not).
    case name
    /// A long word that both languages write alike (`minute`/`minutë`, `senator`/`senatoren`):
    /// an international word or cognate, compared on its first letters.
    case cognate
    /// A pair of a bilingual lexicon (given, or induced from the document in a second pass).
    case lexicon
}

/// Anchor keys shared by both languages, interned to small integers.
struct AnchorTable {
    private(set) var kinds: [AnchorKind] = []
    /// The ids of keys of up to eight ASCII bytes (most keys: `@trum`, `~minut`, `#5700`,
    /// `I:peshk`) by their packed bytes (``PackedKeyTable``), which hash faster than a string; the
    /// ids of the other keys by their text. An ASCII key equals only itself, so no key can be in both.
    private var packedIDs: PackedKeyTable<Int>
    private var ids: [String: Int] = [:]

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 0) {
        packedIDs = PackedKeyTable(minimumCapacity: capacity)
    }

    /// The id of `key` (created on first use).
    mutating func id(_ key: String, _ kind: AnchorKind) -> Int {
        if let packed = PackedBytes.key(key) {
            if let id = packedIDs.value(packed) { return id }
            packedIDs.insert(packed, kinds.count)
        } else {
            if let id = ids[key] { return id }
            ids[key] = kinds.count
        }
        kinds.append(kind)
        return kinds.count - 1
    }

    /// The id of the key of up to eight ASCII bytes whose ``PackedBytes`` key is `packed`, as
    /// ``id(_:_:)`` of its text gives it.
    mutating func id(packed: UInt64, _ kind: AnchorKind) -> Int {
        if let id = packedIDs.value(packed) { return id }
        packedIDs.insert(packed, kinds.count)
        kinds.append(kind)
        return kinds.count - 1
    }

    /// The id of `key` (created on first use), packed or not.
    mutating func id(_ key: ShortKey, _ kind: AnchorKind) -> Int {
        switch key {
        case .packed(let packed): id(packed: packed, kind)
        case .text(let text): id(text, kind)
        }
    }

    /// The id of `key` if it exists.
    func existing(_ key: String) -> Int? {
        if let packed = PackedBytes.key(key) { return packedIDs.value(packed) }
        return ids[key]
    }

    var count: Int { kinds.count }
}

/// Finds number and name anchors in sentences of one language.
struct AnchorExtractor {
    /// Letters of a name that are compared: enough to tell names apart, few enough that
    /// Albanian case endings (`Trump` → `Trumpit`, `Londra`/`London`) do not matter.
    static let namePrefix = 4
    /// Letters of a lower-case word compared as a possible cognate.
    static let cognatePrefix = 5

    /// Lower-case words seen anywhere on this side: a capitalised word that also occurs in lower
    /// case is an ordinary word at the start of a sentence or in a title (`The`, `Ai`), not a name.
    let vocabulary: Vocabulary

    init(sentences: [[Token]]) {
        vocabulary = Vocabulary(sentences.joined())
    }

    /// The extractor for the sentences of `side`, whose distinct tokens hold the vocabulary.
    init(side: SideTokens) {
        vocabulary = Vocabulary(side: side)
    }

    /// The anchor ids of one sentence, sorted and unique.
    func anchors(_ tokens: [Token], table: inout AnchorTable) -> [Int] {
        var folder = WordFolder()
        return anchors(tokens, table: &table, folder: &folder)
    }

    /// The same, folding words through `folder` (shared by the sentences of a document).
    func anchors(_ tokens: [Token], table: inout AnchorTable, folder: inout WordFolder) -> [Int] {
        var result = Set<Int>()
        for token in tokens {
            let folded = token.isNumber ? nil : folder.fold(token.text)
            if let (key, kind) = anchorKey(token, folded: folded) { result.insert(table.id(key, kind)) }
        }
        return result.sorted()
    }

    /// The anchor key and kind of `token`, nil when it is no anchor.
    /// - Parameter folded: the token folded (``Tokenizer/fold(_:)``); nil for a number.
    func anchorKey(_ token: Token, folded: String?) -> (key: String, kind: AnchorKind)? {
        if token.isNumber { return (Self.numberKey(token.text), .number) }
        guard let folded else { return nil }
        if token.isCapitalized, token.scalarCount >= 2,
           token.isAcronym || !vocabulary.contains(Self.lowercased(token.text)) {
            return (Self.nameKey(folded: folded), .name)
        } else if !token.isCapitalized, token.scalarCount >= Self.cognatePrefix + 1 {
            return (WordFolder.prefix(folded, Self.cognatePrefix, after: "~"), .cognate)
        }
        return nil
    }

    /// `text.lowercased()`, letter by letter for ASCII text (the usual case), which the library
    /// sends through its Unicode case mapping.
    static func lowercased(_ text: Substring) -> String {
        var text = text
        let ascii = text.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                for (index, byte) in utf8.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
                return utf8.count
            }
        }
        return ascii ?? text.lowercased()
    }

    /// `#5700` for `5,700`, `5.700` and `5700`: the digits without separators or leading zeros.
    static func numberKey(_ text: Substring) -> String {
        if let key = asciiNumberKey(text) { return key }
        var digits = String(text.unicodeScalars.filter { $0.properties.numericType == .decimal }.map(Character.init))
        while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
        return "#" + digits
    }

    /// ``numberKey(_:)`` of an ASCII number, without Unicode property look-ups; nil for any other.
    private static func asciiNumberKey(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var digits = utf8.filter { (0x30...0x39).contains($0) }
        let zeros = digits.prefix { $0 == 0x30 }.count
        digits.removeFirst(min(zeros, max(0, digits.count - 1)))
        return "#" + String(decoding: digits, as: UTF8.self)
    }

    /// `@trum` for `Trump` and `Trumpit`; short words (`BE`, `EU`) are kept whole.
    static func nameKey(_ text: Substring) -> String {
        var folder = WordFolder()
        return nameKey(text, folder: &folder)
    }

    /// The same, folding through `folder`.
    static func nameKey(_ text: Substring, folder: inout WordFolder) -> String {
        nameKey(folded: folder.fold(text))
    }

    /// The same for a word already folded.
    static func nameKey(folded: String) -> String {
        WordFolder.prefix(folded, namePrefix, after: "@")
    }
}

/// The lower-case words of one side: its tokens that are neither numbers nor capitalised.
///
/// Built on a side's distinct tokens, it finds a word by its bytes among them, and keeps as
/// strings only the words with a scalar from U+0300 on. Strings are equal when they are
/// canonically equivalent, and two strings of scalars below U+0300 (letters with precomposed
/// accents, no combining marks) are both in normal form C, where that means equal bytes; hashing
/// each word as a string normalises it, which cost more than the rest of reading the side.
struct Vocabulary {
    /// The side's distinct tokens; nil when every word is in `words`.
    private let side: SideTokens?
    /// The words with a scalar from U+0300 on (all of them when there is no `side`).
    private let words: Set<String>

    /// The lower-case words among `tokens`.
    init(_ tokens: some Sequence<Token>) {
        side = nil
        words = Set(tokens.filter(Self.isWord).map { String($0.text) })
    }

    /// The lower-case words among the distinct tokens of `side`.
    init(side: SideTokens) {
        self.side = side
        var words = Set<String>()
        // By index, reading a token's flags in place: binding each token copied (retained) it.
        for id in side.classes.indices where Self.isWord(side.classes[id]) {
            if !side.withBytes(ofToken: id, { TextInput.isBelowCombiningMarks($0) }) { words.insert(side.text(ofToken: id)) }
        }
        self.words = words
    }

    /// Whether `word` is one of the words (equal as strings).
    func contains(_ word: String) -> Bool {
        guard let side else { return words.contains(word) }
        if let id = side.id(ofBytesOf: word), Self.isWord(side.classes[id]) { return true }
        if words.contains(word) { return true }
        // Left: words below U+0300 of other bytes than `word`, which can only equal a word that
        // is not in normal form C, so has a scalar from U+0300 on.
        if TextInput.isBelowCombiningMarks(word) { return false }
        return side.classes.indices.contains { Self.isWord(side.classes[$0]) && side.text(ofToken: $0) == word }
    }

    /// ``contains(_:)`` of the word of ASCII bytes `utf8`, without making it a string unless some
    /// word has a scalar from U+0300 on (an ASCII word is below U+0300, so the last step of
    /// ``contains(_:)`` never finds it).
    func contains(ascii utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let side, words.isEmpty else { return contains(String(decoding: utf8, as: UTF8.self)) }
        guard let id = side.id(ofBytes: utf8) else { return false }
        return Self.isWord(side.classes[id])
    }

    private static func isWord(_ token: Token) -> Bool { !token.isNumber && !token.isCapitalized }
    private static func isWord(_ token: TokenClass) -> Bool { !token.isNumber && !token.isCapitalized }
}
