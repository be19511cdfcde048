import Foundation
import UraCore
import UraXML

/// A stylesheet in `xslt/` and the outputs it declares: Ura's convention for adding an output
/// format without code changes.
///
/// A stylesheet declares each output with a top-level element in the namespace
/// ``OutputFormat/namespace`` (XSLT 1.0 ignores top-level elements in other namespaces):
///
/// ```xml
/// <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
///     xmlns:ura="urn:x-ura:publish" exclude-result-prefixes="ura">
///   <ura:output input="collection" per-language="yes" path="feeds/{lang}.xml"/>
///   <ura:output input="release" path="print/{id}.fo" view="print" render="pdf"/>
/// ```
///
/// - `input`: `release` (one transform per published release, over its document) or
///   `collection` (one transform over the collection document).
/// - `per-language="yes"`: one transform per language, with `$lang` set (for a release, only the
///   languages it has).
/// - `path`: where the result goes below the site root; `{id}` and `{lang}` are replaced.
/// - `view`: any string, passed as `$view` (one stylesheet can declare several pages).
/// - `only="bilingual"`: for `input="release"`, only releases that have both languages.
/// - `render="pdf"`: with `ura publish --pdf`, the result (XSL-FO) is also rendered to PDF by
///   Apache FOP, next to it with the extension `.pdf`.
/// - `content="summary"`: for `input="collection"`, the collection's releases without their
///   paragraphs and alignment (id, status, dateline, approval, source, titles): what an index page
///   reads, at a fraction of the full collection's size (which is what makes an index page cheap
///   to remake when one release of thousands changed). Default `full`.
/// - `newest="N"`: for `input="collection"`, only the newest N releases (with `per-language`, the
///   newest N that have a text in `$lang`): what a feed reads. Default: all.
/// - `per-year="yes"`: for `input="collection"`, one transform per year of the releases' dates
///   (`undated` for releases without one), over that year's releases (with `per-language`, those
///   with a text in `$lang`; a year without any gets no page); `{year}` in the path is replaced:
///   archive pages.
///
/// Every collection document but the full one (any `content="summary"`, `newest` or `per-year`
/// output) opens with an `<archive>` listing the years with releases and how many each language
/// has, so an index page can link the archive pages. An output is made again only when what its
/// document holds changed (for a feed, one of its newest releases; for an archive page, a release
/// of its year, or the list of years): editing one release of thousands remakes its own pages
/// and its year's archive page, not every list of releases.
///
/// A stylesheet without declarations (a shared module that others import) is not run.
public struct OutputFormat: Sendable {
    /// The namespace of the declarations.
    public static let namespace = "urn:x-ura:publish"

    /// One declared output.
    public struct Declaration: Sendable, Equatable {
        /// What a transform reads: one release's document, or the collection document.
        public enum Input: String, Sendable { case release, collection }
        /// `input="release"` or `input="collection"`.
        public var input: Input
        /// One transform per language, with `$lang` set.
        public var perLanguage: Bool
        /// The path template, e.g. `feeds/{lang}.xml`.
        public var path: String
        /// Passed to the stylesheet as `$view`.
        public var view: String
        /// Render the result to PDF with FOP (`render="pdf"`) when asked to.
        public var rendersPDF: Bool
        /// Only releases with both languages (`only="bilingual"`).
        public var bilingualOnly: Bool
        /// The declaration's line in the stylesheet, for messages.
        public var line: Int
        /// For a collection: the releases without paragraphs and alignment (`content="summary"`).
        public var summary: Bool = false
        /// For a collection: only the newest this many releases (`newest="N"`).
        public var newest: Int?
        /// For a collection: one output per year (`per-year="yes"`).
        public var perYear: Bool = false
    }

    /// The compiled stylesheet, reused for every document.
    public let stylesheet: Stylesheet
    /// Its outputs, in the order it declares them.
    public let declarations: [Declaration]

    /// Reads the declarations of the stylesheet at `path` and compiles it; nil when it declares
    /// no output.
    /// - Throws: ``UraError`` with the file and line for a malformed stylesheet or declaration.
    public static func load(_ path: String) throws(UraError) -> OutputFormat? {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw UraError(.input, "cannot read the stylesheet: \(error.localizedDescription)", file: path)
        }
        let root = try XMLParser.parse(bytes, file: path)
        let declarations = try root.elements().filter { $0.namespace == namespace }
            .map { element throws(UraError) in try declaration(element, file: path) }
        guard !declarations.isEmpty else { return nil }
        return OutputFormat(stylesheet: try Stylesheet(path: path), declarations: declarations)
    }

    /// Every output format in `directory` (files ending `.xsl`), sorted by file name.
    public static func loadAll(from directory: String) throws(UraError) -> [OutputFormat] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw UraError(.input, "cannot list the stylesheet folder: \(error.localizedDescription)", file: directory)
        }
        var formats: [OutputFormat] = []
        for name in names.sorted() where name.hasSuffix(".xsl") && !name.hasPrefix(".") {
            if let format = try load(directory + "/" + name) { formats.append(format) }
        }
        guard !formats.isEmpty else {
            throw UraError(.input, "no stylesheet here declares an output (<ura:output path=…/>)", file: directory)
        }
        return formats
    }

    private static func declaration(_ element: XMLElement, file: String) throws(UraError) -> Declaration {
        func fail(_ message: String) -> UraError { UraError(.input, "<ura:\(element.localName)>: \(message)", file: file, line: element.line) }
        guard element.localName == "output" else { throw fail("unknown declaration; Ura knows only <ura:output>") }
        guard let inputName = element.attribute("input"), let input = Declaration.Input(rawValue: inputName) else {
            throw fail("input must be 'release' or 'collection', not '\(element.attribute("input") ?? "")'")
        }
        let perLanguage = try flag(element.attribute("per-language"), "per-language", fail)
        guard let path = element.attribute("path"), !path.isEmpty else { throw fail("path is missing") }
        guard OutputPath.isSafe(path) else {
            throw fail("path '\(path)' must be relative and stay inside the site (no '..', no leading '/')")
        }
        if input == .release && !path.contains("{id}") { throw fail("path '\(path)' needs {id}: one file per release") }
        if perLanguage && !path.contains("{lang}") { throw fail("path '\(path)' needs {lang}: one file per language") }
        let perYear = try flag(element.attribute("per-year"), "per-year", fail)
        if perYear && (input != .collection || !path.contains("{year}")) {
            throw fail("per-year needs input 'collection' and {year} in the path '\(path)': one file per year")
        }
        let only = element.attribute("only")
        guard only == nil || (only == "bilingual" && input == .release) else {
            throw fail("only must be 'bilingual' (and input 'release'), not '\(only ?? "")'")
        }
        let render = element.attribute("render")
        guard render == nil || render == "pdf" else { throw fail("render must be 'pdf', not '\(render ?? "")'") }
        let content = element.attribute("content")
        guard content == nil || ((content == "summary" || content == "full") && input == .collection) else {
            throw fail("content must be 'summary' or 'full' (and input 'collection'), not '\(content ?? "")'")
        }
        let newestText = element.attribute("newest")
        let newest = newestText.flatMap { Int($0) }
        guard newestText == nil || (newest.map { $0 > 0 } == true && input == .collection) else {
            throw fail("newest must be a number above 0 (and input 'collection'), not '\(newestText ?? "")'")
        }
        return Declaration(input: input, perLanguage: perLanguage, path: path, view: element.attribute("view") ?? "",
                           rendersPDF: render == "pdf", bilingualOnly: only != nil, line: element.line,
                           summary: content == "summary", newest: newest, perYear: perYear)
    }

    private static func flag(_ value: String?, _ name: String, _ fail: (String) -> UraError) throws(UraError) -> Bool {
        switch value {
        case nil, "no": return false
        case "yes": return true
        case let other?: throw fail("\(name) must be 'yes' or 'no', not '\(other)'")
        }
    }
}

/// Output paths below the site root.
enum OutputPath {
    /// True when `path` is relative and every component is a plain name (no `.`, `..` or empty).
    static func isSafe(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    /// The folder part of a site path (`en` for `en/x.html`, empty for `index.html`), found on
    /// its UTF-8 bytes: a publish groups every site file by folder, and bridging thousands of
    /// paths to `NSString` cost tens of milliseconds.
    static func folder(of path: String) -> String {
        // On the bytes in place where the string has them (stepping a UTF-8 view's index back
        // byte by byte cost 300 ns a path: a millisecond for each few thousand).
        let slash = UInt8(ascii: "/")
        let inPlace: String?? = path.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.lastIndex(of: slash).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0]), as: UTF8.self) }
        }
        if let inPlace { return inPlace ?? "" }
        guard let end = path.utf8.lastIndex(of: slash) else { return "" }
        return String(path[..<end])
    }

    /// Whether `left` sorts before `right` by UTF-8 bytes, the order of a site's files in its
    /// manifest: a comparison of the bytes in place (`memcmp`), where comparing the strings'
    /// UTF-8 views element by element made sorting 8,000 paths cost more than planning them.
    static func precedes(_ left: String, _ right: String) -> Bool {
        let inPlace = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
        // Strings without contiguous UTF-8 (bridged ones) are compared element by element.
        return (inPlace ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// `template` with `{id}`, `{lang}` and `{year}` replaced (a build expands one per output,
    /// tens of thousands: a scan rather than Foundation's search and replace).
    static func expand(_ template: String, id: String?, language: Language?, year: String? = nil) -> String {
        Template(template).expand(id: id, language: language, year: year)
    }

    /// A path template cut into its text and its placeholders once, for expanding many times.
    struct Template: Sendable {
        private enum Part: Sendable { case text(String), id, language, year }
        private let parts: [Part]
        /// The length of the text parts, for reserving the result.
        private let textLength: Int

        init(_ template: String) {
            var parts: [Part] = []
            var text = ""
            var rest = template[...]
            while let open = rest.firstIndex(of: "{") {
                text += rest[..<open]
                rest = rest[open...]
                let placeholder: Part? = rest.hasPrefix("{id}") ? .id : rest.hasPrefix("{lang}") ? .language
                    : rest.hasPrefix("{year}") ? .year : nil
                guard let placeholder else {
                    text += "{"
                    rest = rest.dropFirst()
                    continue
                }
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(placeholder)
                rest = rest[(rest.firstIndex(of: "}").map(rest.index(after:)) ?? rest.endIndex)...]
            }
            text += rest
            if !text.isEmpty { parts.append(.text(text)) }
            self.parts = parts
            self.textLength = parts.reduce(0) { if case .text(let text) = $1 { $0 + text.utf8.count } else { $0 } }
        }

        /// The path with each placeholder replaced by its value; a placeholder without one stays
        /// as written (`{id}`).
        func expand(id: String?, language: Language?, year: String?) -> String {
            var path = ""
            path.reserveCapacity(textLength + (id?.utf8.count ?? 0) + 8)
            for part in parts {
                switch part {
                case .text(let text): path += text
                case .id: path += id ?? "{id}"
                case .language: path += language?.code ?? "{lang}"
                case .year: path += year ?? "{year}"
                }
            }
            return path
        }
    }
}
