import Foundation
import UraCore
import UraICU

/// The dateline that opens a release's first paragraph, as read from the page:
/// `Tiranë, 5 Nëntor 2018:`, `Kapshtica, October 29, 2019:`, `18 December, Tirana, Albania –`,
/// `Albania, 18-19 June 2024 –`, `Throughout March 2024,`.
struct ParsedDateline: Equatable {
    /// The place as written (`Tiranë`), before normalisation to English.
    var writtenPlace: String?
    /// The date; the year is 0 when the dateline has none (see ``hasYear``).
    var month: Int
    var day: Int
    var year: Int?
    /// The language whose month names the date was read with.
    var language: Language
    /// True when the dateline names a month, not a day (`Throughout March 2024`): the date is
    /// the month's first day.
    var monthOnly: Bool

    /// The date, once a year is known.
    func date(year fallback: Int? = nil) -> CalendarDate? {
        guard let year = year ?? fallback else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// Reads datelines with ICU's date parser in English and Albanian.
///
/// The dateline is the head of a paragraph up to its first `:` or spaced dash (`–`, `—`, ` - `),
/// made of comma-separated place names and one date, in either order; a day range (`18-19 June`)
/// is read as its first day. ICU reads Albanian month names case-insensitively but only with
/// their diacritics (`Nëntor`, not `Nentor`), so month words typed without them are restored
/// first.
struct DatelineParser {
    /// The longest dateline head, in characters: beyond this the colon belongs to a sentence.
    static let maximumHeadLength = 70

    /// ICU patterns per locale, most specific first. Patterns without a year come last: the
    /// lenient parser reads `18 December` with them and leaves the year to the caller.
    private static let patterns: [(Language, [String])] = [
        (.english, ["MMMM d, y", "d MMMM y", "MMMM d y", "d MMMM", "MMMM d"]),
        (.albanian, ["d MMMM y", "d MMMM"]),
    ]

    /// Words that open a month-long dateline (`Throughout March 2024, IOM has...`).
    private static let monthOpeners: [String: Language] = [
        "throughout": .english, "during": .english, "in": .english, "gjatë": .albanian, "në": .albanian,
    ]

    /// Albanian month names as ICU's `sq` locale writes them; only used to restore diacritics
    /// (`nentor` → `nëntor`) before ICU parses.
    private static let albanianMonths = [
        "janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor",
    ]

    /// The dateline opening `paragraph`, if it has one.
    func parse(_ paragraph: String) -> ParsedDateline? {
        if let monthLong = parseMonthOpener(paragraph) { return monthLong }
        guard let head = Self.head(of: paragraph) else { return nil }
        let text = Self.reducingRanges(Self.restoringAlbanianMonths(head))
        for start in Self.wordStarts(text) where Self.mayStartDate(text, at: start) {
            for (found, language) in readDates(text, at: start) {
                let consumed = text.utf16Slice(start..<found.end)
                let rest = text.utf16Slice(0..<start) + "," + text.utf16Slice(found.end..<text.utf16.count)
                let places = rest.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
                // Everything around the date must be place names: capitalised words, no sentence.
                // (Lenient ICU reads `3 Mars` as `3 Mar` in English; the `s` left over fails this.)
                guard places.allSatisfy(Self.looksLikePlace) else { continue }
                return ParsedDateline(writtenPlace: places.first, month: found.date.month, day: found.date.day,
                                      year: Self.hasFourDigitNumber(consumed) ? found.date.year : nil,
                                      language: language, monthOnly: false)
            }
        }
        return nil
    }

    /// `Throughout March 2024,` and the like: a month instead of a day.
    private func parseMonthOpener(_ paragraph: String) -> ParsedDateline? {
        let words = paragraph.prefix(40).split(separator: " ", maxSplits: 3)
        guard words.count >= 3, let language = Self.monthOpeners[words[0].lowercased()] else { return nil }
        let offset = words[0].utf16.count + 1
        let text = Self.restoringAlbanianMonths(String(paragraph.prefix(40)))
        for locale in [language.code, language.other.code] {
            guard let found = try? DateParser(locale: locale, pattern: "MMMM y").parse(text, from: offset) else { continue }
            let consumed = text.utf16Slice(offset..<found.end)
            guard Self.hasFourDigitNumber(consumed), consumed.first?.isLetter == true else { continue }
            return ParsedDateline(writtenPlace: nil, month: found.date.month, day: 1, year: found.date.year,
                                  language: Language(code: locale) ?? language, monthOnly: true)
        }
        return nil
    }

    /// The dates ICU reads at UTF-16 offset `start`, with the language each was read in, most
    /// specific pattern first.
    private func readDates(_ text: String, at start: Int) -> [((date: CalendarDate, end: Int), Language)] {
        var results: [((date: CalendarDate, end: Int), Language)] = []
        for (language, patterns) in Self.patterns {
            for pattern in patterns {
                guard let found = try? DateParser(locale: language.code, pattern: pattern).parse(text, from: start)
                else { continue }
                let consumed = text.utf16Slice(start..<found.end)
                // A date has a day number and a month word; lenient ICU also takes `5 11`.
                guard consumed.contains(where: \.isLetter), consumed.contains(where: \.isNumber),
                      (1...12).contains(found.date.month), (1...31).contains(found.date.day)
                else { continue }
                results.append((found, language))
            }
        }
        return results
    }

    /// The text before the dateline's delimiter, or nil when there is none close to the start.
    static func head(of paragraph: String) -> String? {
        let prefix = String(paragraph.prefix(maximumHeadLength + 3))
        var best: String.Index?
        for delimiter in [":", " – ", " — ", " - ", "\u{00A0}– ", "\u{00A0}— "] {
            if let range = prefix.range(of: delimiter), best.map({ range.lowerBound < $0 }) ?? true {
                best = range.lowerBound
            }
        }
        guard let end = best else { return nil }
        let head = String(prefix[..<end]).trimmed
        guard !head.isEmpty, head.count <= maximumHeadLength, head.contains(where: \.isNumber) else { return nil }
        return head
    }

    /// `18-19 June 2024` → `18 June 2024`: a range of days is dated by its first day.
    static func reducingRanges(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index].isNumber, index + 1 < characters.count, characters[index + 1] == "-" || characters[index + 1] == "–" {
                var end = index + 2
                while end < characters.count, characters[end].isNumber { end += 1 }
                if end > index + 2, end - index - 2 <= 2 {
                    characters.removeSubrange((index + 1)..<end)
                    continue
                }
            }
            index += 1
        }
        return String(characters)
    }

    /// Albanian month words written without diacritics (`Nentor`) given back their `ë`.
    static func restoringAlbanianMonths(_ text: String) -> String {
        var result = ""
        var word = ""
        func flush() {
            let folded = Diacritics.strip(word).lowercased()
            if let month = albanianMonths.first(where: { Diacritics.strip($0) == folded && $0 != folded }) {
                result += word.first?.isUppercase == true ? month.prefix(1).uppercased() + month.dropFirst() : month
            } else {
                result += word
            }
            word = ""
        }
        for character in text {
            if character.isLetter { word.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }

    /// Three-letter starts of English and Albanian month names (`nov`, `nen` for `nëntor`
    /// without diacritics).
    private static let monthPrefixes: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "shk", "pri", "maj", "qer", "kor", "gus", "sht", "tet", "nen", "dhj",
    ]

    /// True when the word at UTF-16 offset `start` can open a date (a day number or a month
    /// name), so ICU, which is costly to set up, is only asked where a date can be.
    private static func mayStartDate(_ text: String, at start: Int) -> Bool {
        let word = text.utf16Slice(start..<min(text.utf16.count, start + 12)).prefix { $0.isLetter || $0.isNumber }
        if word.allSatisfy(\.isNumber) { return word.count <= 2 }
        return monthPrefixes.contains(Diacritics.strip(String(word.prefix(3))).lowercased())
    }

    /// UTF-16 offsets where words (letters or digits) start.
    private static func wordStarts(_ text: String) -> [Int] {
        var starts: [Int] = []
        var offset = 0
        var previousIsWord = false
        for character in text {
            let isWord = character.isLetter || character.isNumber
            if isWord && !previousIsWord { starts.append(offset) }
            previousIsWord = isWord
            offset += character.utf16.count
        }
        return starts
    }

    private static func hasFourDigitNumber(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isNumber }).contains { $0.count == 4 }
    }

    /// A place name part of a dateline: one to four words, each capitalised (`Tirana`,
    /// `New York`), or a short lower-case particle (`më` in `Tiranë, më 5 nëntor`).
    static func looksLikePlace(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        if words.count == 1, ["më", "me", "on", "the"].contains(words[0].lowercased()) { return true }
        return words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "’" || $0 == "'" } }
    }
}

extension String {
    /// The text between two UTF-16 offsets (ICU's unit of position).
    func utf16Slice(_ range: Range<Int>) -> String {
        let units = Array(utf16)
        let clamped = range.clamped(to: 0..<units.count)
        return String(utf16Units: units[clamped])
    }
}
