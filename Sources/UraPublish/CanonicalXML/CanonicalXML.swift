import Foundation
import UraCore
import UraICU
import UraXML

/// The one XML vocabulary stylesheets see: a bilingual document per release and a collection
/// document for a set of releases, in the namespace ``namespace`` and described by the RELAX NG
/// schema `schema/ura-release.rng`.
///
/// ```xml
/// <release xmlns="urn:x-ura:release:1" id="2018-11-05-roundtable…" status="approved">
///   <dateline place="Tirana" date="2018-11-05"/>
///   <approval by="Ana" at="2026-11-23T18:00:00Z"/>
///   <text xml:lang="en"><title>…</title><p id="en-p1">… <em>…</em> …</p></text>
///   <text xml:lang="sq"><title>…</title><p id="sq-p1">…</p></text>
///   <alignment><bead en="en-p1" sq="sq-p1" score="0.950"/></alignment>
/// </release>
/// ```
///
/// Paragraph bodies go through ``InlineMarkdown``. The output depends only on the releases, so
/// the same input gives the same bytes.
public enum CanonicalXML {
    /// The namespace of every element.
    public static let namespace = "urn:x-ura:release:1"

    /// The document for one release.
    public static func document(for release: PressRelease) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        append(release, to: &output, indent: "", declaringNamespace: true)
        return output
    }

    /// The collection document: `releases` newest first (date, then id), each complete.
    public static func collection(_ releases: [PressRelease]) -> String {
        collection(entries: ordered(releases).map { collectionEntry($0) })
    }

    /// The `<archive>` element of a collection document: each year with published releases
    /// (`undated` for releases without a date), in the order of `published` (newest first), with
    /// how many of them have a text in each language (an attribute per language, left out at
    /// zero). What index pages link archive pages from.
    public static func archive(_ published: [PressRelease]) -> String {
        var years: [String] = []
        var counts: [String: [Language: Int]] = [:]
        for release in published {
            let year = archiveYear(of: release)
            if counts[year] == nil { years.append(year) }
            for language in release.languages { counts[year, default: [:]][language, default: 0] += 1 }
        }
        var output = "  <archive>\n"
        for year in years {
            output += "    <year value=\"\(year)\""
            for language in Language.allCases {
                if let count = counts[year]?[language] { output += " \(language.code)=\"\(count)\"" }
            }
            output += "/>\n"
        }
        return output + "  </archive>\n"
    }

    /// The year whose archive lists `release`: its date's year, `undated` without a date.
    public static func archiveYear(of release: PressRelease) -> String {
        release.dateline.date.map { String($0.year) } ?? "undated"
    }

    /// One release as the collection document holds it (see ``collection(entries:)``); with
    /// `summary`, without its paragraphs and alignment (what an index page reads).
    public static func collectionEntry(_ release: PressRelease, summary: Bool = false) -> String {
        var output = ""
        append(release, to: &output, indent: "  ", declaringNamespace: false, summary: summary)
        return output
    }

    /// The collection document of entries made by ``collectionEntry(_:)``, already in
    /// ``ordered(_:)`` order: lets a caller make the entries in parallel.
    /// `archive` (``archive(_:)``) opens the collection when given.
    public static func collection(entries: [String], archive: String = "") -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(namespace)\">\n" + archive
        output.reserveCapacity(entries.reduce(64 + archive.utf8.count) { $0 + $1.utf8.count })
        for entry in entries { output += entry }
        output += "</collection>\n"
        return output
    }

    /// ``collection(entries:)`` of entries given as UTF-8 bytes, as bytes: what a publish that
    /// takes most entries from the previous collection document assembles (10 MB for 2,000
    /// releases), without making strings of them.
    public static func collection(entryBytes entries: [ArraySlice<UInt8>]) -> [UInt8] {
        var output = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(namespace)\">\n".utf8)
        output.reserveCapacity(entries.reduce(output.count + 16) { $0 + $1.count })
        for entry in entries { output += entry }
        output += "</collection>\n".utf8
        return output
    }

    /// The entries of a collection document this code wrote, by the id as written in the entry's
    /// `id` attribute (escaped): each from its `  <release ` line through its `  </release>` line,
    /// as ``collectionEntry(_:)`` made it. Text inside is escaped, so those two lines can only be
    /// an entry's bounds.
    ///
    /// Scanned in place with `memchr` and `memcmp`: the document of 2,000 releases has over a
    /// hundred thousand lines, and every incremental publish reads it.
    public static func collectionEntries(in document: [UInt8]) -> [String: ArraySlice<UInt8>] {
        let start = Array("  <release ".utf8), end = Array("  </release>\n".utf8), idPrefix = Array("id=\"".utf8)
        var entries: [String: ArraySlice<UInt8>] = [:]
        document.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) -> Void in
            guard let base = buffer.baseAddress else { return }
            func matches(_ pattern: [UInt8], at index: Int) -> Bool {
                index + pattern.count <= buffer.count && memcmp(base + index, pattern, pattern.count) == 0
            }
            var entryStart: Int?
            var lineStart = 0
            while lineStart < buffer.count {
                let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), buffer.count - lineStart)
                let lineEnd = newline.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) + 1 } ?? buffer.count
                if matches(start, at: lineStart) {
                    entryStart = lineStart
                } else if let first = entryStart, lineEnd - lineStart == end.count, matches(end, at: lineStart) {
                    var cursor = first + start.count
                    while cursor < lineEnd, !matches(idPrefix, at: cursor) { cursor += 1 }
                    let idStart = cursor + idPrefix.count
                    if let idEnd = document[min(idStart, lineEnd)..<lineEnd].firstIndex(of: UInt8(ascii: "\"")) {
                        entries[String(decoding: document[idStart..<idEnd], as: UTF8.self)] = document[first..<lineEnd]
                    }
                    entryStart = nil
                }
                lineStart = lineEnd
            }
        }
        return entries
    }

    /// Newest first; undated releases last; ties by id, so the order never depends on the input's.
    public static func ordered(_ releases: [PressRelease]) -> [PressRelease] {
        releases.sorted { left, right in
            switch (left.dateline.date, right.dateline.date) {
            case let (l?, r?) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return left.id < right.id
            }
        }
    }

    /// The id of paragraph `index` (0-based) in `language`: `en-p1`, `sq-p3`.
    public static func paragraphID(_ language: Language, _ index: Int) -> String { "\(language.code)-p\(index + 1)" }

    private static func append(_ release: PressRelease, to output: inout String, indent: String, declaringNamespace: Bool,
                               summary: Bool = false) {
        let namespaceAttribute = declaringNamespace ? " xmlns=\"\(namespace)\"" : ""
        output += "\(indent)<release\(namespaceAttribute) id=\"\(release.id.xmlAttributeEscaped)\" status=\"\(release.status.rawValue)\">\n"
        let inner = indent + "  "
        var dateline = ""
        if let place = release.dateline.place { dateline += " place=\"\(place.xmlAttributeEscaped)\"" }
        if let date = release.dateline.date { dateline += " date=\"\(date.description)\"" }
        if release.dateline.dateInferred { dateline += " date-inferred=\"true\"" }
        if !dateline.isEmpty { output += "\(inner)<dateline\(dateline)/>\n" }
        let provenance = release.provenance
        if let by = provenance.approvedBy {
            var approval = " by=\"\(by.xmlAttributeEscaped)\""
            if let at = provenance.approvedAt { approval += " at=\"\(at.xmlAttributeEscaped)\"" }
            if let reason = provenance.overrideReason { approval += " override=\"\(reason.xmlAttributeEscaped)\"" }
            output += "\(inner)<approval\(approval)/>\n"
        }
        if let source = provenance.source { output += "\(inner)<source>\(source.xmlEscaped)</source>\n" }
        for language in release.languages {
            guard let text = release.texts[language] else { continue }
            output += "\(inner)<text xml:lang=\"\(language.code)\">\n"
            output += "\(inner)  <title>\(text.title.xmlEscaped)</title>\n"
            for (index, paragraph) in text.paragraphs.enumerated() where !summary {
                output += "\(inner)  <p id=\"\(paragraphID(language, index))\">\(InlineMarkdown.xml(paragraph))</p>\n"
            }
            output += "\(inner)</text>\n"
        }
        if !summary, let beads = alignmentBeads(release) {
            output += "\(inner)<alignment>\n"
            for bead in beads { output += "\(inner)  \(bead)\n" }
            output += "\(inner)</alignment>\n"
        }
        output += "\(indent)</release>\n"
    }

    /// The paragraph beads as `<bead>` elements; beads naming paragraphs the release does not
    /// have are dropped, so every reference resolves.
    private static func alignmentBeads(_ release: PressRelease) -> [String]? {
        guard let alignment = release.alignment, !alignment.paragraphs.isEmpty else { return nil }
        let counts = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, release.texts[$0]?.paragraphs.count ?? 0) })
        var beads: [String] = []
        for bead in alignment.paragraphs {
            let sides: [(Language, [Int])] = [(.english, bead.en), (.albanian, bead.sq)]
            guard sides.allSatisfy({ language, indices in indices.allSatisfy { (0..<(counts[language] ?? 0)).contains($0) } }),
                  !(bead.en.isEmpty && bead.sq.isEmpty) else { continue }
            var element = "<bead"
            for (language, indices) in sides where !indices.isEmpty {
                element += " \(language.code)=\"\(indices.map { paragraphID(language, $0) }.joined(separator: " "))\""
            }
            element += String(format: " score=\"%.3f\"/>", min(max(bead.score, 0), 1))
            beads.append(element)
        }
        return beads.isEmpty ? nil : beads
    }
}
