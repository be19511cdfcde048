import UraCore

/// Where a glossary term occurs in a text.
struct TermOccurrence: Sendable {
    let pattern: TermPattern
    let tokens: Range<Int>
}

/// A glossary's terms compiled for one language, indexed by the keys of their first word so a
/// text is scanned once, not once per term.
struct TermIndex: Sendable {
    let morphology: Morphology
    let patterns: [TermPattern]
    private let byKey: [String: [Int]]
    /// Patterns that open with an article (`i huaj`, `të drejtat e njeriut`) are tried everywhere.
    private let openingWithArticle: [Int]

    init(glossary: Glossary, language: Language) {
        morphology = Morphology.shared(language)
        var patterns: [TermPattern] = []
        for (index, concept) in glossary.concepts.enumerated() {
            for term in concept.terms(in: language) {
                if let pattern = TermPattern(concept: index, term: term, morphology: morphology) { patterns.append(pattern) }
            }
        }
        var byKey: [String: [Int]] = [:]
        var openingWithArticle: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            if case .article = pattern.slots[0] { openingWithArticle.append(index) }
            for key in pattern.firstWordKeys { byKey[key, default: []].append(index) }
        }
        self.patterns = patterns
        self.byKey = byKey
        self.openingWithArticle = openingWithArticle
        var openings: Set<String> = []
        for pattern in patterns {
            for case .word(_, let keys, let folded) in pattern.slots {
                for key in keys.union(folded) { openings.insert(Self.opening(key)) }
            }
        }
        self.openings = openings
    }

    /// The folded first three letters of every key of every glossary word. A text word matches a
    /// glossary word only through a shared key, and keys are the word or its prefixes (suffix rules,
    /// inflectional stems), so a word whose opening is not here cannot match.
    let openings: Set<String>

    /// A word's folded first three letters.
    static func opening(_ word: String) -> String {
        // Folding maps character to character, so the opening of the folded word is the folded opening.
        Morphology.fold(String(word.prefix(3)))
    }

    /// `text` tokenized for this index's language, skipping stems no glossary word can use.
    func tokenize(_ text: String) -> TokenizedText {
        TokenizedText(text, morphology: morphology, openings: openings)
    }

    /// Every occurrence of every term, at every start, overlapping ones included.
    func occurrences(in text: TokenizedText) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        for start in text.tokens.indices {
            // A pattern opening with an article matches (unfolded) only where the text has one.
            var candidates = text.isArticle(start) ? openingWithArticle : []
            if text.isCandidate(start) {
                for key in text.keys(start) {
                    if let indices = byKey[key] { candidates.append(contentsOf: indices) }
                }
            } else if let indices = byKey[text.tokens[start].form] {
                // The word's only key is itself (an acronym such as `un` can still open a pattern).
                candidates.append(contentsOf: indices)
            }
            if candidates.isEmpty { continue }
            // Each pattern once, in index order.
            candidates.sort()
            var previous = -1
            for index in candidates where index != previous {
                previous = index
                if let range = patterns[index].match(text, at: start) {
                    result.append(TermOccurrence(pattern: patterns[index], tokens: range))
                }
            }
        }
        return result
    }

    /// The leftmost-longest occurrences that do not overlap: `irregular migration` wins over
    /// `migration`, so a longer term's words are not checked again as shorter terms.
    func longestOccurrences(in text: TokenizedText) -> [TermOccurrence] {
        let sorted = occurrences(in: text).sorted {
            ($0.tokens.lowerBound, -$0.tokens.count, $0.pattern.concept) < ($1.tokens.lowerBound, -$1.tokens.count, $1.pattern.concept)
        }
        var chosen: [TermOccurrence] = []
        var coveredUpTo = 0
        for occurrence in sorted where occurrence.tokens.lowerBound >= coveredUpTo {
            chosen.append(occurrence)
            coveredUpTo = occurrence.tokens.upperBound
        }
        return chosen
    }

    /// The first place `pattern` occurs in `text` only once `ë`/`ç` are folded: a diacritics slip
    /// in a term word or in a linking article (`te` for `të`).
    func findFoldedOnly(_ pattern: TermPattern, in text: TokenizedText) -> Range<Int>? {
        for start in text.tokens.indices where pattern.match(text, at: start) == nil {
            if let range = pattern.match(text, at: start, folded: true) { return range }
        }
        return nil
    }

    /// The first place `pattern` occurs in `text` (with `ë`/`ç` folded when `folded`).
    func find(_ pattern: TermPattern, in text: TokenizedText, folded: Bool = false) -> Range<Int>? {
        for start in text.tokens.indices {
            if let range = pattern.match(text, at: start, folded: folded) { return range }
        }
        return nil
    }
}
