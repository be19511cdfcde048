import Foundation

/// The releases of the previous build as they left the first per-release stage, with the `stat`
/// signature of their files and the stage's fingerprint. A rebuild takes every release whose
/// files and stage are unchanged straight from here, without reading, parsing or processing its
/// bundle: what makes changing one release of thousands cost a few percent of a full build.
///
/// Entries are keyed by release id in the bucket files of a ``BucketStore``
/// (`snapshot/bucket-XX.pack` in the cache folder), written by ``finish()`` atomically and only
/// for the buckets whose entries changed, so an incremental build rewrites one bucket and a build
/// killed half-way leaves the previous snapshot. A release the previous build failed on has no
/// entry.
public final class BuildSnapshot: Sendable {
    public let directory: String
    private let store: BucketStore

    public init(directory: String) {
        self.directory = directory
        self.store = BucketStore(directory: directory, bucketCount: 32)
    }

    static let magic: [UInt8] = Array("ura-snapshot-4\n".utf8)

    /// The release `id` and its ``ReleaseBinary/digest(_:)``, if its files still have
    /// `signature` and the stage is `fingerprint`.
    public func release(_ id: String, signature: String, fingerprint: String) -> (release: PressRelease, digest: String)? {
        guard let bytes = store.get(id), bytes.starts(with: Self.magic) else { return nil }
        var reader = ReleaseBinary.Reader(bytes: bytes, position: bytes.startIndex + Self.magic.count)
        guard reader.string() == signature, reader.string() == fingerprint, let digest = reader.string(),
              let release = ReleaseBinary.decode(bytes[reader.position...]) else { return nil }
        return (release, digest)
    }

    /// Whether ``release(_:signature:fingerprint:)`` may serve release `id`: its entry is there,
    /// for files with `signature` and the stage `fingerprint` (told without decoding it).
    public func serves(_ id: String, signature: String, fingerprint: String) -> Bool {
        guard let bytes = store.get(id), bytes.starts(with: Self.magic) else { return false }
        var reader = ReleaseBinary.Reader(bytes: bytes, position: bytes.startIndex + Self.magic.count)
        return reader.string() == signature && reader.string() == fingerprint
    }

    /// Reads every entry now, on every core (a build is about to ask for every release).
    public func preload() {
        store.preload()
    }

    /// Records `release` as processed by the stage `fingerprint` from files with `signature`;
    /// `encoding` and `digest` are its ``ReleaseBinary`` encoding and digest when the caller has
    /// them.
    public func record(_ release: PressRelease, signature: String, fingerprint: String, encoding known: [UInt8]? = nil,
                       digest: String? = nil) {
        let encoding = known ?? ReleaseBinary.encode(release)
        var writer = ReleaseBinary.Writer()
        writer.bytes = Self.magic
        writer.string(signature)
        writer.string(fingerprint)
        writer.string(digest ?? ContentDigest.hex(encoding))
        writer.bytes += encoding
        store.put(release.id, writer.bytes)
    }

    /// Removes the entries of releases not in `ids` (deleted or failed releases).
    public func prune(keeping ids: Set<String>) {
        store.removeAll { ids.contains($0) }
    }

    /// Writes what changed.
    public func finish() throws(UraError) {
        try store.flush()
    }
}
