import Foundation
import UraCore
import UraXML

/// Reads TBX 2019 (ISO 30042) glossaries, TBX-Basic in particular: `conceptEntry` / `langSec` /
/// `termSec` / `term`, with `termNote type="administrativeStatus"` (preferred, admitted,
/// deprecated, superseded) and a `note` starting `Unconfirmed` for doubtful terms.
enum TBXReader {
    static func read(_ bytes: [UInt8], file: String) throws(UraError) -> Glossary {
        try refuseExternalDoctype(bytes, file: file)
        let root = try XMLParser.parse(bytes, file: file)
        guard root.localName == "tbx" else {
            let hint = root.localName == "martif" ? " (TBX 2008 'martif' is not supported; convert it to TBX 2019)" : ""
            throw UraError(.input, "root element is '\(root.name)', not 'tbx'\(hint)", file: file, line: root.line)
        }
        var glossary = Glossary()
        for entry in root.descendants("conceptEntry") {
            let id = entry.attribute("id") ?? "line \(entry.line)"
            var terms: [Glossary.Term] = []
            for langSec in entry.elements("langSec") {
                guard let code = langSec.attribute("xml:lang"),
                      let language = Language(code: String(code.split(separator: "-").first ?? "")) else { continue }
                for termSec in langSec.elements("termSec") {
                    let text = (termSec.element("term")?.text ?? "").trimmed
                    guard !text.isEmpty else {
                        glossary.warnings.append("\(file):\(termSec.line): concept '\(id)' has an empty term; skipped")
                        continue
                    }
                    let note = termSec.elements("note").map { $0.text.trimmed }.first
                    terms.append(Glossary.Term(
                        text: text, language: language, status: status(of: termSec),
                        unconfirmed: note?.lowercased().hasPrefix("unconfirmed") ?? false, note: note))
                }
            }
            if !terms.contains(where: { $0.language == .albanian && $0.status.isApproved }) {
                glossary.warnings.append("\(file):\(entry.line): concept '\(id)' has no approved Albanian term; skipped")
            } else if !terms.contains(where: { $0.language == .english }) {
                glossary.warnings.append("\(file):\(entry.line): concept '\(id)' has no English term; skipped")
            } else {
                glossary.concepts.append(Glossary.Concept(id: id, terms: terms))
            }
        }
        return glossary
    }

    /// The term's status; superseded terms count as deprecated, a missing status as preferred.
    private static func status(of termSec: XMLElement) -> Glossary.Status {
        let value = termSec.elements("termNote").first { $0.attribute("type") == "administrativeStatus" }?.text.trimmed ?? ""
        if value.hasPrefix("admitted") { return .admitted }
        if value.hasPrefix("deprecated") || value.hasPrefix("superseded") { return .deprecated }
        return .preferred
    }

    /// A TBX needs no DOCTYPE; one naming an external file or URL is refused outright rather than
    /// trusted to the parser's settings, so no glossary can make Ura read another file.
    private static func refuseExternalDoctype(_ bytes: [UInt8], file: String) throws(UraError) {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let range = head.range(of: "<!DOCTYPE", options: .caseInsensitive) else { return }
        let declaration = head[range.lowerBound...].prefix { $0 != ">" && $0 != "[" }
        guard declaration.contains("SYSTEM") || declaration.contains("PUBLIC") else { return }
        let line = 1 + head[..<range.lowerBound].filter(\.isNewline).count
        throw UraError(.input, "the DOCTYPE names an external file or URL; Ura never loads it (remove the DOCTYPE)",
                       file: file, line: line)
    }
}
