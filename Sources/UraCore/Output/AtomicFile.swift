import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
/// same directory, which is flushed and then renamed over the destination (rename is atomic
/// within one file system).
public enum AtomicFile {
    /// Writes `data` to `path`, creating parent directories.
    public static func write(_ data: Data, to path: String) throws(UraError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw UraError(.input, "cannot create directory: \(error.localizedDescription)", file: directory.path)
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw UraError(.input, "cannot create a temporary file", file: temporary.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw UraError(.input, "cannot write: \(error.localizedDescription)", file: path)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UraError(.input, "cannot move the finished file into place: \(reason)", file: path)
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(UraError) {
        try write(Data(text.utf8), to: path)
    }
}
