import Foundation
import UraCore
import UraXML

/// Reads translation units from what translators and the pipeline produce: TMX files (each `tu`
/// is a unit named by its `tuid`), XLIFF 2.x files (each `unit`, named by its `id`), and corpus
/// bundles (a unit per paragraph bead, plus the title).
public enum UnitReader {
    /// The units of `path`, whatever it is. A directory is a bundle (it holds `index.en.md` or
    /// `index.sq.md`) or a corpus of bundles (unit ids are then prefixed `<release id>/`).
    /// - Parameter prepare: what to do to a bundle's release before its units are read (the
    ///   command line aligns it, so a unit is a paragraph bead).
    /// - Throws: ``UraError`` (`.input`) for a file Ura cannot use.
    public static func units(at path: String,
                             prepare: (PressRelease) throws -> PressRelease = { $0 }) throws(UraError) -> [TranslationUnit] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UraError(.input, "no such file or folder", file: path)
        }
        if isDirectory.boolValue { return try directoryUnits(path, prepare: prepare) }
        let bytes = try TextInput.readBytes(path)
        let root = try XMLParser.parse(bytes, file: path)
        switch root.localName {
        case "tmx": return try tmxUnits(root, file: path)
        case "xliff": return try xliffUnits(root, file: path)
        default:
            throw UraError(.input, "expected a TMX or XLIFF 2 file, found root element '\(root.name)'", file: path, line: root.line)
        }
    }

    /// The units of one release: its title, then one per paragraph bead.
    ///
    /// A unit is a paragraph bead of the release's alignment. A release that carries none (one
    /// language only, or read without the aligner) has its paragraphs paired by index, and the
    /// extra paragraphs of the longer side become units of their own.
    public static func units(of release: PressRelease) -> [TranslationUnit] {
        let english = release.texts[.english], albanian = release.texts[.albanian]
        var units: [TranslationUnit] = []
        if english != nil || albanian != nil {
            units.append(TranslationUnit(id: "title", english: english?.title ?? "", albanian: albanian?.title ?? ""))
        }
        let sourceParagraphs = english?.paragraphs ?? [], targetParagraphs = albanian?.paragraphs ?? []
        let beads = release.alignment?.paragraphs ?? (0..<max(sourceParagraphs.count, targetParagraphs.count)).map {
            Bead(en: $0 < sourceParagraphs.count ? [$0] : [], sq: $0 < targetParagraphs.count ? [$0] : [], score: 0)
        }
        for (index, bead) in beads.enumerated() {
            units.append(TranslationUnit(id: "p\(index + 1)", english: joined(bead.en, of: sourceParagraphs),
                                         albanian: joined(bead.sq, of: targetParagraphs)))
        }
        return units
    }

    /// The paragraphs at `indices` (those that exist), joined by a blank line.
    private static func joined(_ indices: [Int], of paragraphs: [String]) -> String {
        // Most beads hold one paragraph a side: that paragraph itself, not a copy.
        if indices.count == 1, let index = indices.first { return index < paragraphs.count ? paragraphs[index] : "" }
        return indices.filter { $0 < paragraphs.count }.map { paragraphs[$0] }.joined(separator: "\n\n")
    }

    private static func directoryUnits(_ path: String, prepare: (PressRelease) throws -> PressRelease) throws(UraError) -> [TranslationUnit] {
        func prepared(_ release: PressRelease) throws(UraError) -> PressRelease {
            do { return try prepare(release) } catch let error as UraError { throw error } catch {
                throw UraError(.input, "\(error)", file: path)
            }
        }
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let isBundle = Language.allCases.contains { FileManager.default.fileExists(atPath: "\(trimmed)/index.\($0.code).md") }
        if isBundle {
            let url = URL(fileURLWithPath: trimmed)
            let corpus = Corpus(directory: url.deletingLastPathComponent().path)
            return units(of: try prepared(try corpus.load(url.lastPathComponent)))
        }
        let corpus = Corpus(directory: trimmed)
        let ids = try corpus.releaseIDs()
        guard !ids.isEmpty else {
            throw UraError(.input, "folder holds no bundle (index.en.md / index.sq.md)", file: path)
        }
        var result: [TranslationUnit] = []
        for id in ids {
            for var unit in units(of: try prepared(try corpus.load(id))) {
                unit.id = "\(id)/\(unit.id)"
                result.append(unit)
            }
        }
        return result
    }

    private static func tmxUnits(_ root: XMLElement, file: String) throws(UraError) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        for (index, tu) in root.descendants("tu").enumerated() {
            var texts: [Language: String] = [:]
            for tuv in tu.elements("tuv") {
                guard let code = tuv.attribute("xml:lang") ?? tuv.attribute("lang"),
                      let language = Language(code: String(code.split(separator: "-").first ?? "")) else { continue }
                texts[language] = tuv.element("seg").map { readableText($0, skipping: tmxInlineCodes) } ?? ""
            }
            units.append(TranslationUnit(id: tu.attribute("tuid") ?? "tu\(index + 1)",
                                         english: texts[.english] ?? "", albanian: texts[.albanian] ?? ""))
        }
        guard !units.isEmpty else { throw UraError(.input, "TMX file has no 'tu' element", file: file, line: root.line) }
        return units
    }

    private static func xliffUnits(_ root: XMLElement, file: String) throws(UraError) -> [TranslationUnit] {
        guard let version = root.attribute("version"), version.hasPrefix("2") else {
            throw UraError(.input, "XLIFF version '\(root.attribute("version") ?? "none")' is not supported; Ura reads XLIFF 2.x",
                           file: file, line: root.line)
        }
        let source = Language(code: String((root.attribute("srcLang") ?? "").split(separator: "-").first ?? ""))
        let target = Language(code: String((root.attribute("trgLang") ?? "").split(separator: "-").first ?? ""))
        guard let source, source != target else {
            throw UraError(.input, "XLIFF srcLang/trgLang must be en and sq (found '\(root.attribute("srcLang") ?? "")' and '\(root.attribute("trgLang") ?? "")')",
                           file: file, line: root.line)
        }
        var units: [TranslationUnit] = []
        for (index, unit) in root.descendants("unit").enumerated() {
            let segments = unit.descendants("segment")
            let sourceText = segments.map { $0.element("source").map { readableText($0, skipping: []) } ?? "" }.joined(separator: " ")
            let targetText = segments.map { $0.element("target").map { readableText($0, skipping: []) } ?? "" }.joined(separator: " ")
            let id = unit.attribute("id") ?? "unit\(index + 1)"
            units.append(source == .english
                ? TranslationUnit(id: id, english: sourceText, albanian: targetText)
                : TranslationUnit(id: id, english: targetText, albanian: sourceText))
        }
        guard !units.isEmpty else { throw UraError(.input, "XLIFF file has no 'unit' element", file: file, line: root.line) }
        return units
    }

    /// TMX inline elements whose content is native markup (`&lt;b&gt;`), not text to check.
    private static let tmxInlineCodes: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

    /// The text inside `element`, without the content of elements named in `skipping` (iterative,
    /// so deep nesting cannot overflow the stack).
    private static func readableText(_ element: XMLElement, skipping: Set<String>) -> String {
        var result = ""
        var stack: [XMLNode] = element.children.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let text): result += text
            case .element(let child) where !skipping.contains(child.localName):
                stack.append(contentsOf: child.children.reversed())
            case .element: continue
            }
        }
        return result
    }
}
