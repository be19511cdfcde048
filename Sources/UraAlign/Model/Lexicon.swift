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
    private var english: [String: [(key: String, stems: [String])]] = [:]
    private var albanian: [String: [(key: String, stems: [String])]] = [:]
    let isEmpty: Bool

    init(_ patterns: [LexiconPattern]) {
        for pattern in patterns {
            english[Self.bucket(pattern.english[0]), default: []].append((pattern.key, pattern.english))
            for form in pattern.albanian {
                albanian[Self.bucket(form[0]), default: []].append((pattern.key, form))
            }
        }
        isEmpty = patterns.isEmpty
    }

    /// Words of three letters or more.
    static func contentWords(_ words: [String]) -> [String] { words.filter { WordFolder.characterCount($0, exceeds: 2) } }

    private static func bucket(_ word: String) -> String { WordFolder.prefix(word, 3) }

    /// The keys of the entries found in `words` (folded words of one sentence) on `side`.
    func keys(in allWords: [String], english side: Bool) -> [String] {
        let index = side ? english : albanian
        let words = Self.contentWords(allWords)
        var found: [String] = []
        for start in words.indices {
            guard let candidates = index[Self.bucket(words[start])] else { continue }
            for candidate in candidates where start + candidate.stems.count <= words.count {
                var matches = true
                for (offset, stem) in candidate.stems.enumerated() where !words[start + offset].hasPrefix(stem) {
                    matches = false
                    break
                }
                if matches { found.append(candidate.key) }
            }
        }
        return found
    }
}
