import Foundation
import UraICU

/// A folder of press releases as Hugo multilingual page bundles:
/// `corpus/<YYYY-MM-DD-slug>/index.en.md` and `index.sq.md`, each with YAML front matter
/// (`title`, `date`, `place`, `status`, ...) and a Markdown body whose paragraphs are separated by
/// blank lines.
///
/// Release-wide fields (date, place, status, approval) are written to both files. When the two
/// files disagree on status, the release gets the less advanced one, so a draft never leaks into
/// a feed because one language file says `approved`.
public struct Corpus: Sendable {
    /// The corpus folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The bundle folder of release `id`.
    public func bundlePath(_ id: String) -> String { directory + "/" + id }

    /// The file of release `id` in `language`.
    public func filePath(_ id: String, _ language: Language) -> String {
        bundlePath(id) + "/index.\(language.code).md"
    }

    /// The ids of the bundles in the corpus (folders holding an `index.<lang>.md`), sorted.
    public func releaseIDs() throws(UraError) -> [String] {
        try listing().map(\.id)
    }

    /// The bundles in the corpus, sorted by id, each with ``fileSignature(_:)`` of its files: one
    /// `stat` per file, on every core (a build lists thousands of bundles each time).
    public func listing() throws(UraError) -> [(id: String, signature: String)] {
        var trace = PhaseTrace()
        let names = try folderNames()
        trace.mark("listing.names")
        // Each file is looked up from the corpus folder's descriptor: the kernel then walks two
        // path components per file, not the whole path from the root.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let signed = Parallel.map(names) { ($0, fileSignature($0, in: folder)) }
        trace.mark("listing.signatures")
        defer { trace.mark("listing.filter") }
        return signed.filter { !$0.1.isEmpty }.map { (id: $0.0, signature: $0.1) }
    }

    /// The names in the corpus folder that may be bundles (not hidden), sorted.
    private func folderNames() throws(UraError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UraError(.input, "corpus folder not found", file: directory)
        }
        guard let names = DirectoryNames.read(directory) else {
            throw UraError(.input, "cannot list the corpus folder: \(String(cString: strerror(errno)))", file: directory)
        }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A signature of the files of release `id` from `stat` alone (size, modification and change
    /// times in nanoseconds, inode), to tell without reading them that they have not changed since
    /// a previous build, as git's index does.
    public func fileSignature(_ id: String) -> String {
        fileSignature(id, in: -1)
    }

    /// ``fileSignature(_:)``, the files looked up relative to `folder`, an open descriptor of the
    /// corpus folder (or by their whole path when it is negative).
    private func fileSignature(_ id: String, in folder: Int32) -> String {
        // Written as bytes, numbers by hand: a build signs every file of the corpus (4,000 for
        // 2,000 releases), and string interpolation of ten numbers a file cost as much as the
        // `stat` calls themselves.
        var signature: [UInt8] = []
        signature.reserveCapacity(160)
        // The relative path `<id>/index.<lang>.md` as a C string, its common part made once
        // (string concatenation made six strings a release).
        let prefix = Array(id.utf8) + "/index.".utf8
        var path: [UInt8] = []
        for language in Language.allCases {
            var info = stat()
            path.removeAll(keepingCapacity: true)
            path += prefix
            path += language.code.utf8
            path += ".md".utf8
            path.append(0)
            let found = folder >= 0
                ? path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { fstatat(folder, $0.baseAddress!, &info, 0) } } == 0
                : stat(filePath(id, language), &info) == 0
            guard found else { continue }
            func add(_ number: Int, _ separator: Unicode.Scalar) {
                signature.appendDecimal(number)
                signature.append(UInt8(ascii: separator))
            }
            signature += language.code.utf8
            signature.append(UInt8(ascii: ":"))
            add(Int(info.st_size), ":")
            add(info.st_mtim.tv_sec, ".")
            add(info.st_mtim.tv_nsec, ":")
            add(info.st_ctim.tv_sec, ".")
            add(info.st_ctim.tv_nsec, ":")
            add(Int(info.st_ino), ";")
        }
        return String(decoding: signature, as: UTF8.self)
    }

    /// Loads every release, several at once. Fails with the first unreadable bundle (in id order).
    public func loadAll() throws(UraError) -> [PressRelease] {
        try loadAll(reusing: { _ in nil })
    }

    /// Loads every release, taking those `reuse` returns (e.g. from a previous build's snapshot
    /// when their files are unchanged) instead of reading them.
    public func loadAll(reusing reuse: @Sendable (String) -> PressRelease?) throws(UraError) -> [PressRelease] {
        try loadAll(try listing()) { id, _ in reuse(id) }
    }

    /// Loads the releases of `listing` (``listing()``), taking those `reuse` returns, given the
    /// id and the signature of its files, instead of reading them.
    public func loadAll(_ listing: [(id: String, signature: String)],
                        reusing reuse: @Sendable (String, String) -> PressRelease?) throws(UraError) -> [PressRelease] {
        try Parallel.map(listing) { entry throws(UraError) in
            if let reused = reuse(entry.id, entry.signature) { return reused }
            return try load(entry.id)
        }
    }

    /// Loads release `id`.
    public func load(_ id: String) throws(UraError) -> PressRelease {
        var release = PressRelease(id: id, texts: [:])
        var statuses: [PressRelease.Status] = []
        for language in Language.allCases {
            let path = filePath(id, language)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let page = try FrontMatter.parse(try TextInput.read(path), file: path)
            guard let title = page.value("title"), !title.trimmed.isEmpty else {
                throw UraError(.input, "front matter: 'title' is missing", file: path, line: 1)
            }
            release.texts[language] = PressRelease.Text(title: title.trimmed, paragraphs: Paragraphs.split(page.body))
            if let status = page.value("status") {
                guard let parsed = PressRelease.Status(rawValue: status.trimmed.lowercased()) else {
                    throw UraError(.input, "front matter: 'status' must be draft, in-review or approved, not '\(status)'",
                                   file: path, line: page.line(of: "status"))
                }
                statuses.append(parsed)
            } else {
                statuses.append(.draft)
            }
            if let date = page.value("date"), !date.isEmpty {
                guard let parsed = CalendarDate(iso: date.trimmed) else {
                    throw UraError(.input, "front matter: 'date' must be YYYY-MM-DD, not '\(date)'",
                                   file: path, line: page.line(of: "date"))
                }
                if release.dateline.date == nil { release.dateline.date = parsed }
            }
            if release.dateline.place == nil, let place = page.value("place"), !place.trimmed.isEmpty {
                release.dateline.place = place.trimmed
            }
            if page.value("date_inferred") == "true" { release.dateline.dateInferred = true }
            release.provenance.source = release.provenance.source ?? page.value("source")
            release.provenance.approvedBy = release.provenance.approvedBy ?? page.value("approved_by")
            release.provenance.approvedAt = release.provenance.approvedAt ?? page.value("approved_at")
            release.provenance.overrideReason = release.provenance.overrideReason ?? page.value("override")
            release.extraFrontMatter[language] = page.entries
                .filter { !Corpus.knownKeys.contains($0.key) }
                .map { ($0.key, page.sources[$0.key] ?? $0.value) }
        }
        guard !release.texts.isEmpty else {
            throw UraError(.input, "no index.en.md or index.sq.md in the bundle", file: bundlePath(id))
        }
        release.status = statuses.min { $0.rank < $1.rank } ?? .draft
        return release
    }

    /// Writes release `id` into its bundle, one file per language, each atomically.
    public func write(_ release: PressRelease) throws(UraError) {
        for language in release.languages {
            guard let text = release.texts[language] else { continue }
            try AtomicFile.write(Corpus.render(release, language: language, text: text), to: filePath(release.id, language), durable: true)
        }
    }

    /// The bundle file of `release` in `language`.
    public static func render(_ release: PressRelease, language: Language, text: PressRelease.Text) -> String {
        var entries: [(key: String, value: String)] = [("title", text.title)]
        if let date = release.dateline.date { entries.append(("date", date.description)) }
        if release.dateline.dateInferred { entries.append(("date_inferred", "true")) }
        if let place = release.dateline.place { entries.append(("place", place)) }
        entries.append(("status", release.status.rawValue))
        // Hugo's own switch, so `hugo` on the corpus never publishes an unapproved release.
        entries.append(("draft", release.status == .approved ? "false" : "true"))
        if let source = release.provenance.source { entries.append(("source", source)) }
        if let by = release.provenance.approvedBy { entries.append(("approved_by", by)) }
        if let at = release.provenance.approvedAt { entries.append(("approved_at", at)) }
        if let reason = release.provenance.overrideReason { entries.append(("override", reason)) }
        let extras = release.extraFrontMatter[language] ?? []
        entries += extras.map { ($0.key, $0.value) }
        let body = text.paragraphs.joined(separator: "\n\n") + "\n"
        return FrontMatter.render(entries, rawKeys: Set(extras.map(\.key)).union(["draft", "date_inferred", "date"]), body: body)
    }

    static let knownKeys: Set<String> = [
        "title", "date", "date_inferred", "place", "status", "draft", "source", "approved_by", "approved_at", "override",
    ]
}

extension PressRelease.Status {
    /// Order of advancement: draft < in-review < approved.
    var rank: Int {
        switch self {
        case .draft: 0
        case .inReview: 1
        case .approved: 2
        }
    }
}
