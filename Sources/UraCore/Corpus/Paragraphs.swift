/// Paragraph splitting shared by every reader of plain text and Markdown bodies.
public enum Paragraphs {
    /// The paragraphs of `text`: runs of non-blank lines separated by one or more blank lines,
    /// each trimmed, with its inner line breaks kept.
    public static func split(_ text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0.isWhitespace }) {
                if !current.isEmpty { result.append(current.joined(separator: "\n").trimmed) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n").trimmed) }
        return result
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
