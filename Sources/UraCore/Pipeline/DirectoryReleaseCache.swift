import Foundation

/// A ``ReleaseCache`` in a folder (`.ura-cache/releases` by default): entries in the compact
/// ``ReleaseBinary`` form, keyed by a digest of the entry's content key and the salt, kept in
/// the bucket files of a ``BucketStore`` (written by ``finish()``, atomically, so a build killed
/// half-way leaves the previous cache). An entry can never be read for the wrong input: the key
/// covers the release's whole content and the stage's fingerprint.
///
/// A bucket keeps, besides the entries a build used, at most three times as many unused ones
/// (and at least 64), the least recently used going first.
public final class DirectoryReleaseCache: ReleaseCache {
    public let directory: String
    /// Mixed into every key: the Ura and ICU versions, so an upgrade never reuses old results.
    public let salt: String
    private let store: BucketStore

    /// A cache in `directory`.
    public init(directory: String, salt: String) {
        self.directory = directory
        self.salt = salt
        self.store = BucketStore(directory: directory + "/releases", evictsUnused: true)
    }

    private func storeKey(_ key: String) -> String {
        SHA256.hex(Array((salt + "\u{1F}" + key).utf8))
    }

    public func lookup(_ key: String) -> PressRelease? {
        store.get(storeKey(key)).flatMap { ReleaseBinary.decode($0) }
    }

    public func store(_ release: PressRelease, key: String) {
        store(release, encoding: ReleaseBinary.encode(release), key: key)
    }

    public func lookupWithDigest(_ key: String) -> (release: PressRelease, digest: String)? {
        guard let bytes = store.get(storeKey(key)), let release = ReleaseBinary.decode(bytes) else { return nil }
        return (release, ContentDigest.hex(bytes))
    }

    public func store(_ release: PressRelease, encoding: [UInt8], key: String) {
        store.put(storeKey(key), encoding)
    }

    public func finish() throws(UraError) {
        try store.flush()
    }
}
