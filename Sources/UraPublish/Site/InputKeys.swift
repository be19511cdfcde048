import Foundation
import UraCore
import UraICU
import UraXML

/// The input keys of a build's files: what each file is made from, digested without making it.
///
/// A per-release output's key covers the release (its ``ReleaseBinary`` encoding, a superset of
/// what its canonical XML holds), every file of the stylesheet folders (imports included), the
/// stylesheet, the transform's parameters (language, view, base URL, site title, build date,
/// output path), ``version`` and the libxml2/libxslt versions. A collection output's key covers
/// the releases its document holds instead of one, in order: every published release for the
/// full collection, the newest few for a feed, one year's for an archive page (and for every
/// view but the full one, the archive list of years, which any published release can change).
/// A summary view (index and archive pages) covers only what its document holds of each release,
/// its summary entry: editing a paragraph does not remake the archive page of the release's year.
/// Equal keys mean equal bytes, so a publish can take a file with an unchanged key from the
/// previous generation instead of making it.
///
/// What the key cannot see: a stylesheet importing a file outside its folder. Bump ``version``
/// whenever the canonical XML or the transforms' environment changes in code.
struct InputKeys: Sendable {
    /// Bumped when ``CanonicalXML``, ``InlineMarkdown`` or the way transforms run changes.
    static let version = "ura-publish-inputs 3"

    /// The digest of the version, libraries and stylesheet files, shared by every key.
    let base: String
    /// ``SiteSwitch/digest(_:)`` of each published release's encoding, in publish order.
    let releases: [String]
    /// The digest of what each published release's summary entry
    /// (``CanonicalXML/collectionEntryBytes(_:summary:)``) is made of, in publish order: what a
    /// summary view holds of it (``summaryDigest(_:)``).
    let summaries: [String]
    /// The digest of all of `releases`, in order: what the full collection depends on.
    let collection: String
    /// The published releases' ``CanonicalXML/Archive/xml``: part of every collection view.
    let archive: String
    /// What collection views choose the published releases by.
    let facts: SiteBuilder.CollectionView.Facts

    /// Keys for `published` (in ``SiteBuilder/published(_:)`` order, with its `archive` element)
    /// from `base` (``base(stylesheets:)``); `digests` may hold releases'
    /// ``ReleaseBinary/digest(_:)`` by id, the same value this computes for the others.
    init(_ published: [PressRelease], archive: String, base: String, digests: [String: String] = [:]) {
        self.base = base
        // By position: mapping the releases themselves would copy each one (every field retained).
        releases = Parallel.map(Array(published.indices)) { digests[published[$0].id] ?? ReleaseBinary.digest(published[$0]) }
        summaries = Parallel.map(Array(published.indices)) { Self.summaryDigest(published[$0]) }
        collection = SiteSwitch.digest(Array(releases.joined(separator: "\n").utf8))
        self.archive = archive
        facts = SiteBuilder.CollectionView.Facts(published)
    }

    /// What every key starts from: ``version``, the libxml2/libxslt versions and every file of the
    /// folders of the stylesheets at `stylesheets` (digested whole: imports included).
    static func base(stylesheets: [String]) -> String {
        var text = Self.version + "\n" + Stylesheet.libraryVersions + "\n"
        for folder in Set(stylesheets.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            text += folder + "\n" + Self.folderDigest(folder) + "\n"
        }
        return SiteSwitch.digest(Array(text.utf8))
    }

    /// The key of the collection document (`xml/releases.xml`).
    var collectionDocument: String { SiteSwitch.digest(Array("\(base)\ncollection-document\n\(collection)".utf8)) }

    /// The key of each output: a digest of its shared parameters' key (``base``, the stylesheet
    /// and ``SiteBuilder/TransformParameters/keyText``, digested once per
    /// ``SiteBuilder/SharedParameters``), the document it reads (release `release`, an index into
    /// the published releases, or the collection) and its path. Thousands of outputs share a few
    /// parameter objects, so each output's key digests a short text.
    func keys(of outputs: [SiteBuilder.PlannedOutput]) -> [String] {
        var groupKeys: [ObjectIdentifier: String] = [:]
        var viewKeys: [SiteBuilder.CollectionView: String] = [.full: collection]
        for output in outputs {
            let group = ObjectIdentifier(output.shared)
            if groupKeys[group] == nil {
                let text = base + "\n" + output.stylesheet.path + "\n" + output.shared.parameters.keyText
                groupKeys[group] = SiteSwitch.digest(Array(text.utf8))
            }
            if output.release == nil, viewKeys[output.view] == nil {
                viewKeys[output.view] = viewKey(output.view)
            }
        }
        // Thousands of outputs: digested on every core, a run of them at a time, each key's text
        // made in one buffer per run.
        let (groups, views) = (groupKeys, viewKeys)
        let runs = Parallel.map(Array(stride(from: 0, to: outputs.count, by: 512))) { start -> [String] in
            var text: [UInt8] = []
            return outputs[start..<min(outputs.count, start + 512)].map { output in
                text.removeAll(keepingCapacity: true)
                text += (groups[ObjectIdentifier(output.shared)] ?? "").utf8
                if let release = output.release {
                    text += " release ".utf8
                    text += releases[release].utf8
                } else {
                    text += " collection ".utf8
                    text += (views[output.view] ?? collection).utf8
                }
                text.append(UInt8(ascii: " "))
                text += output.path.utf8
                return SiteSwitch.digest(text)
            }
        }
        return runs.flatMap { $0 }
    }

    /// The digest of what the document of `view` holds: its name, the archive list and the
    /// digests of its releases (of their summaries for a summary view), in order.
    private func viewKey(_ view: SiteBuilder.CollectionView) -> String {
        var text = view.name + "\n" + archive
        let digests = view.summary ? summaries : releases
        for index in view.indices(facts) { text += digests[index] + "\n" }
        return SiteSwitch.digest(Array(text.utf8))
    }

    /// A digest of the fields a release's summary entry is made of (``CanonicalXML``'s `append`
    /// with `summary`: id, status, dateline, approval, source, languages and titles), read from
    /// the fields rather than from the entry's XML: a build digests every published release's.
    /// A field added to the summary entry must be added here.
    static func summaryDigest(_ release: PressRelease) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        // Each field tagged (absent or present) and length-prefixed, so that no two different
        // releases' fields run together into the same bytes.
        func add(_ field: UnsafeBufferPointer<UInt8>) {
            bytes.append(1)
            withUnsafeBytes(of: UInt32(field.count).littleEndian) { bytes += $0 }
            bytes += field
        }
        func add(_ field: String?) {
            guard var field else { return bytes.append(0) }
            field.withUTF8 { add($0) }
        }
        add(release.id)
        add(release.status.rawValue)
        add(release.dateline.place)
        // `year-month-day` without padding, as "\(year)-\(month)-\(day)" writes it (made as a
        // string, it was half of this function's time).
        if let date = release.dateline.date {
            var text: [UInt8] = []
            text.appendDecimal(date.year)
            text.append(UInt8(ascii: "-"))
            text.appendDecimal(date.month)
            text.append(UInt8(ascii: "-"))
            text.appendDecimal(date.day)
            text.withUnsafeBufferPointer { add($0) }
        } else {
            bytes.append(0)
        }
        add(release.dateline.dateInferred ? "inferred" : nil)
        add(release.provenance.approvedBy)
        add(release.provenance.approvedAt)
        add(release.provenance.overrideReason)
        add(release.provenance.source)
        for language in Self.languages {
            guard let text = release.texts[language] else { continue }
            add(language.code)
            add(text.title)
        }
        return ContentDigest.hex(bytes)
    }

    /// The languages in ``PressRelease/languages`` order.
    private static let languages = Language.allCases.sorted()

    /// A digest of every regular file below `folder` (relative paths and bytes), sorted by path;
    /// unreadable files count by name only, so a change to them is still seen when they reappear.
    static func folderDigest(_ folder: String) -> String {
        var text = ""
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = FileManager.default.contents(atPath: folder + "/" + path).map { Array($0) }
            text += path + " " + (bytes.map(SiteSwitch.digest) ?? "unreadable") + "\n"
        }
        return SiteSwitch.digest(Array(text.utf8))
    }
}
