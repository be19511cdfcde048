/// Paragraph splitting shared by every reader of plain text and Markdown bodies.
public enum Paragraphs {
    /// The paragraphs of `text`: runs of non-blank lines separated by one or more blank lines,
    /// each trimmed, with its inner line breaks kept.
    public static func split(_ text: String) -> [String] {
        // Lines found on the contiguous UTF-8 bytes (a release is read on every full build; the
        // UTF-8 view's index steps cost several times the scan), paragraphs cut as offsets and
        // made into strings from the text itself (no second validation of their bytes).
        var text = text
        let ranges = text.withUTF8 { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            var paragraphStart: Int?
            var paragraphEnd = 0, lineStart = 0
            while lineStart <= bytes.count {
                let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n"), in: lineStart..<bytes.count) ?? bytes.count
                if isBlank(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                    if let start = paragraphStart { ranges.append(start..<paragraphEnd) }
                    paragraphStart = nil
                } else {
                    if paragraphStart == nil { paragraphStart = lineStart }
                    paragraphEnd = lineEnd
                }
                guard lineEnd < bytes.count else { break }
                lineStart = lineEnd + 1
            }
            if let start = paragraphStart { ranges.append(start..<paragraphEnd) }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return String(text[start..<utf8.index(start, offsetBy: range.count)]).trimmed
        }
    }

    /// Whether a line is empty or white space only (ASCII fast path, Unicode otherwise).
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line {
            if byte >= 0x80 { return String(decoding: line, as: UTF8.self).allSatisfy { $0.isWhitespace } }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0B && byte != 0x0C { return false }
        }
        return true
    }

    /// The 1-based line on which each paragraph of `text` starts (parallel to ``split(_:)``).
    public static func startLines(_ text: String) -> [Int] {
        var result: [Int] = []
        var inParagraph = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let blank = line.allSatisfy { $0.isWhitespace }
            if !blank && !inParagraph { result.append(number + 1) }
            inParagraph = !blank
        }
        return result
    }
}
