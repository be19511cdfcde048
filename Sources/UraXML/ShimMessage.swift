import Foundation
import UraCore

/// Turns the shim's one-line messages into located errors.
enum ShimMessage {
    /// An input error for `text` about `file`, with the line moved into the error's location:
    /// the shim's messages start `line N: ` when libxml2 knows the line, and libxslt's runtime
    /// errors say `file x.xsl line 3 element value-of`.
    static func error(_ text: String, file: String) -> UraError {
        if text.hasPrefix("line "), let colon = text.firstIndex(of: ":"),
           let line = Int(text[text.index(text.startIndex, offsetBy: 5)..<colon]) {
            return UraError(.input, String(text[text.index(after: colon)...]).trimmed, file: file, line: line)
        }
        if let range = text.range(of: #"line (\d+)"#, options: .regularExpression),
           let line = Int(text[range].dropFirst(5)) {
            return UraError(.input, text, file: file, line: line)
        }
        return UraError(.input, text, file: file)
    }

    /// A transform's error, located where libxslt says it happened: `runtime error: file x.xsl
    /// line 5 element document; File write for /tmp/x refused` becomes `x.xsl:5: <document>: File
    /// write for /tmp/x refused (transforming 'doc.xml')`. Errors libxslt does not place in the
    /// stylesheet stay on the document.
    static func runtimeError(_ text: String, stylesheet: String, document: String) -> UraError {
        let pattern = #"runtime error: file (.+?) line (\d+) element ([\w:-]+);?\s*"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let fileRange = Range(match.range(at: 1), in: text), let lineRange = Range(match.range(at: 2), in: text),
              let elementRange = Range(match.range(at: 3), in: text), let line = Int(text[lineRange]) else {
            return error("\(text) (stylesheet '\(stylesheet)')", file: document)
        }
        // libxslt repeats the location before each part of one error: keep each part once.
        let rest = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        var parts: [String] = []
        for part in rest.components(separatedBy: "; ").map(\.trimmed) where !part.isEmpty && !parts.contains(part) {
            parts.append(part)
        }
        let detail = parts.isEmpty ? "the transformation failed" : parts.joined(separator: "; ")
        return UraError(.input, "<\(text[elementRange])>: \(detail) (transforming '\(document)')",
                        file: String(text[fileRange]), line: line)
    }
}
