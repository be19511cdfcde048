internal import UraICUShim

/// A calendar date without time or zone, as press releases write them.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); nil for anything else.
    public init?(iso text: String) {
        // The common case, `YYYY-MM-DD` in ASCII (what every cache entry holds), read off its
        // bytes; anything else takes the general reading below.
        if let date = Self.plainISO(text) {
            self = date
            return
        }
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
              parts[2].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `text` read as ASCII `YYYY-MM-DD` followed by nothing or by an ASCII character (so that no
    /// combining mark makes the tenth character longer), with a valid month and day; else nil.
    private static func plainISO(_ text: String) -> CalendarDate? {
        let bytes = text.utf8
        guard bytes.count >= 10 else { return nil }
        var year = 0, month = 0, day = 0
        for (offset, byte) in bytes.prefix(11).enumerated() {
            switch offset {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte < 0x80 else { return nil }
            default:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Date parsing with ICU's `udat_parseCalendar`, lenient and case-insensitive, for one locale
/// and pattern ("d MMMM y" reads `5 Nëntor 2018` in `sq`, "MMMM d, y" reads `October 29, 2019`
/// in `en`).
public struct DateParser: Sendable {
    public let locale: String
    public let pattern: String

    public init(locale: String, pattern: String) {
        self.locale = locale
        self.pattern = pattern
    }

    /// The date found at UTF-16 offset `start` of `text`, with the offset just after it.
    public func parse(_ text: String, from start: Int = 0) throws(ICUError) -> (date: CalendarDate, end: Int)? {
        let units = Array(text.utf16)
        let patternUnits = Array(pattern.utf16)
        var position = Int32(start)
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, error: Int32 = 0
        let found = units.withUnsafeBufferPointer { textBuffer in
            patternUnits.withUnsafeBufferPointer { patternBuffer in
                ura_date_parse(locale, patternBuffer.baseAddress, Int32(patternBuffer.count),
                               textBuffer.baseAddress, Int32(textBuffer.count), &position,
                               &year, &month, &day, &error)
            }
        }
        if error > 0 { throw ICUError(code: error, operation: "parse a date with '\(pattern)' in '\(locale)'") }
        guard found == 1 else { return nil }
        return (CalendarDate(year: Int(year), month: Int(month), day: Int(day)), Int(position))
    }
}
