import Foundation
import Testing
import UraTestSupport
@testable import UraCore

@Suite struct BucketStoreTests {
    @Test func entriesSurviveAFlushAndUnusedOnesAreEvictedOldestFirst() throws {
        let folder = try Fixtures.temporaryDirectory("ura-buckets")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // One bucket, so every key shares it: 70 entries written, then replaced by a new store.
        let first = BucketStore(directory: folder, bucketCount: 1, evictsUnused: true)
        for number in 0..<70 { first.put("k\(number)", Array("value \(number)".utf8)) }
        try first.flush()
        let second = BucketStore(directory: folder, bucketCount: 1, evictsUnused: true)
        #expect(second.get("k3").map { Array($0) } == Array("value 3".utf8))
        #expect(second.get("missing") == nil)
        // A change makes the bucket written again: 2 entries used, 68 not, and at most 64 unused
        // ones kept (max(64, 3 × 2)): the oldest unused go first (k0, k1, k2, k4).
        second.put("k69", Array("changed".utf8))
        try second.flush()
        let third = BucketStore(directory: folder, bucketCount: 1)
        for gone in ["k0", "k1", "k2", "k4"] { #expect(third.get(gone) == nil) }
        for kept in ["k3", "k5", "k68"] { #expect(third.get(kept) != nil) }
        #expect(third.get("k69").map { Array($0) } == Array("changed".utf8))
        // Without eviction (the snapshot's store), nothing used or not is dropped by a flush.
        third.put("new", [1, 2, 3])
        try third.flush()
        let fourth = BucketStore(directory: folder, bucketCount: 1)
        for key in ["k5", "k68", "k69", "new"] { #expect(fourth.get(key) != nil) }
    }
}

@Suite struct BuildSnapshotTests {
    @Test func servesAReleaseOnlyForTheSameFilesAndStage() throws {
        let folder = try Fixtures.temporaryDirectory("ura-snapshot")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let release = try #require(try Corpus(directory: Fixtures.corpus).loadAll().first)
        let snapshot = BuildSnapshot(directory: folder)
        snapshot.record(release, signature: "en:1:2", fingerprint: "stage-a")
        try snapshot.finish()
        let read = BuildSnapshot(directory: folder)
        // Told from the signature and fingerprint alone, and the same answer the decoding gives.
        #expect(read.serves(release.id, signature: "en:1:2", fingerprint: "stage-a"))
        #expect(read.release(release.id, signature: "en:1:2", fingerprint: "stage-a")?.release == release)
        for (signature, fingerprint) in [("en:1:3", "stage-a"), ("en:1:2", "stage-b")] {
            #expect(!read.serves(release.id, signature: signature, fingerprint: fingerprint))
            #expect(read.release(release.id, signature: signature, fingerprint: fingerprint) == nil)
        }
        #expect(!read.serves("no-such-release", signature: "en:1:2", fingerprint: "stage-a"))
    }
}
