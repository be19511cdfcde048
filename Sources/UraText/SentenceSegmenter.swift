import UraCore
import UraICU

/// Splits paragraphs into sentences: ICU's sentence break iterator, then Ura's corrections.
///
/// ICU (root rules for Albanian, which has no data of its own) finds candidate breaks; Ura then
/// removes those that follow an abbreviation (`Mr.`, `H.E.`, `z.`, `p.sh.`), an initial (`J. K.
/// Rowling`), a lone number in a list (`No. 5`) or fall inside a pair of brackets, and adds the
/// break ICU misses between a full stop and an opening quote or capital with no space after it.
/// Paragraph text is NFC-normalised and inner white space (soft line breaks) becomes one space.
///
/// Not thread-safe (it owns an ICU iterator): give each task its own segmenter.
public final class SentenceSegmenter {
    public let language: Language
    private let iterator: BreakIterator
    private let abbreviations: Abbreviations

    public init(language: Language) throws(UraError) {
        self.language = language
        do {
            iterator = try BreakIterator(.sentence, locale: language.code)
        } catch {
            throw UraError(.internal, "\(error)")
        }
        abbreviations = Abbreviations.forLanguage(language)
    }

    /// The sentences of one paragraph, trimmed, none empty.
    /// - Complexity: O(n) in the paragraph's length.
    public func sentences(in paragraph: String) throws(UraError) -> [String] {
        let units = Self.collapsedUTF16(paragraph)
        if units.isEmpty { return [] }
        let boundaries: [BreakIterator.Boundary]
        do {
            boundaries = try iterator.boundaries(in: units)
        } catch {
            throw UraError(.internal, "\(error)")
        }
        var result: [String] = []
        var start = 0
        // Bracket depth inside the current sentence, kept as we go so the walk stays linear.
        var depth = 0
        var scanned = 0
        for boundary in boundaries {
            let end = boundary.offset
            while scanned < end {
                if units[scanned] == 0x28 { depth += 1 } else if units[scanned] == 0x29 { depth = max(0, depth - 1) }
                scanned += 1
            }
            if end < units.count && !isRealBreak(units, at: end, sentenceStart: start, bracketDepth: depth) { continue }
            depth = 0
            splitMissedBreaks(units, start..<end) { piece in
                var first = piece.lowerBound, last = piece.upperBound
                while first < last, isSpace(units[first]) { first += 1 }
                while last > first, isSpace(units[last - 1]) { last -= 1 }
                if first < last { result.append(String(utf16Units: units[first..<last])) }
            }
            start = end
        }
        return result
    }

    /// Sentences of each paragraph, in order. The result has exactly one entry per paragraph.
    public func segment(paragraphs: [String]) throws(UraError) -> [[String]] {
        var result: [[String]] = []
        result.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs { result.append(try sentences(in: paragraph)) }
        return result
    }

    // MARK: Corrections to ICU's breaks

    /// Whether ICU's break at `offset` (start of the next sentence) should stand.
    private func isRealBreak(_ units: [UInt16], at offset: Int, sentenceStart: Int, bracketDepth: Int) -> Bool {
        // The last token before the break, without trailing spaces.
        var end = offset
        while end > sentenceStart, isSpace(units[end - 1]) { end -= 1 }
        guard end > sentenceStart else { return true }
        let next = nextWordStart(units, from: offset)
        // What follows is only punctuation (a stray closing quote): it belongs to this sentence.
        if next == nil { return false }
        var terminator = end - 1
        while terminator > sentenceStart, isClosingQuote(units[terminator]) { terminator -= 1 }
        let last = units[terminator]
        if last == question || last == exclamation {
            // "Why? she asked." and "Pse? e kishte pyetur ajo." are one sentence.
            if let next, let scalar = Unicode.Scalar(units[next]), scalar.properties.isLowercase { return false }
            return true
        }
        guard last == dot, terminator == end - 1 else {
            // A break inside brackets, e.g. "(see p. 5 ! )", is not a sentence end.
            return !(bracketDepth > 0 && bracketClosesSoon(units, after: offset))
        }
        var tokenStart = end - 1
        while tokenStart > sentenceStart, !isSpace(units[tokenStart - 1]), !isOpening(units[tokenStart - 1]) {
            tokenStart -= 1
        }
        let token = String(utf16Units: units[tokenStart..<end]).lowercased()
        if abbreviations.neverFinal.contains(token) {
            return false
        }
        if abbreviations.beforeNumber.contains(token), let next, isDigit(units[next]) {
            return false
        }
        guard let next, let nextScalar = Unicode.Scalar(units[next]) else { return true }
        let nextWord = word(units, at: next).lowercased()
        // An initial: one capital letter and a dot before a capitalised word ("J. K. Rowling",
        // "George W. Bush"), when what precedes it is a capitalised word or the sentence start.
        if end - tokenStart == 2, let scalar = Unicode.Scalar(units[tokenStart]),
           scalar.properties.isUppercase, nextScalar.properties.isUppercase,
           !sentenceStarters.contains(nextWord) {
            let before = previousWord(units, before: tokenStart, from: sentenceStart)
            if before == nil || before?.first?.isUppercase == true { return false }
        }
        // Dotted acronyms (U.S., U.N., D.C., p.m.): ICU breaks after them before any capital.
        // They end the sentence only when the next word is a typical sentence opener ("The",
        // "He", "But"); before a name ("U.S. Navy", "U.N. General Assembly") they do not.
        if token.dropLast().contains("."), token.filter({ $0 == "." }).count >= 2, token.count <= 8 {
            return sentenceStarters.contains(nextWord) || isDigit(units[next])
        }
        return true
    }

    /// Words that typically open a sentence: after an ambiguous full stop (a dotted acronym or an
    /// initial), one of these means the sentence did end there.
    private var sentenceStarters: Set<String> {
        switch language {
        case .english: Self.englishStarters
        case .albanian: Self.albanianStarters
        }
    }

    private static let englishStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
        "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with", "as", "after", "before", "when",
        "while", "if", "there", "his", "her", "their", "its", "our", "my", "your", "what", "who", "how",
        "why", "where", "some", "many", "most", "no", "not", "one", "two", "all", "both", "however",
        "meanwhile", "since", "during", "under", "from", "by", "to", "of", "officials", "also", "still",
    ]

    private static let albanianStarters: Set<String> = [
        "ai", "ajo", "ata", "ato", "ne", "ju", "unë", "kjo", "ky", "këto", "këta", "por", "dhe", "në",
        "për", "me", "si", "pas", "para", "kur", "nëse", "ka", "kanë", "nuk", "edhe", "gjithashtu", "një",
        "sipas", "megjithatë", "ndërsa", "mirëpo", "pra", "atëherë", "që", "gjatë", "nga", "deri", "çdo",
        "shumë", "disa", "të", "ishte", "është", "janë", "kështu", "prandaj", "i", "e",
    ]

    /// The word (letters and digits) starting at `offset`.
    private func word(_ units: [UInt16], at offset: Int) -> String {
        var end = offset
        while end < units.count, let scalar = Unicode.Scalar(units[end]),
              scalar.properties.isAlphabetic || isDigit(units[end]) {
            end += 1
        }
        return String(utf16Units: units[offset..<end])
    }

    /// Splits a segment where ICU missed a break:
    /// - "...end.“Next" or "...end.Next": a full stop after a lowercase word, an optional closing
    ///   quote, then an opening quote or a capital with no space;
    /// - "...West". 41-vjeçari luan...": a full stop after a lowercase word, then a number (ICU's
    ///   rule SB8 keeps them together because a lowercase letter follows the digits).
    private func splitMissedBreaks(_ segment: [UInt16], _ range: Range<Int>, _ emit: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound - 2 {
            defer { index += 1 }
            let unit = segment[index]
            guard unit == dot || unit == question || unit == exclamation else { continue }
            // a lowercase word before: not a number, an initial or an acronym
            // ("...Kanye West". 41-vjeçari": closing quotes may stand between word and stop)
            var wordEnd = index
            while wordEnd > start + 1, isClosingQuote(segment[wordEnd - 1]), unit == dot { wordEnd -= 1 }
            let quoted = wordEnd < index
            guard wordEnd - start >= 3, let before = Unicode.Scalar(segment[wordEnd - 1]),
                  before.properties.isLowercase || quoted, let before2 = Unicode.Scalar(segment[wordEnd - 2]),
                  before2.properties.isLowercase || quoted else { continue }
            var wordStart = wordEnd - 1
            while wordStart > start, !isSpace(segment[wordStart - 1]), !isOpening(segment[wordStart - 1]) { wordStart -= 1 }
            let token = String(utf16Units: segment[wordStart..<wordEnd]).lowercased() + "."
            if abbreviations.neverFinal.contains(token) || abbreviations.beforeNumber.contains(token) { continue }
            var next = index + 1
            while next < range.upperBound, isClosingQuote(segment[next]) { next += 1 }
            guard next < range.upperBound - 1, let first = Unicode.Scalar(segment[next]) else { continue }
            var cut: Int?
            if first.properties.isUppercase
                || (isOpeningQuote(segment[next]) && Unicode.Scalar(segment[next + 1])?.properties.isUppercase == true) {
                cut = next
            } else if isSpace(segment[next]), unit == dot {
                var digit = next
                while digit < range.upperBound, isSpace(segment[digit]) { digit += 1 }
                if digit < range.upperBound, isDigit(segment[digit]) { cut = digit }
            }
            guard let cut else { continue }
            emit(start..<cut)
            start = cut
        }
        emit(start..<range.upperBound)
    }

    // MARK: Character classes (UTF-16 units; everything tested here is in the BMP)

    private let dot: UInt16 = 0x2E, question: UInt16 = 0x3F, exclamation: UInt16 = 0x21

    private func isSpace(_ unit: UInt16) -> Bool { Self.isWhitespace(unit) }

    private func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    private func isOpening(_ unit: UInt16) -> Bool {
        unit == 0x28 || unit == 0x5B || isOpeningQuote(unit)
    }

    private func isOpeningQuote(_ unit: UInt16) -> Bool {
        unit == 0x22 || unit == 0x201C || unit == 0x201E || unit == 0xAB || unit == 0x2018 || unit == 0x27
    }

    private func isClosingQuote(_ unit: UInt16) -> Bool {
        unit == 0x22 || unit == 0x201D || unit == 0x201C || unit == 0xBB || unit == 0x2019 || unit == 0x27 || unit == 0x29
    }

    private func nextWordStart(_ units: [UInt16], from offset: Int) -> Int? {
        var index = offset
        while index < units.count, isSpace(units[index]) || isOpeningQuote(units[index]) || units[index] == 0x28 {
            index += 1
        }
        return index < units.count ? index : nil
    }

    private func previousWord(_ units: [UInt16], before offset: Int, from start: Int) -> String? {
        var end = offset
        while end > start, isSpace(units[end - 1]) { end -= 1 }
        var begin = end
        while begin > start, !isSpace(units[begin - 1]) { begin -= 1 }
        return begin < end ? String(utf16Units: units[begin..<end]) : nil
    }

    /// Whether a ")" comes within 200 units after `offset` (before any "("): a stray "(" must not
    /// swallow the rest of the paragraph.
    private func bracketClosesSoon(_ units: [UInt16], after offset: Int) -> Bool {
        var index = offset
        while index < units.count, index - offset < 200 {
            if units[index] == 0x29 { return true }
            if units[index] == 0x28 { return false }
            index += 1
        }
        return false
    }

    /// The paragraph's UTF-16 code units (what ICU reads), with inner white space runs (soft
    /// line breaks, tabs, double spaces) made one space and leading and trailing white space
    /// gone. Transcoded from the string's UTF-8 in one pass: its UTF-16 view, on text that is not
    /// ASCII (every Albanian paragraph), first builds an index of the string, then copies it.
    static func collapsedUTF16(_ paragraph: String) -> [UInt16] {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            // A UTF-16 code unit per UTF-8 byte at most (one or two for up to four bytes).
            [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
                var written = 0, index = 0
                var pendingSpace = false
                func append(_ unit: UInt16) {
                    if pendingSpace { units[written] = 0x20; written += 1 }
                    pendingSpace = false
                    units[written] = unit; written += 1
                }
                while index < bytes.count {
                    // A String's bytes are valid UTF-8.
                    let lead = UInt32(bytes[index])
                    var scalar: UInt32
                    switch lead {
                    case 0..<0x80:
                        scalar = lead; index += 1
                    case 0xC0..<0xE0:
                        scalar = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F); index += 2
                    case 0xE0..<0xF0:
                        scalar = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    default:
                        scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    if scalar >= 0x10000 {
                        scalar -= 0x10000
                        append(UInt16(0xD800 | scalar >> 10))
                        units[written] = UInt16(0xDC00 | scalar & 0x3FF); written += 1
                    } else if isWhitespace(UInt16(scalar)) {
                        pendingSpace = written > 0
                    } else {
                        append(UInt16(scalar))
                    }
                }
                count = written
            }
        }
    }

    /// Unicode white space in the BMP (White_Space property).
    static func isWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
