import Foundation
import UraCore

/// Hunspell's stems of word forms, from a file of the stems looked up in earlier builds when there
/// is one, else from the dictionary, which is opened only for the first form the file does not
/// know: opening Debian's two dictionaries costs about a tenth of a second, more than checking the
/// one release an incremental build re-checks.
///
/// The file (``StemFiles``) is tied to the dictionary's files by size and modification time, so
/// an updated dictionary starts a new one.
final class StemSource: @unchecked Sendable {
    let name: String
    private let directory: String
    /// nil until opened; then the dictionary, or nil inside when it would not open.
    private var dictionary: Hunspell??
    private var known: [String: [String]]
    private var added: [String: [String]] = [:]
    private let lock = NSLock()

    /// The dictionary `name` in `directory`, its stems kept in `files`; nil when its files are
    /// not there.
    init?(name: String, directory: String = Hunspell.directory, files: StemFiles = .shared) {
        guard let identity = Self.identity(name: name, directory: directory) else { return nil }
        self.name = name
        self.directory = directory
        self.known = files.load(name: name, identity: identity)
        files.register(self, identity: identity)
    }

    /// Whether the dictionary itself was opened (a form was not in the stem file).
    var openedDictionary: Bool { lock.withLock { dictionary != nil } }

    /// The stems Hunspell gives for `word` (lowercase), in the order it gives them.
    func stems(_ word: String) -> [String] {
        lock.withLock {
            if let stems = known[word] ?? added[word] { return stems }
            if dictionary == nil { dictionary = .some(Hunspell(name: name, directory: directory)) }
            let stems = dictionary??.stems(word) ?? []
            added[word] = stems
            return stems
        }
    }

    /// Every form and its stems, when some were looked up in the dictionary since loading.
    var entriesIfChanged: [String: [String]]? {
        lock.withLock { added.isEmpty ? nil : known.merging(added) { old, _ in old } }
    }

    /// The dictionary files' sizes and modification times; nil when either is missing.
    private static func identity(name: String, directory: String) -> String? {
        var parts = [name]
        for suffix in [".aff", ".dic"] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name + suffix),
                  let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date else { return nil }
            parts.append("\(size) \(Int(date.timeIntervalSince1970 * 1000))")
        }
        return parts.joined(separator: " ")
    }
}

/// Where the stem sources keep their files between builds: set by ``use(directory:)`` (`ura build`
/// uses its cache folder) before the first check, written by ``save()``. Without a folder nothing
/// is kept.
public final class StemFiles: @unchecked Sendable {
    /// The one set of stem files of this process.
    public static let shared = StemFiles()

    init() {}

    private var directory: String?
    private var sources: [(source: StemSource, identity: String)] = []
    private let lock = NSLock()

    static let header = "ura-stems-1"

    /// Keeps stems in `directory` from now on (for dictionaries not opened yet).
    public func use(directory: String) {
        lock.withLock { self.directory = directory }
    }

    /// Writes the stems of every dictionary that looked up new forms, each file atomically.
    public func save() throws(UraError) {
        let (directory, sources) = lock.withLock { (self.directory, self.sources) }
        guard let directory else { return }
        for (source, identity) in sources {
            guard let entries = source.entriesIfChanged else { continue }
            var text = Self.header + "\t" + identity + "\n"
            for word in entries.keys.sorted() { text += ([word] + (entries[word] ?? [])).joined(separator: "\t") + "\n" }
            try AtomicFile.write(text, to: path(directory, source.name))
        }
    }

    func register(_ source: StemSource, identity: String) {
        lock.withLock { sources.append((source, identity)) }
    }

    /// The stems kept for dictionary `name` with `identity`; empty when there are none (or they
    /// were kept for another version of the dictionary).
    func load(name: String, identity: String) -> [String: [String]] {
        guard let directory = lock.withLock({ self.directory }),
              let text = try? String(contentsOfFile: path(directory, name), encoding: .utf8) else { return [:] }
        // Cut on the UTF-8 bytes (line feeds and tabs are never part of another character):
        // splitting the text by Character walked every grapheme of the file, most of the time an
        // incremental build spends checking its one release.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.first, first.elementsEqual((Self.header + "\t" + identity).utf8) else { return [:] }
        lines = lines.dropFirst()
        var entries: [String: [String]] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }
            if let word = fields.first, !word.isEmpty { entries[word] = Array(fields.dropFirst()) }
        }
        return entries
    }

    private func path(_ directory: String, _ name: String) -> String { directory + "/" + name + ".stems" }
}
