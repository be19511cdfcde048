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
    public static func document(for release: PressRelease) -> String { String(decoding: documentBytes(for: release), as: UTF8.self) }

    /// ``document(for:)`` as UTF-8 bytes, made without an intermediate string.
    public static func documentBytes(for release: PressRelease) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        output.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        append(release, to: &output, indent: "", declaringNamespace: true)
        return output
    }

    /// The collection document: `releases` newest first (date, then id), each complete.
    public static func collection(_ releases: [PressRelease]) -> String {
        collection(entries: ordered(releases).map { collectionEntry($0) })
    }

    /// The years with published releases (`undated` for releases without a date), in the order
    /// of the published releases (newest first), with how many of each year's releases have a
    /// text in each language: what the archive pages are made for, and what index pages link.
    public struct Archive: Sendable {
        /// The years, each once, newest first.
        public let years: [String]
        /// Per year, how many of its releases have a text in each language (none: no entry).
        private let counts: [String: [Language: Int]]

        /// The archive of `published` (in ``ordered(_:)`` order).
        public init(_ published: [PressRelease]) {
            var years: [String] = []
            var counts: [String: [Language: Int]] = [:]
            for index in published.indices {
                let year = archiveYear(of: published[index])
                if counts[year] == nil { years.append(year) }
                for language in published[index].texts.keys { counts[year, default: [:]][language, default: 0] += 1 }
            }
            self.years = years
            self.counts = counts
        }

        /// Whether `year` has releases, with a text in `language` when one is given.
        public func has(_ year: String, in language: Language?) -> Bool {
            guard let languages = counts[year] else { return false }
            return language.map { languages[$0] != nil } ?? true
        }

        /// The `<archive>` element of a collection document: a `<year>` per year, with an
        /// attribute per language that has releases that year, giving how many.
        public var xml: String {
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
    }

    /// ``Archive/xml`` of the archive of `published`.
    public static func archive(_ published: [PressRelease]) -> String { Archive(published).xml }

    /// The year whose archive lists `release`: its date's year, `undated` without a date.
    public static func archiveYear(of release: PressRelease) -> String {
        release.dateline.date.map { String($0.year) } ?? "undated"
    }

    /// One release as the collection document holds it (see ``collection(entries:)``); with
    /// `summary`, without its paragraphs and alignment (what an index page reads).
    public static func collectionEntry(_ release: PressRelease, summary: Bool = false) -> String {
        String(decoding: collectionEntryBytes(release, summary: summary), as: UTF8.self)
    }

    /// ``collectionEntry(_:summary:)`` as UTF-8 bytes.
    public static func collectionEntryBytes(_ release: PressRelease, summary: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(summary ? 512 : 4096)
        append(release, to: &output, indent: "  ", declaringNamespace: false, summary: summary)
        return output
    }

    /// The collection document of entries made by ``collectionEntry(_:)``, already in
    /// ``ordered(_:)`` order: lets a caller make the entries in parallel.
    /// `archive` (``archive(_:)``) opens the collection when given.
    public static func collection(entries: [String], archive: String = "") -> String {
        String(decoding: collectionBytes(entries: entries.map { Array($0.utf8) }, archive: archive), as: UTF8.self)
    }

    /// ``collection(entries:archive:)`` of entries as UTF-8 bytes (``collectionEntryBytes(_:summary:)``,
    /// or slices of the previous collection document: a publish that takes most entries from it
    /// assembles 10 MB for 2,000 releases without making strings of them).
    public static func collectionBytes<Entry: Collection<UInt8>>(entries: [Entry], archive: String = "") -> [UInt8] {
        let head = collectionHead
        var output: [UInt8] = []
        output.reserveCapacity(entries.reduce(head.utf8.count + archive.utf8.count + 16) { $0 + $1.count })
        output.append(contentsOf: head.utf8)
        output.append(contentsOf: archive.utf8)
        for entry in entries { output.append(contentsOf: entry) }
        output.append(contentsOf: collectionTail.utf8)
        return output
    }

    /// ``collectionBytes(entries:archive:)`` in parts, the entries as they are (not joined: they
    /// are written one after another, see ``SiteFile/parts``).
    public static func collectionParts(entries: [ArraySlice<UInt8>]) -> [ArraySlice<UInt8>] {
        [Array(collectionHead.utf8)[...]] + entries + [Array(collectionTail.utf8)[...]]
    }

    private static var collectionHead: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(namespace)\">\n" }
    private static let collectionTail = "</collection>\n"

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
                let lineEnd = buffer.firstIndex(of: UInt8(ascii: "\n"), in: lineStart..<buffer.count).map { $0 + 1 } ?? buffer.count
                if matches(start, at: lineStart) {
                    entryStart = lineStart
                } else if let first = entryStart, lineEnd - lineStart == end.count, matches(end, at: lineStart) {
                    var cursor = first + start.count
                    while cursor < lineEnd, !matches(idPrefix, at: cursor) { cursor += 1 }
                    let idStart = cursor + idPrefix.count
                    if let idEnd = buffer.firstIndex(of: UInt8(ascii: "\""), in: min(idStart, lineEnd)..<lineEnd) {
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
        order(releases.map { ($0.dateline.date, $0.id) }).map { releases[$0] }
    }

    /// The positions of releases with these dates and ids in ``ordered(_:)`` order: sorting
    /// positions by keys read once, then copying each release once, is what a build of thousands
    /// can afford (sorting the releases themselves moves and reads large values many times over).
    static func order(_ keys: [(date: CalendarDate?, id: String)]) -> [Int] {
        // Each date as one integer in the dates' order, undated below them all: comparing the
        // dates themselves went through `Comparable`'s generic `>` (2,000 releases: 14M
        // instructions, now a tenth of that).
        let days = keys.map { key in key.date.map { ($0.year * 1_000 + $0.month) * 1_000 + $0.day } ?? Int.min }
        return keys.indices.sorted { left, right in
            days[left] != days[right] ? days[left] > days[right] : keys[left].id < keys[right].id
        }
    }

    /// The id of paragraph `index` (0-based) in `language`: `en-p1`, `sq-p3`.
    public static func paragraphID(_ language: Language, _ index: Int) -> String { "\(language.code)-p\(index + 1)" }

    /// Appends `release` as a `<release>` element, each line opened by `indent`.
    private static func append(_ release: PressRelease, to output: inout [UInt8], indent: String, declaringNamespace: Bool,
                               summary: Bool = false) {
        func add(_ text: String) {
            var text = text
            text.withUTF8 { output.append(contentsOf: $0) }
        }
        func attribute(_ name: StaticString, _ value: String) {
            output.append(UInt8(ascii: " "))
            output.appendLiteral(name)
            output.appendLiteral("=\"")
            output.appendXMLEscaped(value, quotes: true)
            output.append(UInt8(ascii: "\""))
        }
        add(indent)
        output.appendLiteral("<release")
        if declaringNamespace { add(" xmlns=\"\(namespace)\"") }
        attribute("id", release.id)
        add(" status=\"\(release.status.rawValue)\">\n")
        let inner = indent + "  "
        let dateline = release.dateline
        if dateline.place != nil || dateline.date != nil || dateline.dateInferred {
            add(inner)
            output.appendLiteral("<dateline")
            if let place = dateline.place { attribute("place", place) }
            if let date = dateline.date { add(" date=\"\(date.description)\"") }
            if dateline.dateInferred { output.appendLiteral(" date-inferred=\"true\"") }
            output.appendLiteral("/>\n")
        }
        let provenance = release.provenance
        if let by = provenance.approvedBy {
            add(inner)
            output.appendLiteral("<approval")
            attribute("by", by)
            if let at = provenance.approvedAt { attribute("at", at) }
            if let reason = provenance.overrideReason { attribute("override", reason) }
            output.appendLiteral("/>\n")
        }
        if let source = provenance.source {
            add(inner)
            output.appendLiteral("<source>")
            output.appendXMLEscaped(source)
            output.appendLiteral("</source>\n")
        }
        for language in release.languages {
            guard let text = release.texts[language] else { continue }
            add(inner)
            output.appendLiteral("<text xml:lang=\"")
            add(language.code)
            output.appendLiteral("\">\n")
            add(inner)
            output.appendLiteral("  <title>")
            output.appendXMLEscaped(text.title)
            output.appendLiteral("</title>\n")
            // A summary does not even read the paragraphs (a release from the snapshot has them
            // still encoded: ``PressRelease/Text``).
            for (index, paragraph) in (summary ? [] : text.paragraphs).enumerated() {
                add(inner)
                output.appendLiteral("  <p id=\"")
                appendParagraphID(language, index, to: &output)
                output.appendLiteral("\">")
                InlineMarkdown.appendXML(paragraph, to: &output)
                output.appendLiteral("</p>\n")
            }
            add(inner)
            output.appendLiteral("</text>\n")
        }
        if !summary { appendAlignment(release, to: &output, indent: inner) }
        add(indent)
        output.appendLiteral("</release>\n")
    }

    /// ``paragraphID(_:_:)`` appended as bytes, without making the string.
    private static func appendParagraphID(_ language: Language, _ index: Int, to output: inout [UInt8]) {
        output.append(contentsOf: language.code.utf8)
        output.appendLiteral("-p")
        output.appendDecimal(index + 1)
    }

    /// The `<alignment>` element with the paragraph beads as `<bead>` elements, each line opened by
    /// `indent`; beads naming paragraphs the release does not have are dropped, so every reference
    /// resolves, and without a bead left there is no element.
    private static func appendAlignment(_ release: PressRelease, to output: inout [UInt8], indent: String) {
        guard let alignment = release.alignment, !alignment.paragraphs.isEmpty else { return }
        let englishCount = release.texts[.english]?.paragraphCount ?? 0
        let albanianCount = release.texts[.albanian]?.paragraphCount ?? 0
        var opened = false
        for bead in alignment.paragraphs {
            guard bead.en.allSatisfy({ (0..<englishCount).contains($0) }), bead.sq.allSatisfy({ (0..<albanianCount).contains($0) }),
                  !(bead.en.isEmpty && bead.sq.isEmpty) else { continue }
            if !opened {
                output.append(contentsOf: indent.utf8)
                output.appendLiteral("<alignment>\n")
                opened = true
            }
            output.append(contentsOf: indent.utf8)
            output.appendLiteral("  <bead")
            // Written straight into the bytes (an array of sides and a string per bead cost
            // more than the rest of the document).
            func side(_ language: Language, _ indices: [Int]) {
                guard !indices.isEmpty else { return }
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: language.code.utf8)
                output.appendLiteral("=\"")
                for (position, index) in indices.enumerated() {
                    if position > 0 { output.append(UInt8(ascii: " ")) }
                    appendParagraphID(language, index, to: &output)
                }
                output.append(UInt8(ascii: "\""))
            }
            side(.english, bead.en)
            side(.albanian, bead.sq)
            output.appendLiteral(" score=\"")
            output.append(contentsOf: scoreText(min(max(bead.score, 0), 1)).utf8)
            output.appendLiteral("\"/>\n")
        }
        if opened {
            output.append(contentsOf: indent.utf8)
            output.appendLiteral("</alignment>\n")
        }
    }

    /// `score` as `%.3f` prints it (C's formatting, which Foundation's `String(format:)` uses too),
    /// without Foundation's format parser: a build formats a score per bead. A score in [0, 1]
    /// whose thousandths are not within a hair of a rounding boundary is written from its integer
    /// thousandths (`%.3f` rounds the exact binary value, which is within 10⁻¹² of the product
    /// computed here); the rest go through `vsnprintf`.
    static func scoreText(_ score: Double) -> String {
        let scaled = score * 1000
        let thousandths = scaled.rounded()
        if score >= 0, score <= 1, abs(scaled - thousandths) < 0.499_999 {
            let value = Int(thousandths), fraction = value % 1000
            let digits: [UInt8] = [UInt8(ascii: "0") + UInt8(value / 1000), UInt8(ascii: "."),
                                   UInt8(ascii: "0") + UInt8(fraction / 100), UInt8(ascii: "0") + UInt8(fraction / 10 % 10),
                                   UInt8(ascii: "0") + UInt8(fraction % 10)]
            return String(decoding: digits, as: UTF8.self)
        }
        var buffer = [CChar](repeating: 0, count: 32)
        let count = withVaList([score]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.3f", arguments) }
        }
        return String(decoding: buffer.prefix(Int(max(0, min(count, 31)))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
