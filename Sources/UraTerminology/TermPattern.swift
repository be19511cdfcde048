import UraCore

/// A glossary term compiled for matching: one slot per word. Albanian linking articles become
/// article slots, which match any linking article or nothing.
final class TermPattern: Sendable {
    enum Slot: Sendable {
        case article
        /// A word, by the numbers of its keys and of its folded keys (see ``KeyNumbers``).
        case word(form: String, keys: [Int32], folded: [Int32])
        /// An acronym (`UN`, `EU`, `BE`): matched only as written in capitals, so `Kim Jong Un`
        /// is not the United Nations and the Albanian verb `be` is not the European Union.
        case acronym(form: String, possessive: String)
    }

    /// Index of the concept in the glossary.
    let concept: Int
    let term: Glossary.Term
    let slots: [Slot]
    /// The keys of the first word slot (for indexing patterns by the word they start with).
    let firstWordKeys: [Int32]

    /// - Parameter keys: numbers every key of the term's words (and an acronym's form).
    init?(concept: Int, term: Glossary.Term, morphology: Morphology, keys: inout KeyNumbers) {
        let tokens = Tokenizer.tokens(term.text)
        guard !tokens.isEmpty else { return nil }
        self.concept = concept
        self.term = term
        var firstWordKeys: [Int32]?
        slots = tokens.map { token in
            if morphology.isArticle(token.form) { return .article }
            if token.isUppercase, token.form.count <= 6 {
                firstWordKeys = firstWordKeys ?? [keys.number(token.form)]
                return .acronym(form: token.form, possessive: token.form + "'s")
            }
            let wordKeys = keys.numbers(morphology.keys(token.form))
            firstWordKeys = firstWordKeys ?? wordKeys
            return .word(form: token.form, keys: wordKeys, folded: keys.numbers(morphology.foldedKeys(token.form)))
        }
        self.firstWordKeys = firstWordKeys ?? []
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
        // Switched on the slot's kind, not the slot: binding the slot's payloads would copy (retain
        // and release) its arrays and strings on every attempt to match.
        switch slots[slot].kind {
        case .article:
            if token < text.tokens.count, text.words[token].isArticle || (folded && text.words[token].isFoldedArticle),
               let end = match(slot: slot + 1, token: token + 1, in: text, folded: folded) {
                return end
            }
            // The text may drop the article (`leja qëndrimi` for `leja e qëndrimit`).
            return slot == 0 ? nil : match(slot: slot + 1, token: token, in: text, folded: folded)
        case .acronym:
            guard token < text.tokens.count, slots[slot].matchesAcronym(text.tokens[token]) else { return nil }
            return match(slot: slot + 1, token: token + 1, in: text, folded: folded)
        case .word:
            guard token < text.tokens.count else { return nil }
            let word = text.words[token]
            if slots[slot].matches(word, folded: folded),
               let end = match(slot: slot + 1, token: token + 1, in: text, folded: folded) {
                return end
            }
            // The text may add a linking article or a possessive the term does not have
            // (`leje qëndrimi` as `leja e saj e qëndrimit`), but never before the first word.
            if slot > 0, inserted < Self.maximumInsertions, word.isInsertable || (folded && word.isFoldedArticle) {
                return match(slot: slot, token: token + 1, in: text, folded: folded, inserted: inserted + 1)
            }
            return nil
        }
    }
}

/// What ``TermPattern/match(_:at:folded:)`` asks of a slot. Methods, so that the slot's payloads
/// are read in place rather than copied out (and retained) on every attempt to match.
extension TermPattern.Slot {
    enum Kind { case article, word, acronym }

    var kind: Kind {
        switch self {
        case .article: .article
        case .word: .word
        case .acronym: .acronym
        }
    }

    /// Whether a word slot shares a key with `word` (folded keys with folded keys when `folded`).
    func matches(_ word: WordRef, folded: Bool) -> Bool {
        guard case .word(_, let keys, let foldedKeys) = self else { return false }
        return word.sharesKey(with: folded ? foldedKeys : keys, folded: folded)
    }

    /// Whether an acronym slot is `token`, in capitals, possessive or not.
    func matchesAcronym(_ token: Token) -> Bool {
        guard case .acronym(let form, let possessive) = self else { return false }
        return token.isUppercase && (token.form == form || token.form == possessive)
    }
}

/// A text split into tokens, with what the glossary needs of each token's word looked up once.
final class TokenizedText {
    let text: String
    let tokens: [Token]
    /// The word of each token.
    let words: [WordRef]
    /// The table that owns the entries of `words`, kept alive as long as they are read.
    private let table: WordTable

    init(_ text: String, tokens: [Token], words: [WordRef], table: WordTable) {
        self.text = text
        self.tokens = tokens
        self.words = words
        self.table = table
    }

    /// The text a token range covers.
    func span(_ range: Range<Int>) -> String {
        guard let first = range.first, range.upperBound <= tokens.count else { return "" }
        let start = text.index(text.startIndex, offsetBy: tokens[first].start)
        let end = text.index(text.startIndex, offsetBy: tokens[range.upperBound - 1].end)
        return String(text[start..<end])
    }
}
