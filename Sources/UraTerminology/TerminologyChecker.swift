import UraCore

/// One English–Albanian pair to check: a TMX `tu`, an XLIFF `unit`, or a paragraph bead.
public struct TranslationUnit: Sendable, Equatable {
    /// The unit's stable id (`tuid`, XLIFF unit id, `p3`).
    public var id: String
    public var english: String
    public var albanian: String

    public init(id: String, english: String, albanian: String) {
        self.id = id
        self.english = english
        self.albanian = albanian
    }
}

/// Checks translation units against a glossary and for consistency (numbers, untranslated text).
///
/// Rules, each with a stable id:
/// - `term-missing` (error; warning when every Albanian term is marked unconfirmed): an English
///   glossary term whose approved Albanian equivalent is absent, inflection allowed.
/// - `term-deprecated`: a deprecated term, in English (warning: the source is not the
///   translator's to change) or Albanian (error).
/// - `diacritics` (error): the Albanian equivalent is there only if `ë`/`ç` are ignored.
/// - `number-mismatch` (error): a number on one side that the other lacks, locale-aware.
/// - `untranslated` (error): the Albanian side is empty or in English; `source-missing` (warning):
///   the English side is empty.
/// - `target-identical` (error): the Albanian text is the English text, unchanged.
public struct TerminologyChecker: Sendable {
    public let glossary: Glossary
    private let english: TermIndex
    private let albanian: TermIndex

    /// Shorter identical texts are names, acronyms or figures kept as they are (`IOM Albania`).
    static let identicalMinimumWords = 5

    public init(glossary: Glossary) {
        self.glossary = glossary
        english = TermIndex(glossary: glossary, language: .english)
        albanian = TermIndex(glossary: glossary, language: .albanian)
    }

    /// Whether Hunspell's dictionaries were found (otherwise Ura's suffix rules work alone).
    public static var dictionaries: [Language: Bool] {
        [.english: Morphology.shared(.english).hasDictionary, .albanian: Morphology.shared(.albanian).hasDictionary]
    }

    /// The findings for every unit, in unit order.
    public func check(_ units: [TranslationUnit]) -> [Finding] {
        units.flatMap(check)
    }

    /// The findings for one unit.
    public func check(_ unit: TranslationUnit) -> [Finding] {
        let source = Self.trimmed(unit.english), target = Self.trimmed(unit.albanian)
        if source.isEmpty && target.isEmpty { return [] }
        if target.isEmpty {
            return [Finding(unit: unit.id, rule: "untranslated", severity: .error, side: "sq",
                            message: "The English text has no Albanian translation.")]
        }
        if source.isEmpty {
            return [Finding(unit: unit.id, rule: "source-missing", severity: .warning, side: "en",
                            message: "The Albanian text has no English source.")]
        }
        let sourceText = english.tokenize(source)
        let targetText = albanian.tokenize(target)
        if sourceText.tokens.count >= Self.identicalMinimumWords,
           sourceText.tokens.elementsEqual(targetText.tokens, by: { $0.form == $1.form }) {
            return [Finding(unit: unit.id, rule: "target-identical", severity: .error, side: "sq",
                            message: "The Albanian text is the English text, untranslated.")]
        }
        if Self.looksEnglish(targetText) {
            return [Finding(unit: unit.id, rule: "untranslated", severity: .error, side: "sq",
                            message: "The Albanian text is in English.")]
        }
        return termFindings(unit.id, sourceText, targetText) + numberFindings(unit.id, sourceText, targetText)
    }

    /// `text` without white space at either end: `text` itself, not a copy, when it has none (most units).
    private static func trimmed(_ text: String) -> String {
        guard let first = text.first, let last = text.last, isWhitespace(first) || isWhitespace(last) else { return text }
        return text.trimmed
    }

    /// `character.isWhitespace`, ASCII answered without a Unicode property look-up (its white
    /// space is U+0009–U+000D and the space; `\r\n` reads as `\n`).
    private static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == 0x20 || (0x09...0x0D).contains(ascii)
    }

    /// English function words, and Albanian ones that English text never has.
    private static let englishWords: Set<String> = ["the", "and", "of", "to", "in", "is", "for", "on", "with", "that", "was",
                                                    "were", "are", "by", "as", "at", "from", "has", "have", "this", "will", "an", "a"]
    private static let albanianWords: Set<String> = ["dhe", "në", "për", "të", "së", "me", "nga", "një", "është", "u", "i", "e", "se", "si"]

    /// A target left in English but edited (not identical to the source): five words or more, a
    /// quarter of them English function words, no Albanian function word and no `ë`/`ç`.
    static func looksEnglish(_ text: TokenizedText) -> Bool {
        guard text.tokens.count >= identicalMinimumWords else { return false }
        var english = 0
        for word in text.words {
            switch word.languageHint {
            case .albanian: return false
            case .english: english += 1
            case .neither: continue
            }
        }
        return english * 4 >= text.tokens.count
    }

    /// What `form` says of its text's language in ``looksEnglish(_:)`` (worked out once per form).
    static func languageHint(_ form: String) -> WordEntry.LanguageHint {
        if albanianWords.contains(form) || form.contains(where: { $0 == "ë" || $0 == "ç" }) { return .albanian }
        return englishWords.contains(form) ? .english : .neither
    }

    private func termFindings(_ unit: String, _ source: TokenizedText, _ target: TokenizedText) -> [Finding] {
        var findings: [Finding] = []
        var checkedConcepts: Set<Int> = []
        var deprecatedTerms: Set<String> = []
        for occurrence in english.longestOccurrences(in: source) {
            let concept = glossary.concepts[occurrence.pattern.concept]
            let written = source.span(occurrence.tokens)
            if occurrence.pattern.term.status == .deprecated, deprecatedTerms.insert(occurrence.pattern.term.text).inserted {
                let approved = concept.terms(in: .english).filter { $0.status.isApproved }.map(\.text)
                findings.append(Finding(unit: unit, rule: "term-deprecated", severity: .warning, side: "en",
                                        term: occurrence.pattern.term.text, expected: approved,
                                        message: "The English text uses the deprecated term '\(written)'; use '\(approved.first ?? concept.name)'."))
            }
            // One check of the Albanian side per concept, however often the English names it.
            if checkedConcepts.insert(occurrence.pattern.concept).inserted {
                findings.append(contentsOf: targetFindings(unit, concept: occurrence.pattern.concept, english: written, target))
            }
        }
        findings.append(contentsOf: deprecatedTargets(unit, target))
        return findings
    }

    /// What the Albanian side does with a concept the English side names.
    private func targetFindings(_ unit: String, concept index: Int, english written: String, _ target: TokenizedText) -> [Finding] {
        let concept = glossary.concepts[index]
        let targets = albanian.patterns(ofConcept: index)
        let approved = targets.filter { $0.term.status.isApproved }
        let expected = approved.map(\.term.text)
        // A slip is reported even when another approved form is present (`Organizata Nderkombetare
        // per Migracionin (IOM)`: the acronym is right, the name is not).
        for pattern in approved {
            if let range = albanian.findFoldedOnly(pattern, in: target) {
                return [Finding(unit: unit, rule: "diacritics", severity: .error, side: "sq", term: concept.name, expected: expected,
                                message: "'\(target.span(range))' lacks its ë/ç: write '\(pattern.term.text)' (for '\(written)').")]
            }
        }
        if approved.contains(where: { albanian.find($0, in: target) != nil }) { return [] }
        // A deprecated equivalent is reported by the deprecated scan; do not report it twice.
        if targets.contains(where: { !$0.term.status.isApproved && albanian.find($0, in: target) != nil }) { return [] }
        let unconfirmed = approved.allSatisfy(\.term.unconfirmed)
        let note = unconfirmed ? " (the glossary's Albanian term is unconfirmed)" : ""
        return [Finding(unit: unit, rule: "term-missing", severity: unconfirmed ? .warning : .error, side: "sq",
                        term: concept.name, expected: expected,
                        message: "'\(written)' is not translated as '\(expected.joined(separator: "' or '"))'\(note).")]
    }

    /// Deprecated Albanian terms, wherever they occur (and no longer term covers them).
    private func deprecatedTargets(_ unit: String, _ target: TokenizedText) -> [Finding] {
        // Most texts have none: then the scan of every term for the longest occurrences is skipped.
        if albanian.occurrences(in: target, only: { $0.term.status == .deprecated }).isEmpty { return [] }
        var findings: [Finding] = []
        var seen: Set<Int> = []
        for occurrence in albanian.longestOccurrences(in: target)
        where occurrence.pattern.term.status == .deprecated && seen.insert(occurrence.pattern.concept).inserted {
            let concept = glossary.concepts[occurrence.pattern.concept]
            let expected = concept.approvedTargets.map(\.text)
            findings.append(Finding(unit: unit, rule: "term-deprecated", severity: .error, side: "sq",
                                    term: occurrence.pattern.term.text, expected: expected,
                                    message: "The Albanian text uses the deprecated term '\(target.span(occurrence.tokens))'; use '\(expected.first ?? "")'."))
        }
        return findings
    }

    private func numberFindings(_ unit: String, _ source: TokenizedText, _ target: TokenizedText) -> [Finding] {
        let (missing, extra) = NumberCheck.mismatches(english: source, albanian: target)
        return missing.map {
            Finding(unit: unit, rule: "number-mismatch", severity: .error, side: "sq", term: $0.text,
                    message: "The English number '\($0.text)' is not in the Albanian text.")
        } + extra.map {
            Finding(unit: unit, rule: "number-mismatch", severity: .error, side: "sq", term: $0.text,
                    message: "The Albanian number '\($0.text)' is not in the English text.")
        }
    }
}
