import Foundation
import Testing
@testable import UraCore
import UraTestSupport

@Suite struct ContentDigestTests {
    @Test func hexIsBothHalvesZeroPaddedInLowercase() {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        for (first, second): (UInt64, UInt64) in [(0, 0), (1, 0xABCDEF), (.max, 0x0F00_0000_0000_0000), (0x1234_5678_9ABC_DEF0, 42)] {
            #expect(ContentDigest.hex(first, second) == padded(first) + padded(second))
        }
    }

    @Test func tellsApartEveryAlignDevFileAndEveryOneByteChange() throws {
        var seen: [String: String] = [:]
        for document in try Fixtures.alignDevDocuments() {
            for suffix in ["en.txt", "sq.txt", "en.sents", "sq.sents"] {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.alignDev)/\(document).\(suffix)")))
                let digest = ContentDigest.hex(bytes)
                #expect(digest.count == 32 && digest.allSatisfy(\.isHexDigit))
                #expect(seen[digest] == nil, "\(document).\(suffix) has the digest of \(seen[digest] ?? "")")
                seen[digest] = "\(document).\(suffix)"
                // One byte changed, anywhere (word part or tail), changes the digest.
                for position in [0, bytes.count / 2, bytes.count - 1] {
                    var changed = bytes
                    changed[position] ^= 0x01
                    #expect(ContentDigest.hex(changed) != digest)
                }
            }
        }
        #expect(seen.count > 150)
    }

    /// The digest as it was first written, one pass over one buffer: digests are kept between
    /// builds (manifests, review digests, input keys), so the streaming form must not change them.
    private func reference(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142
        var offset = 0
        while offset + 8 <= bytes.count {
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
            first ^= first >> 29
            second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
            second = (second << 31) | (second >> 33)
            offset += 8
        }
        for byte in bytes[offset...] {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
        }
        first ^= UInt64(bytes.count)
        first = (first ^ (first >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        first ^= first >> 33
        second = (second ^ (second >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        second ^= second >> 33
        return ContentDigest.hex(first, second)
    }

    @Test func partsGiveTheDigestOfTheirBytesJoinedWhereverTheyAreCut() throws {
        let documents = try Fixtures.alignDevDocuments()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.alignDev)/\(documents[0]).sq.txt")))
        #expect(ContentDigest.hex(bytes) == reference(bytes))
        for cuts in [[1], [7, 8, 9], [3, 5, 11, 13, 300], [bytes.count - 1], Array(stride(from: 1, to: bytes.count, by: 3))] {
            var parts: [ArraySlice<UInt8>] = []
            var start = 0
            for cut in cuts + [bytes.count] {
                parts.append(bytes[start..<cut])
                start = cut
            }
            #expect(ContentDigest.hex(parts: parts) == reference(bytes), "cut at \(cuts.prefix(5))")
        }
        for length in 0..<20 {
            let short = Array(bytes.prefix(length))
            #expect(ContentDigest.hex(short) == reference(short))
            #expect(ContentDigest.hex(parts: [short[...], [][...], short[...]]) == reference(short + short))
        }
    }

    @Test func lengthCountsAndAnyCollectionGivesTheSameDigest() {
        let zeros = (0...40).map { ContentDigest.hex([UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count)
        let text = "Migrantët në Shqipëri"
        #expect(ContentDigest.hex(Array(text.utf8)) == ContentDigest.hex(text.utf8))
        #expect(ContentDigest.hex(Array(text.utf8)[...]) == ContentDigest.hex(Array(text.utf8)))
    }
}
