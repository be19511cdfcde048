import Foundation

/// Key → bytes entries kept in a fixed number of bucket files in one folder, for the build cache
/// and the build snapshot.
///
/// Why buckets and not a file per entry: creating a file costs far more than writing its bytes
/// (on this project's ext4 disks about 0.3 ms per temporary-file-and-rename, against 0.04 ms for
/// writing the bytes), so 4,000 entry files cost a second of every full build. With buckets a
/// full build writes ``bucketCount`` files and an incremental build rewrites the few buckets
/// whose entries changed.
///
/// A bucket is read the first time one of its keys is asked for, and rewritten by ``flush()``
/// only when an entry in it was added, replaced or removed; each rewrite is atomic (temporary
/// file, then rename), so a build killed at any moment leaves every bucket whole: the old one or
/// the new one. Entries are a pure optimisation: a bucket that cannot be read is treated as
/// empty.
///
/// Thread-safe: the pipeline looks entries up and stores them from every core at once.
public final class BucketStore: @unchecked Sendable {
    /// The folder holding `bucket-XX.pack` files.
    public let directory: String
    /// How many bucket files the entries are spread over (by a stable hash of the key).
    public let bucketCount: Int
    /// Whether a rewritten bucket drops entries this process did not use (read or write) beyond
    /// three times as many as it used (and at least 64), the least recently used first: a cache
    /// then holds what the corpus needs and a little history, however often its releases change.
    public let evictsUnused: Bool

    private var buckets: [Bucket?]
    private let locks: [NSLock]

    /// Bumped when the file layout changes: other files are ignored (read as empty).
    static let magic: [UInt8] = Array("ura-bucket-1\n".utf8)

    private struct Bucket {
        /// Entries in use order, the least recently used first.
        var keys: [String] = []
        /// Each entry: its bytes (slices of the bucket file's bytes, as read: no copy per entry),
        /// and whether this process used it. One table, so a look-up hashes its key once.
        var values: [String: Entry] = [:]
        var changed = false
    }

    private struct Entry {
        var bytes: ArraySlice<UInt8>
        var used = false
    }

    public init(directory: String, bucketCount: Int = 32, evictsUnused: Bool = false) {
        self.directory = directory
        self.bucketCount = max(1, bucketCount)
        self.evictsUnused = evictsUnused
        self.buckets = Array(repeating: nil, count: max(1, bucketCount))
        self.locks = (0..<max(1, bucketCount)).map { _ in NSLock() }
    }

    /// The bytes stored under `key`, if any.
    public func get(_ key: String) -> ArraySlice<UInt8>? {
        let index = bucket(of: key)
        return locks[index].withLock {
            loadIfNeeded(index)
            guard let position = buckets[index]?.values.index(forKey: key) else { return nil }
            buckets[index]?.values.values[position].used = true
            return buckets[index]?.values.values[position].bytes
        }
    }

    /// Reads every bucket now, on every core: a build that asks for every entry (the snapshot of
    /// a whole corpus) would otherwise read each bucket on first use while holding its lock, the
    /// other threads waiting for the same buckets.
    public func preload() {
        _ = Parallel.map(Array(0..<bucketCount)) { index -> Bool in
            locks[index].withLock { loadIfNeeded(index) }
            return true
        }
    }

    /// Stores `value` under `key` (replacing what was there); written by the next ``flush()``.
    public func put(_ key: String, _ value: [UInt8]) {
        let index = bucket(of: key)
        locks[index].withLock {
            loadIfNeeded(index)
            guard buckets[index]?.values[key]?.bytes.elementsEqual(value) != true else {
                buckets[index]?.values[key]?.used = true
                return
            }
            if buckets[index]?.values.updateValue(Entry(bytes: value[...], used: true), forKey: key) != nil {
                buckets[index]?.keys.removeAll { $0 == key }
            }
            buckets[index]?.keys.append(key)
            buckets[index]?.changed = true
        }
    }

    /// Removes every entry whose key `keep` refuses, in every bucket (all are read).
    public func removeAll(except keep: (String) -> Bool) {
        for index in 0..<bucketCount {
            locks[index].withLock {
                loadIfNeeded(index)
                guard var bucket = buckets[index] else { return }
                let kept = bucket.keys.filter(keep)
                guard kept.count < bucket.keys.count else { return }
                for key in bucket.keys where !keep(key) { bucket.values[key] = nil }
                bucket.keys = kept
                bucket.changed = true
                buckets[index] = bucket
            }
        }
    }

    /// Writes every changed bucket, atomically.
    /// - Throws: ``UraError`` when a bucket cannot be written (the old one is then still there).
    public func flush() throws(UraError) {
        for index in 0..<bucketCount {
            let bytes: [UInt8]? = locks[index].withLock {
                guard var bucket = buckets[index], bucket.changed else { return nil }
                // Least recently used first: unused entries keep their order, then the used ones.
                var unused: [String] = [], used: [String] = []
                for key in bucket.keys {
                    if bucket.values[key]?.used == true { used.append(key) } else { unused.append(key) }
                }
                let keptUnused = max(64, 3 * used.count)
                if evictsUnused, unused.count > keptUnused {
                    for key in unused.prefix(unused.count - keptUnused) { bucket.values[key] = nil }
                    unused.removeFirst(unused.count - keptUnused)
                }
                bucket.keys = unused + used
                bucket.changed = false
                buckets[index] = bucket
                return Self.encode(bucket)
            }
            if let bytes { try AtomicFile.write(bytes: bytes, to: path(index)) }
        }
    }

    // MARK: Files

    private func path(_ index: Int) -> String {
        directory + "/bucket-" + (index < 16 ? "0" : "") + String(index, radix: 16) + ".pack"
    }

    /// FNV-1a over the key's UTF-8: the same bucket in every process (Swift's `Hasher` is seeded
    /// per process).
    private func bucket(of key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(bucketCount))
    }

    /// Reads bucket `index` unless it is in memory. The caller holds its lock.
    private func loadIfNeeded(_ index: Int) {
        guard buckets[index] == nil else { return }
        var bucket = Bucket()
        if let bytes = FileBytes.read(path(index)) {
            Self.decode(bytes, into: &bucket)
        }
        buckets[index] = bucket
    }

    private static func encode(_ bucket: Bucket) -> [UInt8] {
        var writer = ReleaseBinary.Writer()
        writer.bytes.reserveCapacity(bucket.values.values.reduce(magic.count) { $0 + $1.bytes.count + 80 })
        writer.bytes += magic
        writer.count(bucket.keys.count)
        for key in bucket.keys {
            let value = bucket.values[key]?.bytes ?? []
            writer.string(key)
            writer.count(value.count)
            writer.bytes += value
        }
        return writer.bytes
    }

    /// Fills `bucket` from a file's bytes; a file of another layout, or cut short, gives nothing
    /// from the first entry that does not read whole.
    private static func decode(_ bytes: [UInt8], into bucket: inout Bucket) {
        guard bytes.starts(with: magic) else { return }
        var reader = ReleaseBinary.Reader(bytes: bytes, position: magic.count)
        guard let count = reader.count() else { return }
        for _ in 0..<min(count, bytes.count) {
            guard let key = reader.string(), let length = reader.count(), length <= bytes.count - reader.position else { return }
            bucket.values[key] = Entry(bytes: bytes[reader.position..<reader.position + length])
            bucket.keys.append(key)
            reader.position += length
        }
    }
}
