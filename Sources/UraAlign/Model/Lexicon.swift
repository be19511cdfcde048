/// A bilingual lexicon: English terms and the Albanian forms that translate them, e.g. the
/// migration glossary (`"irregular migration": ["migracion i parregullt"]`).
///
/// Words are compared on their stems (the first letters, all but a short ending), so inflected
/// forms match: `migrants` matches `migrant`, `migracionit` matches `migracion`.
public struct BilingualLexicon: Sendable, Equatable {
    /// English term → Albanian forms.
    public var entries: [String: [String]]

    /// A lexicon of `entries` (English term → Albanian forms).
    public init(_ entries: [String: [String]]) {
        self.entries = entries
    }

    /// The stem of a folded word: `qeverisjes` and `qeverisja` share `qeveris`.
    static func stem(_ word: String) -> String {
        let count = word.count
        return count <= 4 ? word : String(word.prefix(max(4, count - 2)))
    }

    /// The content words of `text`, folded and stemmed. Words of one or two letters are left
    /// out: Albanian articles change with case (`migracion i parregullt`, `migracionit të
    /// parregullt`), so they must not decide a match.
    static func stems(_ text: String) -> [String] {
        LexiconMatcher.contentWords(Tokenizer.tokens(text).map { Tokenizer.fold($0.text) }).map(stem)
    }

    /// The entries as stem patterns, for ``LexiconMatcher``.
    var patterns: [LexiconPattern] {
        entries.keys.sorted().compactMap { term in
            let english = Self.stems(term)
            let albanian = (entries[term] ?? []).map(Self.stems).filter { !$0.isEmpty }
            guard !english.isEmpty, !albanian.isEmpty else { return nil }
            return LexiconPattern(key: "L:" + english.joined(separator: " "), english: english, albanian: albanian)
        }
    }
}

/// One lexicon entry as word-stem sequences: it occurs in a sentence when consecutive words of
/// the sentence start with its stems.
struct LexiconPattern: Equatable {
    var key: String
    var english: [String]
    var albanian: [[String]]
}

/// Finds lexicon entries in folded sentence words, indexed by the first letters of each
/// pattern's first word so a large glossary costs little per word.
struct LexiconMatcher {
    private var english = Buckets(), albanian = Buckets()
    let isEmpty: Bool

    init(_ patterns: [LexiconPattern]) {
        for pattern in patterns {
            english.add(pattern.key, pattern.english)
            for form in pattern.albanian { albanian.add(pattern.key, form) }
        }
        english.pack()
        albanian.pack()
        isEmpty = patterns.isEmpty
    }

    /// Words of three letters or more.
    static func contentWords(_ words: [String]) -> [String] { words.filter(isContentWord) }

    private static func isContentWord(_ word: String) -> Bool { WordFolder.characterCount(word, exceeds: 2) }

    /// The keys of the entries found in `words` (folded words of one sentence) on `side`.
    func keys(in words: [String], english side: Bool) -> [String] {
        let buckets = side ? english : albanian
        // The places of the content words, on the stack: a sentence at a time, twice a document.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: words.count) { places in
            var count = 0
            for index in words.indices where Self.isContentWord(words[index]) {
                places[count] = index
                count += 1
            }
            let content = UnsafeBufferPointer(rebasing: places[..<count])
            var found: [String] = []
            for start in content.indices {
                guard let candidates = buckets.entries(startingLike: words[content[start]]) else { continue }
                for candidate in candidates where start + candidate.stems.count <= content.count {
                    var matches = true
                    for (offset, stem) in candidate.stems.enumerated() where !words[content[start + offset]].hasPrefix(stem) {
                        matches = false
                        break
                    }
                    if matches { found.append(candidate.key) }
                }
            }
            return found
        }
    }
}

/// Lexicon entries of one language by the first three letters of their first word.
private struct Buckets {
    typealias Entry = (key: String, stems: [String])
    private var byText: [String: [Entry]] = [:]
    /// The same by packed bytes (``PackedBytes``) when every bucket is ASCII: then a word that
    /// starts with ASCII letters finds its bucket without making a string.
    private var byBytes: PackedKeyTable<[Entry]>?

    private static let letters = 3

    /// Adds the entry `key` whose words start with `stems`.
    mutating func add(_ key: String, _ stems: [String]) {
        byText[WordFolder.prefix(stems[0], Self.letters), default: []].append((key, stems))
    }

    /// Indexes the buckets by bytes too, if they are all ASCII; call when every entry is added.
    mutating func pack() {
        let packed = byText.compactMap { bucket, entries in PackedBytes.key(bucket).map { ($0, entries) } }
        guard packed.count == byText.count else { return byBytes = nil }
        var table = PackedKeyTable<[Entry]>(minimumCapacity: packed.count)
        for (key, entries) in packed { table.insert(key, entries) }
        byBytes = table
    }

    /// The entries whose first word starts with the letters `word` starts with.
    func entries(startingLike word: String) -> [Entry]? {
        if let byBytes, let key = PackedBytes.prefixKey(word, Self.letters) { return byBytes.value(key) }
        return byText[WordFolder.prefix(word, Self.letters)]
    }
}
