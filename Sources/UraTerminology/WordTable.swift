/// The keys glossary words are matched by (their keys, folded keys and acronyms), numbered, so a
/// text word's keys are compared with a term word's as short sorted arrays of numbers. Keys no
/// glossary word has are left out of a text word's numbers: they cannot make it match.
struct KeyNumbers: Sendable {
    private var numbers: [String: Int32] = [:]
    /// The keys, by number.
    private(set) var keys: [String] = []

    /// The number of `key`, numbering it if it is new.
    mutating func number(_ key: String) -> Int32 {
        if let number = numbers[key] { return number }
        let number = Int32(keys.count)
        numbers[key] = number
        keys.append(key)
        return number
    }

    /// The numbers of `keys`, sorted, numbering new ones.
    mutating func numbers(_ keys: Set<String>) -> [Int32] {
        keys.map { number($0) }.sorted()
    }

    /// The numbers of those of `keys` that are numbered, sorted.
    func existingNumbers(_ keys: Set<String>) -> [Int32] {
        keys.compactMap { numbers[$0] }.sorted()
    }

    /// The number of `key` alone, if it is numbered (as ``existingNumbers(_:)`` of a set of one key).
    func existingNumbers(of key: String) -> [Int32] {
        numbers[key].map { [$0] } ?? []
    }

    /// Whether sorted arrays `a` and `b` have a number in common.
    static func shareOne(_ a: [Int32], _ b: [Int32]) -> Bool {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}

/// What matching needs to know of a word form, worked out once per form for a ``TermIndex``.
final class WordEntry: Sendable {
    /// Numbers of the word's glossary keys (see ``KeyNumbers``), sorted.
    let keys: [Int32]
    /// Numbers of its glossary keys with `ë`/`ç` folded, sorted.
    let foldedKeys: [Int32]
    /// Indices of the patterns that may start at the word, ascending, each once.
    let candidates: [Int]
    /// A linking article (see ``Morphology/isArticle(_:)``).
    let isArticle: Bool
    /// `te`, `se`: Albanian linking articles written without their `ë` (matched only when folding).
    let isFoldedArticle: Bool
    /// A word a text may insert inside a term (see ``Morphology/isInsertable(_:)``).
    let isInsertable: Bool
    /// The value of a number written as a word (`five`, `pesë`; see ``NumberCheck/wordValue(_:language:)``).
    let numberValue: String?
    /// How the word counts when telling whether a text is English (see ``TerminologyChecker/looksEnglish(_:)``).
    let languageHint: LanguageHint

    init(keys: [Int32], foldedKeys: [Int32], candidates: [Int], isArticle: Bool, isFoldedArticle: Bool, isInsertable: Bool,
         numberValue: String?, languageHint: LanguageHint) {
        self.keys = keys
        self.foldedKeys = foldedKeys
        self.candidates = candidates
        self.isArticle = isArticle
        self.isFoldedArticle = isFoldedArticle
        self.isInsertable = isInsertable
        self.numberValue = numberValue
        self.languageHint = languageHint
    }

    /// What a word form says of the language of the text it is in.
    enum LanguageHint: Sendable {
        /// An English function word (`the`, `of`).
        case english
        /// An Albanian function word, or a word with `ë`/`ç`: English text has neither.
        case albanian
        case neither
    }
}

/// A ``WordEntry`` held without a reference count, for the token arrays of texts.
///
/// Why: every text holds an entry per token, and the common words' entries are shared by all the
/// threads checking. Retaining and releasing them, an atomic write to a counter the other core
/// keeps writing too, cost more than the rest of the look-up. The ``WordTable`` that made an
/// entry keeps it for its own lifetime, and ``TokenizedText`` keeps its table alive.
struct WordRef {
    private let entry: Unmanaged<WordEntry>

    /// `entry`, which a ``WordTable`` owns.
    fileprivate init(_ entry: WordEntry) {
        self.entry = .passUnretained(entry)
    }

    /// `body`'s result on the entry, read without retaining it (or its arrays).
    @inline(__always)
    private func read<Result>(_ body: (WordEntry) -> Result) -> Result {
        entry._withUnsafeGuaranteedRef(body)
    }

    var isArticle: Bool { read(\.isArticle) }
    var isFoldedArticle: Bool { read(\.isFoldedArticle) }
    var isInsertable: Bool { read(\.isInsertable) }
    var numberValue: String? { read(\.numberValue) }
    var languageHint: WordEntry.LanguageHint { read(\.languageHint) }

    /// Whether the word shares a key with the sorted key numbers `keys` (its folded keys when `folded`).
    func sharesKey(with keys: [Int32], folded: Bool) -> Bool {
        read { KeyNumbers.shareOne(folded ? $0.foldedKeys : $0.keys, keys) }
    }

    /// `body`'s result on the indices of the patterns that may start at the word.
    func withCandidates<Result>(_ body: ([Int]) -> Result) -> Result {
        read { body($0.candidates) }
    }
}

/// Word entries by form, shared by every text a checker sees and by its threads. Entries are
/// never dropped: the table grows with the vocabulary of the texts checked (a build's releases).
final class WordTable: @unchecked Sendable {
    // Unchecked: `table` is read and written under `lock` only.
    private var table = FormTable()
    /// Threads checking at once look words up together; they wait only for a thread adding one.
    private let lock = ReadWriteLock()

    /// The entries of the forms of `tokens`, in order, looked up under one read lock. `make` works
    /// out, outside the lock, each form not seen before (once, unless two threads meet it at once:
    /// then the first one added is kept).
    func entries(_ tokens: [Token], make: (String) -> WordEntry) -> [WordRef] {
        var unknown: [Int] = []
        // The table is read in place: it is not copied (and retained) while the lock is held.
        var result = lock.reading { table.look(up: tokens, unknown: &unknown) }
        for index in unknown {
            let form = tokens[index].form
            let made = make(form)
            result[index] = lock.writing { table.add(form, made) }
        }
        return result
    }
}

/// Word forms and their entries: an open-addressing hash table hashed on the forms' UTF-8 bytes.
///
/// Why not a `[String: WordEntry]`: `String` hashing runs SipHash and, for a word with `ë` or `ç`,
/// normalizes it first; a look-up also retains the entry it returns. Forms are NFC (see
/// ``Tokenizer``), so equal bytes are equal words.
private struct FormTable {
    /// Per slot, the index in `forms` of the form hashed there, or -1; a power of two long.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var forms: [String] = []
    private var hashes: [UInt64] = []
    /// The entries, by form index: the table owns them, so ``WordRef``s to them stay valid.
    private var entries: [WordEntry] = []
    private var refs: [WordRef] = []

    /// The entries of the forms of `tokens`, a placeholder for each unknown one, whose indices go to `unknown`.
    func look(up tokens: [Token], unknown: inout [Int]) -> [WordRef] {
        [WordRef](unsafeUninitializedCapacity: tokens.count) { buffer, count in
            for (index, token) in tokens.enumerated() {
                if let found = self.index(of: token.form, hash: Self.hash(token.form)) {
                    buffer.initializeElement(at: index, to: refs[found])
                } else {
                    unknown.append(index)
                    buffer.initializeElement(at: index, to: WordRef(Self.placeholder))
                }
            }
            count = tokens.count
        }
    }

    /// The entry of `form`: `entry`, added, unless the form is there already (then `entry` is dropped).
    mutating func add(_ form: String, _ entry: WordEntry) -> WordRef {
        let hash = Self.hash(form)
        if let found = index(of: form, hash: hash) { return refs[found] }
        // Kept at most half full, so probe runs stay short.
        if (forms.count + 1) * 2 > slots.count { grow() }
        forms.append(form)
        hashes.append(hash)
        entries.append(entry)
        refs.append(WordRef(entry))
        slots[emptySlot(for: hash)] = Int32(forms.count - 1)
        return refs[refs.count - 1]
    }

    private func index(of form: String, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if hashes[index] == hash, forms[index] == form { return index }
            slot = (slot + 1) & mask
        }
    }

    private func emptySlot(for hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, hash) in hashes.enumerated() { slots[emptySlot(for: hash)] = Int32(index) }
    }

    /// FNV-1a of the form's UTF-8 bytes, its high bits mixed down (the table uses the low ones).
    private static func hash(_ form: String) -> UInt64 {
        var form = form
        // Read as a buffer: iterating `form.utf8` costs several times as much per byte.
        return form.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return hash ^ (hash >> 29)
        }
    }

    /// Stands for an entry until it is made.
    private static let placeholder = WordEntry(keys: [], foldedKeys: [], candidates: [], isArticle: false, isFoldedArticle: false,
                                               isInsertable: false, numberValue: nil, languageHint: .neither)
}
