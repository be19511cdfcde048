/// A terminology or consistency finding about one translation unit.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The unit: a TMX `tuid`, an XLIFF unit id or a stable bead id (`p3`).
    public var unit: String
    /// The stable rule id (`term-missing`, `term-deprecated`, `diacritics`, `number-mismatch`, ...).
    public var rule: String
    public var severity: Severity
    /// The side the finding is about (`en` or `sq`).
    public var side: String
    /// The glossary term concerned, if any.
    public var term: String?
    /// What was expected instead, if anything.
    public var expected: [String]?
    public var message: String

    public init(unit: String, rule: String, severity: Severity, side: String, term: String? = nil,
                expected: [String]? = nil, message: String) {
        self.unit = unit
        self.rule = rule
        self.severity = severity
        self.side = side
        self.term = term
        self.expected = expected
        self.message = message
    }
}
