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
}
