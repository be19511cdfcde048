import Foundation
import UraCore
import UraXML

/// The input keys of a build's files: what each file is made from, digested without making it.
///
/// A per-release output's key covers the release (its ``ReleaseBinary`` encoding, a superset of
/// what its canonical XML holds), every file of the stylesheet folders (imports included), the
/// stylesheet, the transform's parameters (language, view, base URL, site title, build date,
/// output path), ``version`` and the libxml2/libxslt versions. A collection output's key covers
/// every published release in order instead of one. Equal keys mean equal bytes, so a publish
/// can take a file with an unchanged key from the previous generation instead of making it.
///
/// What the key cannot see: a stylesheet importing a file outside its folder. Bump ``version``
/// whenever the canonical XML or the transforms' environment changes in code.
struct InputKeys: Sendable {
    /// Bumped when ``CanonicalXML``, ``InlineMarkdown`` or the way transforms run changes.
    static let version = "ura-publish-inputs 1"

    /// The digest of the version, libraries and stylesheet files, shared by every key.
    let base: String
    /// ``SiteSwitch/digest(_:)`` of each published release's encoding, in publish order.
    let releases: [String]
    /// The digest of all of `releases`, in order: what collection outputs depend on.
    let collection: String

    /// Keys for `published` (in ``SiteBuilder/published(_:)`` order) with the stylesheets at
    /// `stylesheets` (their folders are digested whole).
    init(_ published: [PressRelease], stylesheets: [String]) {
        var text = Self.version + "\n" + Stylesheet.libraryVersions + "\n"
        for folder in Set(stylesheets.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            text += folder + "\n" + Self.folderDigest(folder) + "\n"
        }
        base = SiteSwitch.digest(Array(text.utf8))
        releases = Parallel.map(published) { SiteSwitch.digest(ReleaseBinary.encode($0)) }
        collection = SiteSwitch.digest(Array(releases.joined(separator: "\n").utf8))
    }

    /// The key of the collection document (`xml/releases.xml`).
    var collectionDocument: String { SiteSwitch.digest(Array("\(base)\ncollection-document\n\(collection)".utf8)) }

    /// The key of a transform of `stylesheet` over release `release` (an index into the published
    /// releases) or, for nil, over the collection, with its parameters as `name=value` pairs, each
    /// ended by a NUL, in name order (``SiteBuilder/TransformParameters/keyText``).
    func key(release: Int?, stylesheet: String, parameterText: String) -> String {
        let text = base + "\n" + (release.map { "release " + releases[$0] } ?? "collection " + collection) + "\n" + stylesheet + "\n"
            + parameterText
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
