import UraCore

/// A bilingual (English–Albanian) glossary: concepts, each with terms in both languages.
public struct Glossary: Sendable, Equatable {
    /// How a term may be used (TBX `administrativeStatus`).
    public enum Status: String, Sendable, Equatable, Comparable {
        case preferred, admitted, deprecated

        /// Whether a translator may use the term.
        public var isApproved: Bool { self != .deprecated }

        private var rank: Int {
            switch self {
            case .preferred: 0
            case .admitted: 1
            case .deprecated: 2
            }
        }

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    }

    /// One term of a concept in one language.
    public struct Term: Sendable, Equatable {
        public var text: String
        public var language: Language
        public var status: Status
        /// True when the glossary marks the term as not confirmed in institutional texts (a note
        /// starting `Unconfirmed`): its absence is reported as a warning, not an error.
        public var unconfirmed: Bool
        public var note: String?

        public init(text: String, language: Language, status: Status = .preferred, unconfirmed: Bool = false, note: String? = nil) {
            self.text = text
            self.language = language
            self.status = status
            self.unconfirmed = unconfirmed
            self.note = note
        }
    }

    /// One concept: its terms in English and Albanian.
    public struct Concept: Sendable, Equatable {
        /// The concept id (TBX `conceptEntry/@id`, or `file:line` for TSV).
        public var id: String
        public var terms: [Term]

        public init(id: String, terms: [Term]) {
            self.id = id
            self.terms = terms
        }

        /// The terms in `language`, preferred first.
        public func terms(in language: Language) -> [Term] {
            terms.filter { $0.language == language }.sorted { $0.status < $1.status }
        }

        /// The Albanian terms a translator may use, preferred first.
        public var approvedTargets: [Term] { terms(in: .albanian).filter { $0.status.isApproved } }

        /// The concept's name in messages: its preferred English term.
        public var name: String { terms(in: .english).first?.text ?? id }
    }

    public var concepts: [Concept]
    /// Problems that did not stop the glossary from loading (a concept with no Albanian term ...),
    /// one line each, located `file:line: message`.
    public var warnings: [String]

    public init(concepts: [Concept] = [], warnings: [String] = []) {
        self.concepts = concepts
        self.warnings = warnings
    }

    /// Several glossaries as one (concepts in the order given).
    public static func merging(_ glossaries: [Glossary]) -> Glossary {
        Glossary(concepts: glossaries.flatMap(\.concepts), warnings: glossaries.flatMap(\.warnings))
    }
}
