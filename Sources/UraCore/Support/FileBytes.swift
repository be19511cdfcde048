import Foundation

/// Whole files read into byte arrays with one `read` loop into the array's own storage: what
/// `FileManager.contents(atPath:)` gives as `Data` costs a second copy, and a build reads its
/// cache buckets, manifests and the previous collection document (tens of megabytes) each time.
public enum FileBytes {
    /// The bytes of the regular file at `path`; nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
            failed = count != size
        }
        return failed ? nil : bytes
    }
}
