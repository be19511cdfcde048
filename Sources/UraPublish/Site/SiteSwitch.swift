import Foundation
import UraCore

/// Puts a built site in place so that readers see the old site or the new one, never a mix.
///
/// The site folder `public` is a symbolic link to a generation folder beside it,
/// `.public.<fingerprint>` (a digest of its manifest). A publish writes every file into a fresh, private staging folder,
/// runs the finishing work there (PDF
/// rendering), renames the staging folder to its generation name, and only then replaces the
/// link with `rename(2)`, which is atomic. A failure at any point before the switch removes the
/// staging folder and leaves the published site exactly as it was. The previous generation is
/// kept until the next publish, so a reader that resolved the old link a moment ago can finish;
/// older ones are deleted.
///
/// Why a link rather than renaming folders: a folder cannot be replaced atomically by another
/// (rename fails on a non-empty target), a link can. Web servers follow it (nginx and Apache do
/// by default).
public enum SiteSwitch {
    /// Writes `files` as the new site at `output`, after `finish` succeeds on the staging folder.
    ///
    /// Fast paths, both exact: when a generation with the same fingerprint (paths, bytes and input
    /// keys of every file, plus `variant`, e.g. "with PDFs") already exists, the link is pointed at it and
    /// nothing is written; otherwise a file whose bytes equal the previous generation's file at the
    /// same path (by the digests in its manifest) is hard-linked from it instead of written, and
    /// `finish` is told which paths were linked (or kept) so it can reuse their derived files
    /// (PDFs): with `keepsDerivedFiles`; without, it makes none and is told none.
    /// Inside the private staging folder files are written directly: the folder as a whole is
    /// what is switched atomically.
    ///
    /// The staging folder is, when there is one, the generation before the current one, taken out
    /// of the way by a rename and brought up to date in place: only the files whose bytes differ
    /// from its manifest's are replaced (a new file renamed over the old name, never written into:
    /// generations share files by hard links) and the files the new site lacks removed. Between
    /// two publishes few files change, so a rebuild touches a handful of files instead of linking
    /// thousands; the site it makes is the same as in a new folder.
    /// - Parameters:
    ///   - currentManifest: ``current(_:)`` of `output`, when the caller has it (saves reading
    ///     the manifest again).
    ///   - baseGeneration: ``baseGeneration(of:)`` of `output`, when the caller read it ahead (it
    ///     is used only if that generation and its manifest are still the ones it read).
    ///   - derivedSuffixes: the files `finish` makes from a site file, by suffix (`[".fo": ".pdf"]`:
    ///     `print/x.pdf` from `print/x.fo`), which an updated generation must drop when that
    ///     file changes.
    ///   - keepsDerivedFiles: whether `finish` makes them in this publish (else every one goes).
    ///     A generation records its `variant` in its manifest, and derived files are looked for
    ///     only in a generation made with one (`finish` makes them only then).
    ///   - retiring: where large files replaced in the updated generation are let go of (see
    ///     ``retire(_:in:)``), for the caller to wait on before the process ends; nil: waited
    ///     for here.
    /// - Returns: the generation folder the link now points to.
    /// - Throws: ``UraError``; the published site is then unchanged.
    @discardableResult
    public static func publish(_ files: [SiteFile], to output: String, variant: String = "",
                               currentManifest: Generation? = nil,
                               baseGeneration: BaseGeneration? = nil,
                               derivedSuffixes: [String: String] = [:], keepsDerivedFiles: Bool = false,
                               retiring: DispatchGroup? = nil,
                               finish: (_ staging: String, _ linked: Set<String>, _ previous: String?) throws(UraError) -> Void
                                   = { _, _, _ throws(UraError) in }) throws(UraError) -> String {
        var trace = PhaseTrace()
        let retired = retiring ?? DispatchGroup()
        defer { if retiring == nil { retired.wait() } }
        let (link, parent, name) = location(of: output)
        let manager = FileManager.default
        try checkReplaceable(link)
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw UraError(.input, "cannot create the folder: \(error.localizedDescription)", file: parent)
        }
        let digests = Parallel.map(files) { $0.reused?.digest ?? $0.digest ?? ContentDigest.hex(parts: $0.parts) }
        let paths = files.map(\.path)
        // The manifest, made once: its digest names the generation.
        let manifest = manifestText(files, paths: paths, digests, variant: variant)
        let generation = ".\(name).\(String(digest(manifest).prefix(16)))"
        let generationPath = parent + "/" + generation
        let previous = try? manager.destinationOfSymbolicLink(atPath: link)
        let previousPath = previous.map { $0.hasPrefix("/") ? $0 : parent + "/" + $0 }
        trace.mark("switch.fingerprint")

        // A generation folder only ever appears complete (renamed in at the end), so its presence
        // means this exact site is already built.
        if !manager.fileExists(atPath: generationPath) {
            let staging = "\(parent)/.\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
            // The generation to update in place, moved out of the way first: from here on nothing
            // can take it for a complete generation (its manifest goes too).
            var base: Manifest?
            // Whether the generation updated in place may hold files `finish` made (PDFs): not
            // when its manifest says it was published without them.
            var baseMayHaveDerivedFiles = true
            if let reusable = reusableGeneration(in: parent, name: name, current: previous) {
                let manifest = baseGeneration.flatMap { $0.manifest(ifStillAt: reusable) }
                    ?? readManifest(reusable + manifestSuffix)
                if !manifest.isEmpty, rename(reusable, staging) == 0 {
                    unlink(reusable + manifestSuffix)
                    base = manifest
                    baseMayHaveDerivedFiles = manifest.variant != ""
                }
            }
            trace.mark("switch.base")
            if base == nil {
                do {
                    try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
                } catch {
                    throw UraError(.input, "cannot create the staging folder: \(error.localizedDescription)", file: staging)
                }
            }
            do throws(UraError) {
                let oldManifest: Manifest
                if let previousPath {
                    oldManifest = currentManifest?.folder == previousPath ? currentManifest?.manifest ?? Manifest()
                        : readManifest(previousPath + manifestSuffix)
                } else {
                    oldManifest = Manifest()
                }
                let old = oldManifest.lookup()
                let updating = base != nil
                // What the updated generation holds at each file's path (by the manifest's digest).
                let baseEntries = base.map { entries(at: paths, in: $0) } ?? []
                // Files are written folder by folder, the folders on every core: creating files is
                // the kernel's work, and two threads creating files in one folder mostly wait for
                // each other on its lock (measured: system time ×4 on ext4), in different folders not.
                let byFolder = groupedByFolder(paths)
                for folder in byFolder.keys where !folder.isEmpty {
                    do {
                        try manager.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
                    } catch {
                        throw UraError(.input, "cannot create a folder: \(error.localizedDescription)", file: staging + "/" + folder)
                    }
                }
                // The costliest folders first (bytes to write, and a link or a look-up per file):
                // the collection document's 10 MB alone in `xml/`, last in name order, was the tail
                // of an incremental build's placing, one core writing it while the other waited.
                func cost(_ group: [Int]) -> Int {
                    group.reduce(0) { total, index in
                        total + 4096 + (files[index].reused == nil ? files[index].parts.reduce(0) { $0 + $1.count } : 0)
                    }
                }
                let groups = byFolder.keys.sorted().compactMap { byFolder[$0] }
                    .map { (group: $0, cost: cost($0)) }.sorted { $0.cost > $1.cost }.map(\.group)
                trace.mark("switch.folders")
                let groupPlacements = try Parallel.map(groups) { group throws(UraError) -> [Placement] in
                    var placements: [Placement] = []
                    placements.reserveCapacity(group.count)
                    for index in group {
                        // Most files of an updated generation are kept: told apart before anything is copied.
                        if updating, baseEntries[index]?.digest == digests[index] {
                            placements.append(.kept)
                            continue
                        }
                        let file = files[index]
                        let target = staging + "/" + file.path
                        if let reused = file.reused {
                            try linkReused(file.path, from: reused, to: staging, replacing: updating)
                            placements.append(.linked)
                        } else if let previousPath, old(file.path)?.digest == digests[index],
                                  hardLink(previousPath + "/" + file.path, target, replacing: updating) {
                            placements.append(.linked)
                        } else {
                            let old = updating ? retainIfLarge(target, replacedBy: file) : nil
                            defer { if let old { retire(old, in: retired) } }
                            try AtomicFile.write(parts: file.parts, to: target, staged: !updating)
                            placements.append(.written)
                        }
                    }
                    return placements
                }
                trace.mark("switch.place")
                var placements = [Placement](repeating: .written, count: files.count)
                for (group, placed) in zip(groups, groupPlacements) { for (index, placement) in zip(group, placed) { placements[index] = placement } }
                if let base {
                    // What the new site no longer has (nothing, when it has as many files, all in
                    // the base), and files made from ones that changed.
                    let allInBase = files.count == base.paths.count && !baseEntries.contains(nil)
                    for path in allInBase ? [] : Set(base.paths).subtracting(paths) { unlink(staging + "/" + path) }
                    if baseMayHaveDerivedFiles {
                        let kept = keepsDerivedFiles ? Set(zip(files, placements).filter { $0.1 == .kept }.map(\.0.path)) : []
                        for path in base.paths where !kept.contains(path) {
                            for (suffix, derived) in derivedSuffixes where path.hasSuffix(suffix) {
                                unlink(staging + "/" + path.dropLast(suffix.count) + derived)
                            }
                        }
                    }
                }
                trace.mark("switch.removed")
                // Which files `finish` can take its derived files for from before: only asked for
                // when it makes them.
                let linked = keepsDerivedFiles ? Set(zip(files, placements).filter { $0.1 != .written }.map(\.0.path)) : []
                try finish(staging, linked, previousPath)
                trace.mark("switch.finish")
                try AtomicFile.write(bytes: manifest, to: generationPath + manifestSuffix)
                trace.mark("switch.manifest")
                if rename(staging, generationPath) != 0 {
                    throw UraError(.input, "cannot move the staging folder into place: \(String(cString: strerror(errno)))", file: generationPath)
                }
            } catch {
                try? manager.removeItem(atPath: staging)
                throw error
            }
        }
        if previous != generation {
            let temporaryLink = "\(parent)/.\(name).link-\(ProcessInfo.processInfo.processIdentifier)"
            try? manager.removeItem(atPath: temporaryLink)
            guard symlink(generation, temporaryLink) == 0 else {
                throw UraError(.input, "cannot create the site link: \(String(cString: strerror(errno)))", file: temporaryLink)
            }
            guard rename(temporaryLink, link) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporaryLink)
                throw UraError(.input, "cannot switch the site link: \(reason)", file: link)
            }
        }
        trace.mark("switch.link")
        removeOldGenerations(in: parent, name: name, keeping: [generation, previous].compactMap { $0 })
        trace.mark("switch.removeOld")
        return generationPath
    }

    /// Beside each generation folder, the file listing `digest input-key path` for every file Ura
    /// wrote there, so the next publish can link unchanged files instead of writing them, and
    /// skip the transforms whose inputs are unchanged (see ``SiteFile/inputKey``).
    static let manifestSuffix = ".manifest"

    /// The first line of a manifest with input keys; older manifests (`digest path` lines) have
    /// none and are read without keys.
    static let manifestHeader = "#ura-site-manifest 2\n"

    /// The second line of a manifest: the generation's variant (`-` for none), so the next
    /// publish knows whether the generation it updates has files `finish` made (PDFs).
    static let variantPrefix = "#variant "

    /// A generation's manifest: the header, the variant, and `digest input-key path` per file,
    /// sorted by path. Its digest is the generation's name (``publish(_:to:variant:currentManifest:baseGeneration:derivedSuffixes:keepsDerivedFiles:finish:)``):
    /// the same files (paths, bytes, input keys) and variant, the same generation. `paths` are the
    /// files' paths.
    private static func manifestText(_ files: [SiteFile], paths: [String], _ digests: [String], variant: String) -> [UInt8] {
        var text = Array((manifestHeader + variantPrefix + (variant.isEmpty ? "-" : variant) + "\n").utf8)
        text.reserveCapacity(files.count * 120)
        // Files come sorted from ``SiteBuilder``; others (tests, callers of their own) are sorted here.
        let sorted = paths.indices.dropFirst().allSatisfy { !OutputPath.precedes(paths[$0], paths[$0 - 1]) }
        for index in sorted ? Array(files.indices) : files.indices.sorted(by: { OutputPath.precedes(paths[$0], paths[$1]) }) {
            text += digests[index].utf8
            text.append(UInt8(ascii: " "))
            text += (files[index].inputKey ?? "-").utf8
            text.append(UInt8(ascii: " "))
            text += paths[index].utf8
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }

    /// The generation a publish will update in place (see ``publish(_:to:variant:currentManifest:baseGeneration:derivedSuffixes:keepsDerivedFiles:finish:)``)
    /// and its manifest, read ahead: a build reads it while it loads the corpus, instead of
    /// after it has built the new site.
    public struct BaseGeneration: Sendable {
        let path: String
        let manifest: Manifest
        /// The manifest's `stat` when it was read (inode, size, modification time).
        let identity: [Int]

        /// The manifest read ahead, if `path` is still this generation and its manifest has not
        /// been replaced or changed since.
        func manifest(ifStillAt path: String) -> Manifest? {
            guard path == self.path, SiteSwitch.identity(path + SiteSwitch.manifestSuffix) == identity else { return nil }
            return manifest
        }
    }

    /// ``BaseGeneration`` of the site at `output`: nil when there is none.
    public static func baseGeneration(of output: String) -> BaseGeneration? {
        let (link, parent, name) = location(of: output)
        let current = try? FileManager.default.destinationOfSymbolicLink(atPath: link)
        guard let path = reusableGeneration(in: parent, name: name, current: current),
              let identity = identity(path + manifestSuffix) else { return nil }
        let manifest = readManifest(path + manifestSuffix)
        // Read after the manifest too: a manifest replaced while it was read is not used.
        guard self.identity(path + manifestSuffix) == identity else { return nil }
        return BaseGeneration(path: path, manifest: manifest, identity: identity)
    }

    /// A file's inode, size and modification time (nanoseconds); nil when it cannot be read.
    private static func identity(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }

    /// One file of a generation, as its manifest records it.
    public struct ManifestEntry: Sendable, Equatable {
        /// ``digest(_:)`` of the file's bytes.
        public var digest: String
        /// The key of the inputs it was made from, when known.
        public var inputKey: String?
    }

    /// A published generation: its folder and its manifest.
    public struct Generation: Sendable {
        /// The generation folder.
        public let folder: String
        /// Its manifest as read (its files also in the manifest's order, for walking beside a
        /// sorted list of paths: ``entries(at:in:)``).
        let manifest: Manifest

        /// Its files, by path (made when asked).
        public var files: [String: ManifestEntry] { manifest.files }

        /// The manifest's entry for the file at `path`, if it has one.
        public func entry(at path: String) -> ManifestEntry? { manifest.entry(at: path) }
    }

    /// The generation the site link at `output` points to, and its manifest; nil when there is
    /// none (first publish) or its manifest is missing.
    public static func current(_ output: String) -> Generation? {
        let (link, parent, _) = location(of: output)
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return nil }
        let folder = target.hasPrefix("/") ? target : parent + "/" + target
        let manifest = readManifest(folder + manifestSuffix)
        return manifest.isEmpty ? nil : Generation(folder: folder, manifest: manifest)
    }

    /// How a file got into the staging folder.
    private enum Placement: Sendable {
        /// Already there with these bytes (a generation updated in place).
        case kept
        /// Hard-linked from the previous generation.
        case linked
        /// Written.
        case written
    }

    /// Hard-links a reused file from its generation; when that fails (the generation was removed
    /// meanwhile), copies it after checking its bytes still have the recorded digest. `replacing`:
    /// a file may already be at the path (a generation updated in place), and is replaced.
    private static func linkReused(_ path: String, from reused: SiteFile.Reused, to staging: String,
                                   replacing: Bool) throws(UraError) {
        let source = reused.folder + "/" + path
        if hardLink(source, staging + "/" + path, replacing: replacing) { return }
        guard let data = FileManager.default.contents(atPath: source), digest(Array(data)) == reused.digest else {
            throw UraError(.input, "the previous site changed while publishing; publish again", file: source)
        }
        try AtomicFile.write(bytes: Array(data), to: staging + "/" + path, staged: !replacing)
    }

    /// Links `source` at `target`; with `replacing`, over a file already there (through a
    /// temporary name and a rename, so the old file's other links keep their bytes).
    private static func hardLink(_ source: String, _ target: String, replacing: Bool) -> Bool {
        if Glibc.link(source, target) == 0 { return true }
        guard replacing, errno == EEXIST else { return false }
        let temporary = target + ".ura-link-\(getpid())"
        unlink(temporary)
        guard Glibc.link(source, temporary) == 0 else { return false }
        if rename(temporary, target) == 0 { return true }
        unlink(temporary)
        return false
    }

    /// The generation of the site `name` in `parent` to update in place: the newest complete one
    /// (with a manifest) that the link does not point to; nil when there is none.
    private static func reusableGeneration(in parent: String, name: String, current: String?) -> String? {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return nil }
        var newest: (path: String, time: Date)?
        for entry in entries where entry.hasPrefix(prefix) && entry != current {
            let suffix = entry.dropFirst(prefix.count)
            guard suffix.count == 16, suffix.allSatisfy(\.isHexDigit),
                  let time = (try? FileManager.default.attributesOfItem(atPath: parent + "/" + entry + manifestSuffix))?[.modificationDate] as? Date
            else { continue }
            if newest.map({ time > $0.time }) ?? true { newest = (parent + "/" + entry, time) }
        }
        return newest?.path
    }

    /// The path without trailing slashes (`public/` → `public`).
    static func normalized(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The site link at `output` (``normalized(_:)``), the folder it and its generations are in
    /// (`.` for a bare name), and its name (`public`).
    private static func location(of output: String) -> (link: String, parent: String, name: String) {
        let link = normalized(output)
        let parent = (link as NSString).deletingLastPathComponent
        return (link, parent.isEmpty ? "." : parent, (link as NSString).lastPathComponent)
    }

    /// Refuses to replace anything but a link Ura made (or nothing, or an empty folder, which is
    /// removed).
    private static func checkReplaceable(_ link: String) throws(UraError) {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: link) else { return }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink { return }
        if attributes[.type] as? FileAttributeType == .typeDirectory,
           (try? manager.contentsOfDirectory(atPath: link))?.isEmpty == true {
            try? manager.removeItem(atPath: link)
            return
        }
        throw UraError(.input, "is not a site link Ura made; Ura publishes by switching a symbolic link there, "
                       + "so move the existing folder or file away (or choose another --out)", file: link)
    }


    /// A generation's manifest as read: its files by path, their paths in the manifest's order
    /// (sorted by UTF-8 bytes, as ``manifestText(_:paths:_:variant:)`` writes them), and the variant
    /// it records (`""` for none; nil when it records none, as older manifests do).
    struct Manifest: Sendable {
        /// Every line's path and entry, in the manifest's order.
        var paths: [String] = []
        var entries: [ManifestEntry] = []
        var variant: String?
        /// Whether `paths` are strictly in ``OutputPath/precedes(_:_:)`` order, as the manifests
        /// Ura writes are (one by hand may not be).
        var isSorted = true

        var isEmpty: Bool { paths.isEmpty }

        /// Every file by path, made when asked: a publish walks the manifest beside its sorted
        /// paths and looks up a few files, and a dictionary of thousands of paths made for every
        /// manifest read cost 2% of an incremental build.
        var files: [String: ManifestEntry] { Dictionary(zip(paths, entries), uniquingKeysWith: { _, last in last }) }

        /// The entry at `path`: a binary search when the paths are sorted, else the last line
        /// with that path (as ``files`` has it).
        func entry(at path: String) -> ManifestEntry? {
            guard isSorted else { return paths.lastIndex(of: path).map { entries[$0] } }
            var low = 0, high = paths.count
            while low < high {
                let middle = (low + high) / 2
                if OutputPath.precedes(paths[middle], path) { low = middle + 1 } else { high = middle }
            }
            return low < paths.count && paths[low] == path ? entries[low] : nil
        }

        /// ``entry(at:)`` for many look-ups: a dictionary made once when the paths are not sorted.
        func lookup() -> @Sendable (String) -> ManifestEntry? {
            if isSorted { return { [self] in entry(at: $0) } }
            let files = self.files
            return { files[$0] }
        }
    }

    /// The manifest at `path` (empty when it cannot be read). Parsed on UTF-8 bytes: a manifest
    /// has a line per site file, thousands of them, read on every publish (lines and fields found
    /// with `memchr`: scanning slices byte by byte was half of reading one).
    private static func readManifest(_ path: String) -> Manifest {
        guard let bytes = FileBytes.read(path) else { return Manifest() }
        let keyed = bytes.starts(with: manifestHeader.utf8)
        var paths: [String] = [], entries: [ManifestEntry] = []
        var variant: String?
        var isSorted = true
        paths.reserveCapacity(bytes.count / 80)
        entries.reserveCapacity(bytes.count / 80)
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        let variantBytes = Array(variantPrefix.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            var start = 0
            while start < buffer.count {
                let end = buffer.firstIndex(of: newline, in: start..<buffer.count) ?? buffer.count
                defer { start = end + 1 }
                // Comment lines, the variant's among them.
                if buffer[start] == UInt8(ascii: "#") {
                    if end - start >= variantBytes.count, memcmp(base + start, variantBytes, variantBytes.count) == 0 {
                        let name = text((start + variantBytes.count)..<end)
                        variant = name == "-" ? "" : name
                    }
                    continue
                }
                guard let first = buffer.firstIndex(of: space, in: start..<end) else { continue }
                var rest = first + 1
                var key: String?
                if keyed {
                    guard let second = buffer.firstIndex(of: space, in: rest..<end) else { continue }
                    key = second - rest == 1 && buffer[rest] == UInt8(ascii: "-") ? nil : text(rest..<second)
                    rest = second + 1
                }
                let path = text(rest..<end), entry = ManifestEntry(digest: text(start..<first), inputKey: key)
                if isSorted, let last = paths.last, !OutputPath.precedes(last, path) { isSorted = false }
                paths.append(path)
                entries.append(entry)
            }
        }
        return Manifest(paths: paths, entries: entries, variant: variant, isSorted: isSorted)
    }

    /// The entry of `manifest` at each of `paths`: the two sorted lists walked side by side when
    /// both are strictly sorted (a site's files and the manifests Ura writes always are), a
    /// look-up per path otherwise. Thousands of paths: walking compares bytes in place, where
    /// looking each up hashed it (3 ms for 8,000).
    static func entries(at paths: [String], in manifest: Manifest) -> [ManifestEntry?] {
        let sorted = { (list: [String]) in list.indices.dropFirst().allSatisfy { OutputPath.precedes(list[$0 - 1], list[$0]) } }
        guard manifest.isSorted, sorted(paths) else { return paths.map(manifest.lookup()) }
        var entries: [ManifestEntry?] = []
        entries.reserveCapacity(paths.count)
        var next = 0
        for path in paths {
            while next < manifest.paths.count, OutputPath.precedes(manifest.paths[next], path) { next += 1 }
            entries.append(next < manifest.paths.count && manifest.paths[next] == path ? manifest.entries[next] : nil)
        }
        return entries
    }

    /// The positions of `paths` grouped by folder (``OutputPath/folder(of:)``), each group in
    /// input order. A site's paths come sorted, so a folder's are one run: a look-up per run
    /// rather than per path.
    static func groupedByFolder(_ paths: [String]) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        var runFolder: String?
        var run: [Int] = []
        for index in paths.indices {
            let folder = OutputPath.folder(of: paths[index])
            if folder != runFolder {
                if let runFolder { groups[runFolder, default: []] += run }
                runFolder = folder
                run.removeAll(keepingCapacity: true)
            }
            run.append(index)
        }
        if let runFolder { groups[runFolder, default: []] += run }
        return groups
    }

    /// Files of at least this many bytes replaced in an updated generation are let go of on
    /// another thread (``retainIfLarge(_:replacedBy:)``).
    static let retiredSize = 256 * 1024

    /// The file at `path`, opened, when `file` (about to replace it) is large: a replaced file
    /// is freed when its last link goes, and for the collection document that is thousands of
    /// cached pages dropped one by one (8 ms measured for 10 MB, on the publish's critical
    /// path). Held open across the rename, it is freed when ``retire(_:in:)`` closes it.
    private static func retainIfLarge(_ path: String, replacedBy file: SiteFile) -> Int32? {
        guard file.parts.reduce(0, { $0 + $1.count }) >= retiredSize else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Closes `descriptor` (a replaced file, ``retainIfLarge(_:replacedBy:)``) on another thread,
    /// in `group`: the kernel frees the file there while the publish goes on.
    private static func retire(_ descriptor: Int32, in group: DispatchGroup) {
        DispatchQueue.global().async(group: group) { _ = close(descriptor) }
    }

    /// A 128-bit digest of `bytes` (``ContentDigest``): not cryptographic (nothing here is
    /// adversarial: Ura compares its own outputs), but fast enough to fingerprint thousands of
    /// pages on every publish.
    static func digest(_ bytes: [UInt8]) -> String { ContentDigest.hex(bytes) }

    private static func removeOldGenerations(in parent: String, name: String, keeping: [String]) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) && !keeping.contains(entry)
            && !keeping.contains(where: { entry == $0 + manifestSuffix }) {
            var suffix = entry.dropFirst(prefix.count)
            if suffix.hasSuffix(manifestSuffix) { suffix = suffix.dropLast(manifestSuffix.count) }
            // Only generation folders (16 hex digits): never another run's staging folder, nor the
            // trash ``removeStaleGenerations(of:)`` is deleting.
            guard suffix.count == 16, suffix.allSatisfy(\.isHexDigit) else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// The part of a generation's name after `.public.` once it is being deleted.
    static let trashInfix = "trash-"

    /// Takes the generations of the site at `output` that no reader can be sent to any more
    /// (every one but the current one, and the one the next publish updates in place) out of the way at once, then deletes them on a background
    /// thread while the caller builds the new site: deleting thousands of files is the kernel's
    /// work, and the second core is mostly idle during an incremental publish. Each is first
    /// renamed to a trash name (atomically), so no publish can mistake a half-deleted generation
    /// for a complete one; trash left by a killed run is deleted by the next.
    /// - Returns: a group to wait on before the process ends.
    public static func removeStaleGenerations(of output: String) -> DispatchGroup {
        let group = DispatchGroup()
        let (link, parent, name) = location(of: output)
        let prefix = ".\(name)."
        guard let current = try? FileManager.default.destinationOfSymbolicLink(atPath: link),
              let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return group }
        // The generation the next publish updates in place stays (see ``publish(_:to:variant:currentManifest:derivedSuffixes:keepsDerivedFiles:finish:)``).
        let reusable = reusableGeneration(in: parent, name: name, current: current).map { ($0 as NSString).lastPathComponent }
        var trash: [String] = []
        for entry in entries where entry.hasPrefix(prefix) && entry != current && entry != current + manifestSuffix
            && entry != reusable && entry != (reusable ?? "") + manifestSuffix {
            let suffix = entry.dropFirst(prefix.count)
            if suffix.hasPrefix(trashInfix) {
                trash.append(parent + "/" + entry)
            } else if suffix.count == 16, suffix.allSatisfy(\.isHexDigit) {
                let moved = "\(parent)/\(prefix)\(trashInfix)\(getpid())-\(trash.count)-\(suffix)"
                if rename(parent + "/" + entry, moved) == 0 { trash.append(moved) }
            } else if suffix.hasSuffix(manifestSuffix), suffix.count == 16 + manifestSuffix.count {
                unlink(parent + "/" + entry)
            }
        }
        guard !trash.isEmpty else { return group }
        let folders = trash
        DispatchQueue.global(qos: .utility).async(group: group) {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        }
        return group
    }
}

