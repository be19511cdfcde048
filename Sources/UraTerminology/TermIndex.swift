import UraCore

/// Where a glossary term occurs in a text.
struct TermOccurrence: Sendable {
    let pattern: TermPattern
    let tokens: Range<Int>
}

/// A glossary's terms compiled for one language, indexed by the keys of their first word so a
/// text is scanned once, not once per term.
///
/// A class, not a struct: every text's word look-up hands ``entry(_:)`` to the word table, and a
/// struct's every field would be retained for it (and released) once per text.
final class TermIndex: Sendable {
    let morphology: Morphology
    let patterns: [TermPattern]
    private let keyNumbers: KeyNumbers
    /// Indices of the patterns whose first word has each key, by key number.
    private let patternsByKey: [[Int]]
    /// Indices of the patterns of each concept, by concept index.
    private let patternsByConcept: [[Int]]
    /// Patterns that open with an article (`i huaj`, `të drejtat e njeriut`), tried where the text has one.
    private let openingWithArticle: [Int]
    /// What the index knows of each word form it has seen.
    private let words = WordTable()

    init(glossary: Glossary, language: Language) {
        morphology = Morphology.shared(language)
        var keyNumbers = KeyNumbers()
        var patterns: [TermPattern] = []
        for (index, concept) in glossary.concepts.enumerated() {
            for term in concept.terms(in: language) {
                if let pattern = TermPattern(concept: index, term: term, morphology: morphology, keys: &keyNumbers) {
                    patterns.append(pattern)
                }
            }
        }
        var patternsByKey = Array(repeating: [Int](), count: keyNumbers.keys.count)
        var patternsByConcept = Array(repeating: [Int](), count: glossary.concepts.count)
        var openingWithArticle: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            if case .article = pattern.slots[0] { openingWithArticle.append(index) }
            for key in pattern.firstWordKeys { patternsByKey[Int(key)].append(index) }
            patternsByConcept[pattern.concept].append(index)
        }
        self.patterns = patterns
        self.keyNumbers = keyNumbers
        self.patternsByKey = patternsByKey
        self.patternsByConcept = patternsByConcept
        self.openingWithArticle = openingWithArticle
        openings = Self.openings(of: patterns, keys: keyNumbers)
    }

    /// The folded first three letters of every key of every glossary word. A text word matches a
    /// glossary word only through a shared key, and keys are the word or its prefixes (suffix rules,
    /// inflectional stems), so a word whose opening is not here cannot match.
    let openings: Set<String>

    private static func openings(of patterns: [TermPattern], keys: KeyNumbers) -> Set<String> {
        var openings: Set<String> = []
        for pattern in patterns {
            for case .word(_, let wordKeys, let folded) in pattern.slots {
                for key in wordKeys + folded { openings.insert(opening(keys.keys[Int(key)])) }
            }
        }
        return openings
    }

    /// A word's folded first three letters.
    static func opening(_ word: String) -> String {
        // Folding maps character to character, so the opening of the folded word is the folded opening.
        Morphology.fold(String(word.prefix(3)))
    }

    /// `text` tokenized for this index's language, each token's word looked up once.
    func tokenize(_ text: String) -> TokenizedText {
        let tokens = Tokenizer.tokens(text)
        return TokenizedText(text, tokens: tokens, words: words.entries(tokens, make: entry), table: words)
    }

    /// What matching needs of `form`. A word whose opening no glossary word shares gets no stems
    /// (it cannot match, and most words of a text are such words): its only key is itself (an
    /// acronym such as `un` can still open a pattern).
    private func entry(_ form: String) -> WordEntry {
        let isCandidate = openings.contains(Self.opening(form))
        let keys = isCandidate ? keyNumbers.existingNumbers(morphology.keys(form)) : keyNumbers.existingNumbers(of: form)
        let foldedKeys = isCandidate ? keyNumbers.existingNumbers(morphology.foldedKeys(form))
                                     : keyNumbers.existingNumbers(of: Morphology.fold(form))
        let isArticle = morphology.isArticle(form)
        // A pattern opening with an article matches (unfolded) only where the text has one.
        var candidates = isArticle ? openingWithArticle : []
        for key in keys { candidates.append(contentsOf: patternsByKey[Int(key)]) }
        candidates.sort()
        return WordEntry(keys: keys, foldedKeys: foldedKeys, candidates: Self.removingRepeats(candidates), isArticle: isArticle,
                         isFoldedArticle: morphology.language == .albanian && ["te", "se"].contains(form),
                         isInsertable: morphology.isInsertable(form),
                         numberValue: NumberCheck.wordValue(form, language: morphology.language),
                         languageHint: TerminologyChecker.languageHint(form))
    }

    /// Sorted `numbers`, each once.
    private static func removingRepeats(_ numbers: [Int]) -> [Int] {
        var result: [Int] = []
        for number in numbers where number != result.last { result.append(number) }
        return result
    }

    /// The patterns of the concept at `index` in the glossary, in index order.
    func patterns(ofConcept index: Int) -> [TermPattern] {
        patternsByConcept[index].map { patterns[$0] }
    }

    /// Every occurrence of every term, at every start, overlapping ones included.
    /// - Parameter only: a condition on the patterns to try (all by default).
    func occurrences(in text: TokenizedText, only: (TermPattern) -> Bool = { _ in true }) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        for start in text.tokens.indices {
            text.words[start].withCandidates { candidates in
                for index in candidates where only(patterns[index]) {
                    if let range = patterns[index].match(text, at: start) {
                        result.append(TermOccurrence(pattern: patterns[index], tokens: range))
                    }
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
