import UraCore

/// The output formats of `ura align`.
public enum AlignmentFormat: String, Sendable, CaseIterable {
    /// Beads for tools (`score-align`); TMX 1.4b; the review page; the terminal summary.
    case json, tmx, html, text

    /// The format a file name's extension asks for (`review.html` → html, `notes.txt` → text).
    public init?(fileName: String) {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "json": self = .json
        case "tmx": self = .tmx
        case "html", "htm": self = .html
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// `alignment` of `text` in this format; `names` are the English and Albanian file names.
    public func render(_ alignment: Alignment, text: BilingualText, names: (String, String)) -> String {
        switch self {
        case .json: AlignmentJSON.render(alignment)
        case .tmx: AlignmentTMX.render(alignment, text: text)
        case .html: AlignmentHTML.render(alignment, text: text, title: names.0 == names.1 ? names.0 : "\(names.0) / \(names.1)")
        case .text: AlignmentText.render(alignment, text: text)
        }
    }
}
