import Foundation
import UraCore

/// Puts a built site in place so that readers see the old site or the new one, never a mix.
///
/// The site folder `public` is a symbolic link to a generation folder beside it,
/// `.public.<fingerprint>`. A publish writes every file into a fresh staging folder (each file
/// itself written to a temporary name and renamed), runs the finishing work there (PDF
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
    /// - Returns: the generation folder the link now points to.
    /// - Throws: ``UraError``; the published site is then unchanged.
    @discardableResult
    public static func publish(_ files: [SiteFile], to output: String,
                               finish: (String) throws(UraError) -> Void = { _ throws(UraError) in }) throws(UraError) -> String {
        let link = normalized(output)
        let parent = (link as NSString).deletingLastPathComponent.isEmpty ? "." : (link as NSString).deletingLastPathComponent
        let name = (link as NSString).lastPathComponent
        let manager = FileManager.default
        try checkReplaceable(link)
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw UraError(.input, "cannot create the folder: \(error.localizedDescription)", file: parent)
        }
        let staging = "\(parent)/.\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw UraError(.input, "cannot create the staging folder: \(error.localizedDescription)", file: staging)
        }
        var generation = ""
        do throws(UraError) {
            for file in files { try AtomicFile.write(Data(file.bytes), to: staging + "/" + file.path) }
            try finish(staging)
            generation = ".\(name).\(try fingerprint(of: staging))"
            let generationPath = parent + "/" + generation
            if manager.fileExists(atPath: generationPath) {
                // Identical content is already there (publishing the same input again).
                try? manager.removeItem(atPath: staging)
            } else if rename(staging, generationPath) != 0 {
                throw UraError(.input, "cannot move the staging folder into place: \(String(cString: strerror(errno)))", file: generationPath)
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
        let previous = try? manager.destinationOfSymbolicLink(atPath: link)
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
        removeOldGenerations(in: parent, name: name, keeping: [generation, previous].compactMap { $0 })
        return parent + "/" + generation
    }

    /// The path without trailing slashes (`public/` → `public`).
    static func normalized(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
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

    /// A hex digest of the folder's files (paths and bytes, in path order), naming the generation.
    private static func fingerprint(of folder: String) throws(UraError) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a 64
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw UraError(.input, "cannot list the staging folder", file: folder)
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        for path in paths.sorted() {
            guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
            mix(path.utf8)
            mix([0])
            mix(data)
            mix([0])
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    private static func removeOldGenerations(in parent: String, name: String, keeping: [String]) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) && !keeping.contains(entry) {
            let suffix = entry.dropFirst(prefix.count)
            // Only generation folders (16 hex digits): never another run's staging folder.
            guard suffix.count == 16, suffix.allSatisfy(\.isHexDigit) else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
