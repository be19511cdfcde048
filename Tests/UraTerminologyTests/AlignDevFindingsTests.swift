import Foundation
import Testing
import UraCore
import UraTerminology
import UraTestSupport

/// The checker's findings on the whole align-dev set, recorded before the check was made faster:
/// any change to matching, stemming, tokenisation or number reading shows up here.
@Suite struct AlignDevFindingsTests {
    /// Units of every align-dev document, paired by the gold paragraph beads (as `ura-eval terms`
    /// does), or, with `shift` 1, each English bead with the next bead's Albanian (a wrong pairing
    /// that makes the checker report far more: missing terms, numbers, deprecated forms).
    static func units(shift: Int = 0) throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        for document in try Fixtures.alignDevDocuments() {
            let base = "\(Fixtures.alignDev)/\(document)"
            let english = Paragraphs.split(try Fixtures.text("\(base).en.txt"))
            let albanian = Paragraphs.split(try Fixtures.text("\(base).sq.txt"))
            let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: "\(base).gold.json")))
            let beads = gold.paragraphs
            for (index, bead) in beads.enumerated() {
                let other = beads[(index + shift) % beads.count]
                units.append(TranslationUnit(
                    id: "\(document)/p\(index + 1)",
                    english: bead.en.filter { $0 < english.count }.map { english[$0] }.joined(separator: "\n\n"),
                    albanian: other.sq.filter { $0 < albanian.count }.map { albanian[$0] }.joined(separator: "\n\n")))
            }
        }
        return units
    }

    private struct Gold: Decodable {
        struct Bead: Decodable {
            let en: [Int]
            let sq: [Int]
        }
        let paragraphs: [Bead]
    }

    /// One line per finding, every field.
    static func lines(_ findings: [Finding]) -> [String] {
        findings.map {
            [$0.unit, $0.rule, $0.severity.rawValue, $0.side, $0.term ?? "-", ($0.expected ?? []).joined(separator: "|"), $0.message]
                .joined(separator: "\t")
        }
    }

    /// FNV-1a over the lines' UTF-8 bytes, so a large set of findings can be compared by one number.
    static func digest(_ lines: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lines.joined(separator: "\n").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func counts(_ findings: [Finding]) -> [String: Int] {
        Dictionary(grouping: findings, by: \.rule).mapValues(\.count)
    }

    /// The 28 findings `ura-eval terms` reports on align-dev, every field as recorded.
    static let recordedGold: [String] = [
        "000_bbc_381790/p5\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "003_upi_176266/p4\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "015_reuters_218882/p1\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "024_newsweek_51338/p1\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "027_reuters_218863/p6\tnumber-mismatch\terror\tsq\t200\t\tThe English number '200' is not in the Albanian text.",
        "030_bbc_381647/p7\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "033_reuters_218932/p1\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "036_cnn_304447/p6\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "039_scotsman_133804/p1\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "042_dailymail_co_uk_298692/p2\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "051_cbsnews_248484/p4\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "060_cbsnews_248471/p6\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "063_newsweek_51300/p6\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "066_telegraph_405422/p2\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "072_bbc_381646/p3\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "072_bbc_381646/p6\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "078_bbc_381680/p7\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "084_dailymail_co_uk_298644/p4\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "087_independent_226317/p10\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "087_independent_226317/p12\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "090_nytimes_184825/p4\tterm-missing\twarning\tsq\timmigrant\timigrant\t'immigrant' is not translated as 'imigrant' (the glossary's Albanian term is unconfirmed).",
        "090_nytimes_184825/p7\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "093_nytimes_184830/p6\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "105_newsweek_51330/p5\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "105_newsweek_51330/p9\tsource-missing\twarning\ten\t-\t\tThe Albanian text has no English source.",
        "114_bbc_381749/p3\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "117_cbsnews_248394/p1\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
        "117_cbsnews_248394/p7\tuntranslated\terror\tsq\t-\t\tThe English text has no Albanian translation.",
    ]

    @Test func goldPairsGiveTheRecordedFindings() throws {
        let lines = Self.lines(CheckerTests.checker.check(try Self.units()))
        #expect(lines.count == Self.recordedGold.count)
        for (line, recorded) in zip(lines, Self.recordedGold) { #expect(line == recorded) }
    }

    /// Counts and digest of the 366 findings on the shifted pairing, as recorded.
    @Test func shiftedPairsGiveTheRecordedFindings() throws {
        let findings = CheckerTests.checker.check(try Self.units(shift: 1))
        #expect(Self.counts(findings) == ["number-mismatch": 330, "source-missing": 13, "term-missing": 10, "untranslated": 13])
        #expect(Self.digest(Self.lines(findings)) == 8_043_234_802_727_165_820)
    }
}
