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

    @Test func lengthCountsAndAnyCollectionGivesTheSameDigest() {
        let zeros = (0...40).map { ContentDigest.hex([UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count)
        let text = "Migrantët në Shqipëri"
        #expect(ContentDigest.hex(Array(text.utf8)) == ContentDigest.hex(text.utf8))
        #expect(ContentDigest.hex(Array(text.utf8)[...]) == ContentDigest.hex(Array(text.utf8)))
    }
}
