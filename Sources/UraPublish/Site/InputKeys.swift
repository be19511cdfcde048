import Foundation
import UraCore
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
/// Equal keys mean equal bytes, so a publish can take a file with an unchanged key from the
/// previous generation instead of making it.
///
/// What the key cannot see: a stylesheet importing a file outside its folder. Bump ``version``
/// whenever the canonical XML or the transforms' environment changes in code.
struct InputKeys: Sendable {
    /// Bumped when ``CanonicalXML``, ``InlineMarkdown`` or the way transforms run changes.
    static let version = "ura-publish-inputs 2"

    /// The digest of the version, libraries and stylesheet files, shared by every key.
    let base: String
    /// ``SiteSwitch/digest(_:)`` of each published release's encoding, in publish order.
    let releases: [String]
    /// The digest of all of `releases`, in order: what the full collection depends on.
    let collection: String
    /// The published releases' ``CanonicalXML/Archive/xml``: part of every collection view.
    let archive: String

    /// Keys for `published` (in ``SiteBuilder/published(_:)`` order, with its `archive` element)
    /// with the stylesheets at `stylesheets` (their folders are digested whole); `digests` may
    /// hold releases' ``ReleaseBinary/digest(_:)`` by id, the same value this computes for the
    /// others.
    init(_ published: [PressRelease], archive: String, stylesheets: [String], digests: [String: String] = [:]) {
        var text = Self.version + "\n" + Stylesheet.libraryVersions + "\n"
        for folder in Set(stylesheets.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            text += folder + "\n" + Self.folderDigest(folder) + "\n"
        }
        base = SiteSwitch.digest(Array(text.utf8))
        releases = Parallel.map(published) { digests[$0.id] ?? ReleaseBinary.digest($0) }
        collection = SiteSwitch.digest(Array(releases.joined(separator: "\n").utf8))
        self.archive = archive
    }

    /// The key of the collection document (`xml/releases.xml`).
    var collectionDocument: String { SiteSwitch.digest(Array("\(base)\ncollection-document\n\(collection)".utf8)) }

    /// The key of each output: a digest of its shared parameters' key (``base``, the stylesheet
    /// and ``SiteBuilder/TransformParameters/keyText``, digested once per
    /// ``SiteBuilder/SharedParameters``), the document it reads (release `release`, an index into
    /// the published releases, or the collection) and its path. Thousands of outputs share a few
    /// parameter objects, so each output's key digests a short text.
    func keys(of outputs: [SiteBuilder.PlannedOutput], published: [PressRelease]) -> [String] {
        var groupKeys: [ObjectIdentifier: String] = [:]
        var viewKeys: [SiteBuilder.CollectionView: String] = [.full: collection]
        for output in outputs {
            let group = ObjectIdentifier(output.shared)
            if groupKeys[group] == nil {
                let text = base + "\n" + output.stylesheet.path + "\n" + output.shared.parameters.keyText
                groupKeys[group] = SiteSwitch.digest(Array(text.utf8))
            }
            if output.release == nil, viewKeys[output.view] == nil {
                viewKeys[output.view] = viewKey(output.view, published: published)
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
    /// digests of its releases, in order.
    private func viewKey(_ view: SiteBuilder.CollectionView, published: [PressRelease]) -> String {
        var text = view.name + "\n" + archive
        for index in view.indices(published) { text += releases[index] + "\n" }
        return SiteSwitch.digest(Array(text.utf8))
    }

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
