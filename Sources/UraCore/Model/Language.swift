/// The languages of a press release. Ura publishes every release in English and Albanian.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case english = "en"
    case albanian = "sq"

    /// The BCP 47 tag (`en`, `sq`), also the suffix of the bundle file (`index.sq.md`).
    public var code: String { rawValue }

    /// The language's name in English, for messages.
    public var name: String {
        switch self {
        case .english: "English"
        case .albanian: "Albanian"
        }
    }

    /// The language's place in ``allCases`` (0 for English, 1 for Albanian), for arrays
    /// indexed by language where a dictionary costs more than what it holds.
    public var position: Int {
        switch self {
        case .english: 0
        case .albanian: 1
        }
    }

    /// The other language of the pair.
    public var other: Language { self == .english ? .albanian : .english }

    /// Parses a code (`en`, `sq`, case-insensitive; `sqi`/`alb` and `eng` accepted too).
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "eng", "en-us", "en-gb": self = .english
        case "sq", "sqi", "alb", "sq-al": self = .albanian
        default: return nil
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
