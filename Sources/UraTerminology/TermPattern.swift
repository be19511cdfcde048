import UraCore

/// A glossary term compiled for matching: one slot per word. Albanian linking articles become
/// article slots, which match any linking article or nothing.
struct TermPattern: Sendable {
    enum Slot: Sendable {
        case article
        case word(form: String, keys: Set<String>, folded: Set<String>)
        /// An acronym (`UN`, `EU`, `BE`): matched only as written in capitals, so `Kim Jong Un`
        /// is not the United Nations and the Albanian verb `be` is not the European Union.
        case acronym(form: String)
    }

    /// Index of the concept in the glossary.
    let concept: Int
    let term: Glossary.Term
    let slots: [Slot]

    init?(concept: Int, term: Glossary.Term, morphology: Morphology) {
        let tokens = Tokenizer.tokens(term.text)
        guard !tokens.isEmpty else { return nil }
        self.concept = concept
        self.term = term
        slots = tokens.map { token in
            if morphology.isArticle(token.form) { return .article }
            if token.isUppercase, token.form.count <= 6 { return .acronym(form: token.form) }
            return .word(form: token.form, keys: morphology.keys(token.form), folded: morphology.foldedKeys(token.form))
        }
    }

    /// The keys of the first word slot (for indexing patterns by the word they start with).
    var firstWordKeys: Set<String> {
        for slot in slots {
            switch slot {
            case .word(_, let keys, _): return keys
            case .acronym(let form): return [form]
            case .article: continue
            }
        }
        return []
    }

    /// The token range the pattern covers when it starts at `start`, if it does.
    /// - Parameter folded: compare with `ë`/`ç` folded (for the diacritics check).
    /// - Complexity: O(slots × insertions); terms are a few words long and at most
    ///   ``maximumInsertions`` words are skipped in a row, so recursion stays shallow whatever the text.
    func match(_ text: TokenizedText, at start: Int, folded: Bool = false) -> Range<Int>? {
        guard let end = match(slot: 0, token: start, in: text, folded: folded) else { return nil }
        return start..<end
    }

    /// The most words a text may insert between two words of a term (`e saj e`).
    static let maximumInsertions = 3

    private func match(slot: Int, token: Int, in text: TokenizedText, folded: Bool, inserted: Int = 0) -> Int? {
        if slot == slots.count { return token }
        switch slots[slot] {
        case .article:
            if token < text.tokens.count, text.isArticle(token) || (folded && text.isFoldedArticle(token)),
               let end = match(slot: slot + 1, token: token + 1, in: text, folded: folded) {
                return end
            }
            // The text may drop the article (`leja qëndrimi` for `leja e qëndrimit`).
            return slot == 0 ? nil : match(slot: slot + 1, token: token, in: text, folded: folded)
        case .acronym(let form):
            guard token < text.tokens.count, text.tokens[token].isUppercase,
                  text.tokens[token].form == form || text.tokens[token].form == form + "'s" else { return nil }
            return match(slot: slot + 1, token: token + 1, in: text, folded: folded)
        case .word(_, let keys, let foldedKeys):
            guard token < text.tokens.count else { return nil }
            let tokenKeys = folded ? text.foldedKeys(token) : text.keys(token)
            if !tokenKeys.isDisjoint(with: folded ? foldedKeys : keys),
               let end = match(slot: slot + 1, token: token + 1, in: text, folded: folded) {
                return end
            }
            // The text may add a linking article or a possessive the term does not have
            // (`leje qëndrimi` as `leja e saj e qëndrimit`), but never before the first word.
            if slot > 0, inserted < Self.maximumInsertions, text.isInsertable(token) || (folded && text.isFoldedArticle(token)) {
                return match(slot: slot, token: token + 1, in: text, folded: folded, inserted: inserted + 1)
            }
            return nil
        }
    }
}

/// A text split into tokens, with each token's match keys looked up once.
final class TokenizedText {
    let text: String
    let tokens: [Token]
    let morphology: Morphology
    /// Folded three-letter openings of every glossary word key (see ``TermIndex/openings``);
    /// nil when every word may match.
    private let openings: Set<String>?
    private var keyCache: [Set<String>?]
    private var foldedCache: [Set<String>?]

    /// - Parameter openings: when given, words whose opening no glossary word shares get no
    ///   stems: they cannot match, and most words of a text are such words (a quarter of the time
    ///   of a first pass is Hunspell's).
    init(_ text: String, morphology: Morphology, openings: Set<String>? = nil) {
        self.text = text
        self.tokens = Tokenizer.tokens(text)
        self.morphology = morphology
        self.openings = openings
        keyCache = Array(repeating: nil, count: tokens.count)
        foldedCache = Array(repeating: nil, count: tokens.count)
    }

    /// Whether the word at `index` could match some glossary word.
    func isCandidate(_ index: Int) -> Bool {
        openings?.contains(TermIndex.opening(tokens[index].form)) ?? true
    }

    func keys(_ index: Int) -> Set<String> {
        if let cached = keyCache[index] { return cached }
        let keys = isCandidate(index) ? morphology.keys(tokens[index].form) : [tokens[index].form]
        keyCache[index] = keys
        return keys
    }

    func foldedKeys(_ index: Int) -> Set<String> {
        if let cached = foldedCache[index] { return cached }
        let keys = isCandidate(index) ? morphology.foldedKeys(tokens[index].form) : [Morphology.fold(tokens[index].form)]
        foldedCache[index] = keys
        return keys
    }

    func isArticle(_ index: Int) -> Bool { morphology.isArticle(tokens[index].form) }

    /// `te`, `se`: linking articles written without their `ë` (checked only when folding).
    func isFoldedArticle(_ index: Int) -> Bool {
        morphology.language == .albanian && ["te", "se"].contains(tokens[index].form)
    }

    func isInsertable(_ index: Int) -> Bool { morphology.isInsertable(tokens[index].form) }

    /// The text a token range covers.
    func span(_ range: Range<Int>) -> String {
        guard let first = range.first, range.upperBound <= tokens.count else { return "" }
        let start = text.index(text.startIndex, offsetBy: tokens[first].start)
        let end = text.index(text.startIndex, offsetBy: tokens[range.upperBound - 1].end)
        return String(text[start..<end])
    }
}
