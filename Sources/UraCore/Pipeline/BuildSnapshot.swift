import Foundation

/// The releases of the previous build as they left the first per-release stage, with the `stat`
/// signature of their files and the stage's fingerprint. A rebuild takes every release whose
/// files and stage are unchanged straight from here, without reading, parsing or processing its
/// bundle: what makes changing one release of thousands cost a few percent of a full build.
///
/// One small file per release (`snapshot/<id>.bin` in the cache folder), written atomically and
/// only when its entry changed, so an incremental build rewrites one file, and a build killed
/// half-way leaves every entry whole. A release the previous build failed on has no entry.
public struct BuildSnapshot: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    static let magic: [UInt8] = Array("ura-snapshot-2\n".utf8)

    private func path(_ id: String) -> String { directory + "/" + id + ".bin" }

    /// The release `id` if its files still have `signature` and the stage is `fingerprint`.
    public func release(_ id: String, signature: String, fingerprint: String) -> PressRelease? {
        guard let data = FileManager.default.contents(atPath: path(id)) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = ReleaseBinary.Reader(bytes: bytes, position: Self.magic.count)
        guard reader.string() == signature, reader.string() == fingerprint else { return nil }
        return ReleaseBinary.decode(Array(bytes[reader.position...]))
    }

    /// Records `release` as processed by the stage `fingerprint` from files with `signature`.
    public func record(_ release: PressRelease, signature: String, fingerprint: String) throws(UraError) {
        var writer = ReleaseBinary.Writer()
        writer.bytes = Self.magic
        writer.string(signature)
        writer.string(fingerprint)
        writer.bytes += ReleaseBinary.encode(release)
        try AtomicFile.write(bytes: writer.bytes, to: path(release.id))
    }

    /// Removes the entries of releases not in `ids` (deleted or failed releases).
    public func prune(keeping ids: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".bin") && !ids.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
