import Foundation
import UraAlign
import UraCore
import UraTerminology
import UraXML

/// The `review` step (whole context): writes what translators work through, per release, into
/// the review folder (option `out`, default `review`):
///
/// - `<id>.html`: the release's review page: the side-by-side alignment (bilingual releases),
///   then its terminology findings (the QA report, `#terminology`), unit by unit, with a
///   checkbox per finding;
/// - `<id>.tmx`: the aligned sentence pairs as TMX 1.4b, for a translation memory;
/// - `index.html`: every release with its counts of errors, warnings and flagged beads.
///
/// Two files per release, side by side in one folder: creating a file (and a folder) is most of
/// what writing review material costs on these disks, so the alignment and the QA report share
/// a page and no release has a folder of its own.
///
/// Every file is written atomically (a new review folder is staged and renamed into place whole,
/// see ``write(_:to:)``). A release whose content did not change since the last
/// review (its digest is in `.digests`, rewritten once at the end) is not rewritten, so an
/// incremental build touches only the releases that changed; a build killed half-way leaves the
/// old `.digests`, so the next one rewrites what it may have missed. Files of releases no longer
/// in the corpus are removed, and so are the folders of the earlier layout (`<id>/alignment.html`).
public enum ReviewStep {
    public static let name = "review"

    /// Bumped when the review files' layout changes, so old ones are rewritten.
    static let version = "review-2"

    @Sendable public static func make(options: [String: String]) throws -> PipelineStep {
        let folder = options["out"] ?? "review"
        // Alongside publishing: review material only reads the releases, and the site does not
        // depend on it; each keeps a core busy while the other writes files.
        return PipelineStep(name: name, summary: "Write review material", runsAlongside: true, body: .whole { context in
            let written = try write(context.releases, digests: context.releases.map(context.digest(of:)), to: folder)
            context.filesWritten += written
        })
    }

    /// Writes the review material of `releases` into `folder`; returns the paths written.
    ///
    /// A review folder that does not exist yet (a first build, or after it was deleted) is made
    /// whole in a staging folder beside it, with files written directly, and renamed into place:
    /// translators see no folder or a complete one, and a full build saves a temporary file and a
    /// rename per file. An existing folder is updated in place, each changed file atomically.
    /// `digests` are the releases' ``ReleaseBinary/digest(_:)``, in the same order.
    static func write(_ releases: [PressRelease], digests: [String], to folder: String) throws(UraError) -> [String] {
        let fresh = !FileManager.default.fileExists(atPath: folder)
        let target = fresh ? try makeStagingFolder(for: folder) : folder
        do throws(UraError) {
            let written = try write(releases, digests: digests, into: target, fresh: fresh)
            if fresh, rename(target, folder) != 0 {
                throw UraError(.input, "cannot move the review folder into place: \(String(cString: strerror(errno)))", file: folder)
            }
            return written
        } catch {
            if fresh { try? FileManager.default.removeItem(atPath: target) }
            throw error
        }
    }

    /// A new, empty folder beside `folder` (its parents created), private to this process.
    private static func makeStagingFolder(for folder: String) throws(UraError) -> String {
        let url = URL(fileURLWithPath: folder)
        let staging = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw UraError(.input, "cannot create the review folder: \(error.localizedDescription)", file: staging)
        }
        return staging
    }

    /// Writes the review material into `folder`, which is empty and private when `fresh`.
    private static func write(_ releases: [PressRelease], digests: [String], into folder: String, fresh: Bool) throws(UraError) -> [String] {
        if releases.contains(where: { $0.id == "index" }) {
            throw UraError(.input, "a release called 'index' would put its review page over the review index; rename its folder",
                           file: folder + "/index.html")
        }
        var trace = PhaseTrace()
        let digestsPath = folder + "/.digests"
        let (previous, previousRows, currentLayout) = fresh ? ([:], [:], true) : readDigests(digestsPath)
        // Releases are independent: rendered on every core a batch at a time, each batch written
        // on one thread (two threads creating files in one folder mostly wait for each other in
        // the kernel) while the next one is rendered.
        let writer = PageWriter(folder: folder, fresh: fresh, count: releases.count)
        // Which pages are there, listed once (asking for each release's page was 2,000 `access`
        // calls, each a path walk in the kernel).
        let present = fresh ? [] : Set(DirectoryNames.read(folder) ?? [])
        var reviewDigests = [String](repeating: "", count: releases.count)
        let batch = max(64, releases.count / 8)
        for start in stride(from: 0, to: releases.count, by: batch) {
            let indices = Array(start..<min(releases.count, start + batch))
            let rendered = Parallel.map(indices) { index in
                render(releases[index], digest: digests[index], previousDigest: previous[releases[index].id], present: present)
            }
            for (index, pages) in zip(indices, rendered) { reviewDigests[index] = pages.digest }
            writer.write(Array(zip(indices, rendered.map(\.files))))
        }
        trace.mark("review.render")
        let writtenByRelease = try writer.finish()
        var written: [String] = []
        trace.mark("review.write")
        // A row depends on the release alone, so an unchanged release's row is the one `.digests`
        // kept: its alignment and sentences are not even decoded (``Deferred``).
        // Rows stay UTF-8 bytes from `.digests` to the index: thousands of them, every build.
        let currentDigests = reviewDigests
        let rows = Parallel.map(Array(releases.indices)) { index -> ArraySlice<UInt8> in
            let id = releases[index].id
            if previous[id] == currentDigests[index], let row = previousRows[id] { return row }
            let release = releases[index]
            return Array(row(release, flagged: release.alignment?.paragraphs.filter { $0.en.count != 1 || $0.sq.count != 1 || $0.score < 0.9 }.count ?? 0,
                             findings: release.findings ?? []).utf8)[...]
        }
        var digestLines = Array(digestsHeader.utf8)
        digestLines.reserveCapacity(rows.reduce(digestLines.count) { $0 + $1.count + 128 })
        for (index, release) in releases.enumerated() {
            written += writtenByRelease[index]
            digestLines += reviewDigests[index].utf8
            digestLines.append(UInt8(ascii: " "))
            digestLines += release.id.utf8
            digestLines.append(UInt8(ascii: "\t"))
            digestLines += rows[index]
            digestLines.append(UInt8(ascii: "\n"))
        }
        let ids = Set(releases.map(\.id))
        // Files to sweep only when a release left, or when the last review had the earlier layout
        // (its `.digests` has no header); the folder as listed before this build wrote to it.
        if !fresh, ids.count != previous.count || !ids.allSatisfy({ previous[$0] != nil }) || !currentLayout {
            for entry in present {
                let isPage = entry.hasSuffix(".html") || entry.hasSuffix(".tmx")
                let id = isPage ? String(entry[..<(entry.lastIndex(of: ".") ?? entry.endIndex)]) : entry
                // A release no longer in the corpus, or (named by the id alone) its folder of the earlier layout.
                if previous[id] != nil, !ids.contains(id) || !isPage { try? FileManager.default.removeItem(atPath: folder + "/" + entry) }
            }
        }
        try AtomicFile.write(bytes: digestLines, to: digestsPath)
        try AtomicFile.write(bytes: index(rows), to: folder + "/index.html")
        written.append("index.html")
        trace.mark("review.index")
        return written
    }

    /// The first line of `.digests`: which layout the review folder has.
    static let digestsHeader = "# \(version)\n"

    /// The `digest id` lines of the last review, by id (empty when there is none), the index
    /// rows they keep (after a tab; older files have none), and whether the
    /// file opens with ``digestsHeader``. Read on UTF-8 bytes: a line per release, thousands of
    /// them, on every build.
    private static func readDigests(_ path: String) -> (digests: [String: String], rows: [String: ArraySlice<UInt8>], currentLayout: Bool) {
        guard let bytes = FileBytes.read(path) else { return ([:], [:], false) }
        var digests: [String: String] = [:], rows: [String: ArraySlice<UInt8>] = [:]
        digests.reserveCapacity(bytes.count / 64)
        rows.reserveCapacity(bytes.count / 64)
        // Lines and fields found with `memchr` (a line is a row of HTML, hundreds of bytes).
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = buffer.firstIndex(of: UInt8(ascii: "\n"), in: start..<buffer.count) ?? buffer.count
                defer { start = end + 1 }
                guard buffer[start] != UInt8(ascii: "#"), let space = buffer.firstIndex(of: UInt8(ascii: " "), in: start..<end) else { continue }
                let tab = buffer.firstIndex(of: UInt8(ascii: "\t"), in: space..<end)
                let id = String(decoding: bytes[(space + 1)..<(tab ?? end)], as: UTF8.self)
                digests[id] = String(decoding: bytes[start..<space], as: UTF8.self)
                // Kept as bytes, when they are UTF-8 (a `.digests` edited by hand might not be:
                // such a row is made again).
                if let tab, TextInput.isValidUTF8(bytes[(tab + 1)..<end]) { rows[id] = bytes[(tab + 1)..<end] }
            }
        }
        return (digests, rows, bytes.starts(with: digestsHeader.utf8))
    }

    /// One release's review digest (of the review layout's version and `releaseDigest`) and
    /// review files (name, content); no files when `previousDigest` says the ones in the folder
    /// are current and its page is among the names `present` there.
    private static func render(_ release: PressRelease, digest releaseDigest: String, previousDigest: String?,
                               present: Set<String>) -> (digest: String, files: [(String, [UInt8])]) {
        let digest = ContentDigest.hex(Array((version + " " + releaseDigest).utf8))
        if previousDigest == digest, present.contains(release.id + ".html") { return (digest, []) }
        var files: [(String, [UInt8])] = []
        let findings = release.findings.map { findings in
            (findings, UnitReader.units(of: release))
        }
        if let alignment = release.alignment, let en = release.sentences[.english], let sq = release.sentences[.albanian] {
            let text = BilingualText(english: en, albanian: sq)
            let appendix = findings.map { (style: FindingsReport.style, body: FindingsReport.section($0.0, units: $0.1)) }
            files.append(("\(release.id).html", AlignmentHTML.renderUTF8(alignment, text: text, title: release.title(in: .english),
                                                                          appendix: appendix)))
            files.append(("\(release.id).tmx", AlignmentTMX.renderUTF8(alignment, text: text)))
        } else if let (findings, units) = findings {
            files.append(("\(release.id).html", Array(FindingsReport.html(findings, units: units,
                                                                           title: "Terminology check: \(release.title(in: .english))").utf8)))
        }
        return (digest, files)
    }

    /// Writes batches of releases' review files into a folder (created directly when `fresh`,
    /// see ``write(_:to:)``) on a thread of its own, in order, while the caller renders the next
    /// batch; ``finish()`` waits and gives the names written per release, or the first failure
    /// (later batches are then not written).
    private final class PageWriter: @unchecked Sendable {
        private let folder: String
        private let fresh: Bool
        private let queue = DispatchQueue(label: "ura.review.writer")
        private let lock = NSLock()
        private var written: [[String]]
        private var failure: UraError?

        init(folder: String, fresh: Bool, count: Int) {
            self.folder = folder
            self.fresh = fresh
            self.written = Array(repeating: [], count: count)
        }

        /// Queues the files of each release, given by its position.
        func write(_ batch: [(index: Int, files: [(String, [UInt8])])]) {
            queue.async {
                guard self.lock.withLock({ self.failure == nil }) else { return }
                for (index, files) in batch {
                    for (name, content) in files {
                        do throws(UraError) {
                            try AtomicFile.write(bytes: content, to: self.folder + "/" + name, staged: self.fresh)
                        } catch {
                            self.lock.withLock { self.failure = error }
                            return
                        }
                        self.lock.withLock { self.written[index].append(name) }
                    }
                }
            }
        }

        /// Waits for every queued batch; the names written per release, or the first failure.
        func finish() throws(UraError) -> [[String]] {
            queue.sync {}
            let (written, failure) = lock.withLock { (self.written, self.failure) }
            if let failure { throw failure }
            return written
        }
    }

    /// A release's row of the index, on one line: a newline, tab or backslash (in a title, say) is
    /// written as a character reference, so that `.digests` can keep the row for the next build
    /// after a tab on the release's line (keyed by the review digest: bump ``version`` when
    /// changing what a row shows).
    static func row(_ release: PressRelease, flagged: Int, findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        var links: [String] = []
        let base = release.id.xmlAttributeEscaped
        if release.alignment != nil, release.sentences[.english] != nil, release.sentences[.albanian] != nil {
            links.append("<a href=\"\(base).html\">alignment</a>")
            links.append("<a href=\"\(base).tmx\">TMX</a>")
            if release.findings != nil { links.append("<a href=\"\(base).html#terminology\">terminology</a>") }
        } else if release.findings != nil {
            links.append("<a href=\"\(base).html\">terminology</a>")
        }
        let row = "<tr><td>\(release.id.xmlEscaped)</td><td>\(release.title(in: .english).xmlEscaped)</td><td>\(release.status.rawValue)</td>"
            + "<td>\(release.languages.map(\.code).joined(separator: " "))</td><td class=\"n\">\(errors)</td><td class=\"n\">\(warnings)</td>"
            + "<td class=\"n\">\(flagged)</td><td>\(links.joined(separator: " · "))</td></tr>"
        guard row.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\\") }) else { return row }
        return row.replacingOccurrences(of: "\\", with: "&#92;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\t", with: "&#9;")
    }

    private static func index(_ rows: [ArraySlice<UInt8>]) -> [UInt8] {
        var page = Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Review: releases</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.4em; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            <h1>Review: releases</h1>
            <table>
            <thead><tr><th>Release</th><th>Title</th><th>Status</th><th>Languages</th><th>Errors</th><th>Warnings</th><th>Flagged beads</th><th>Review</th></tr></thead>
            <tbody>

            """.utf8)
        page.reserveCapacity(rows.reduce(page.count + 64) { $0 + $1.count + 1 })
        for row in rows {
            page += row
            page.append(UInt8(ascii: "\n"))
        }
        page += "</tbody>\n</table>\n</body>\n</html>\n".utf8
        return page
    }
}
