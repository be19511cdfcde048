import UraCore

/// The output formats of `ura align`.
public enum AlignmentFormat: String, Sendable, CaseIterable {
    case json, tmx, html, text

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
