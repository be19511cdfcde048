import Foundation

/// The names in a folder, read with `readdir(3)`: a build lists folders of thousands of entries
/// (the corpus, the review folder), where `FileManager.contentsOfDirectory` cost about a
/// microsecond and a half a name.
public enum DirectoryNames {
    /// The names of the entries of `folder` but `.` and `..`, in the file system's order, or nil
    /// when it cannot be opened (`errno` tells why). Names that are not UTF-8 have their bad
    /// bytes replaced (U+FFFD), as `String(decoding:as:)` does.
    public static func read(_ folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
