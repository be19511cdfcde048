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

    init(keys: [Int32], foldedKeys: [Int32], candidates: [Int], isArticle: Bool, isFoldedArticle: Bool, isInsertable: Bool,
         numberValue: String?) {
        self.keys = keys
        self.foldedKeys = foldedKeys
        self.candidates = candidates
        self.isArticle = isArticle
        self.isFoldedArticle = isFoldedArticle
        self.isInsertable = isInsertable
        self.numberValue = numberValue
    }
}

/// Word entries by form, shared by every text a checker sees and by its threads. Entries are
/// never dropped: the table grows with the vocabulary of the texts checked (a build's releases).
final class WordTable: @unchecked Sendable {
    // Unchecked: `table` is read and written under `lock` only.
    private var table: [String: WordEntry] = [:]
    /// Threads checking at once look words up together; they wait only for a thread adding one.
    private let lock = ReadWriteLock()

    /// The entries of the forms of `tokens`, in order, looked up under one read lock. `make` works
    /// out, outside the lock, each form not seen before (once, unless two threads meet it at once:
    /// both make an equal entry). Each entry is retained once: retains of entries both threads use
    /// are costly.
    func entries(_ tokens: [Token], make: (String) -> WordEntry) -> [WordEntry] {
        var unknown: [Int] = []
        var result = lock.reading {
            // The property read once per text; the copy is gone before the lock is, so a writer
            // never finds the table shared (and copied).
            let table = self.table
            return tokens.indices.map { index in
                if let entry = table[tokens[index].form] { return entry }
                unknown.append(index)
                return Self.placeholder
            }
        }
        for index in unknown {
            let form = tokens[index].form
            let entry = make(form)
            result[index] = entry
            lock.writing { table[form] = entry }
        }
        return result
    }

    /// Stands for an entry until it is made.
    private static let placeholder = WordEntry(keys: [], foldedKeys: [], candidates: [], isArticle: false, isFoldedArticle: false,
                                               isInsertable: false, numberValue: nil)
}
