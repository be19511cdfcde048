import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
/// same directory, which is then renamed over the destination (rename is atomic within one file
/// system). A build killed mid-write leaves the old file, never a torn one.
///
/// `durable` also flushes the file to disk before the rename (fsync), so even a power cut cannot
/// leave an empty file: used for the corpus, which people edit; generated output and caches,
/// which a rebuild recreates, skip it for speed.
public enum AtomicFile {
    /// Writes `bytes` to `path`, creating parent directories.
    public static func write(bytes: [UInt8], to path: String, durable: Bool = false) throws(UraError) {
        try write(parts: [bytes[...]], to: path, durable: durable)
    }

    /// Writes `parts`, one after another, to `path`, creating parent directories.
    public static func write(parts: [ArraySlice<UInt8>], to path: String, durable: Bool = false) throws(UraError) {
        let temporary = temporaryPath(for: path)
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw UraError(.input, "cannot create directory: \(error.localizedDescription)", file: directory.path)
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw UraError(.input, "cannot create a temporary file: \(String(cString: strerror(errno)))", file: temporary)
        }
        var failure = writeAll(parts, to: descriptor)
        if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw UraError(.input, "cannot write: \(failure)", file: path)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UraError(.input, "cannot move the finished file into place: \(reason)", file: path)
        }
    }

    /// Writes `data` to `path`, creating parent directories.
    public static func write(_ data: Data, to path: String, durable: Bool = false) throws(UraError) {
        try write(bytes: [UInt8](data), to: path, durable: durable)
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String, durable: Bool = false) throws(UraError) {
        try write(bytes: Array(text.utf8), to: path, durable: durable)
    }

    /// Writes `bytes` to `path`: atomically (``write(bytes:to:durable:)``), or with `staged`
    /// created directly, without a temporary file. `staged` is only for a path that does not exist
    /// yet in a folder nobody can see (a staging folder renamed into place whole): there the folder
    /// is what appears atomically, and skipping a rename per file makes writing thousands of files
    /// several times faster.
    public static func write(bytes: [UInt8], to path: String, staged: Bool) throws(UraError) {
        try write(parts: [bytes[...]], to: path, staged: staged)
    }

    /// Writes `parts`, one after another, to `path`, as ``write(bytes:to:staged:)``.
    public static func write(parts: [ArraySlice<UInt8>], to path: String, staged: Bool) throws(UraError) {
        guard staged else { return try write(parts: parts, to: path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw UraError(.input, "cannot create: \(String(cString: strerror(errno)))", file: path) }
        var failure = writeAll(parts, to: descriptor)
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw UraError(.input, "cannot write: \(failure)", file: path) }
    }

    /// Writes all of `parts` to an open file; the reason when that failed. Small parts are
    /// gathered into a buffer of up to a megabyte per write (thousands of entries of a
    /// collection document, not a system call each).
    private static func writeAll(_ parts: [ArraySlice<UInt8>], to descriptor: Int32) -> String? {
        if parts.count == 1 { return writeAll(parts[0], to: descriptor) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for part in parts {
            if buffer.count + part.count > 1 << 20, !buffer.isEmpty {
                if let failure = writeAll(buffer[...], to: descriptor) { return failure }
                buffer.removeAll(keepingCapacity: true)
            }
            if part.count >= 1 << 20 {
                if let failure = writeAll(part, to: descriptor) { return failure }
            } else {
                buffer += part
            }
        }
        return buffer.isEmpty ? nil : writeAll(buffer[...], to: descriptor)
    }

    /// Writes all of `bytes` to an open file; the reason when that failed.
    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// A name beside `path` that no other writer (thread or process) uses at the same time.
    private static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
