import Foundation

/// A ``ReleaseCache`` in a folder (`.ura-cache/` by default): one file per entry (the compact
/// ``ReleaseBinary`` form), named by
/// the entry's content key and written atomically, so a build killed half-way leaves only whole
/// entries, and an entry can never be read for the wrong input.
public struct DirectoryReleaseCache: ReleaseCache {
    public let directory: String
    /// Mixed into every key: the Ura and ICU versions, so an upgrade never reuses old results.
    public let salt: String

    public init(directory: String, salt: String) {
        self.directory = directory
        self.salt = salt
    }

    private func path(_ key: String) -> String {
        let salted = SHA256.hex(Array((salt + "\u{1F}" + key).utf8))
        return directory + "/releases/" + salted.prefix(2) + "/" + salted + ".bin"
    }

    public func lookup(_ key: String) -> PressRelease? {
        guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        return ReleaseBinary.decode([UInt8](data))
    }

    public func store(_ release: PressRelease, key: String) {
        try? AtomicFile.write(bytes: ReleaseBinary.encode(release), to: path(key))
    }
}
