/// Paragraph splitting shared by every reader of plain text and Markdown bodies.
public enum Paragraphs {
    /// The paragraphs of `text`: runs of non-blank lines separated by one or more blank lines,
    /// each trimmed, with its inner line breaks kept.
    public static func split(_ text: String) -> [String] {
        var result: [String] = []
        let utf8 = text.utf8
        var paragraphStart: String.Index?
        var paragraphEnd = utf8.startIndex
        var lineStart = utf8.startIndex
        while lineStart <= utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isBlank(text[lineStart..<lineEnd]) {
                if let start = paragraphStart { result.append(String(text[start..<paragraphEnd]).trimmed) }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = lineEnd
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        if let start = paragraphStart { result.append(String(text[start..<paragraphEnd]).trimmed) }
        return result
    }

    /// Whether a line is empty or white space only (ASCII fast path, Unicode otherwise).
    private static func isBlank(_ line: Substring) -> Bool {
        var ascii = true
        for byte in line.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0B && byte != 0x0C { return false }
        }
        return ascii || line.allSatisfy { $0.isWhitespace }
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
