import Foundation
import Testing
import UraAlign
import UraCore
import UraTestSupport
import UraText

/// `ura align` as a user runs it: output formats checked by the shared validators, bad input.
@Suite struct AlignCommandTests {
    static let document = Fixtures.alignDev + "/003_upi_176266"
    static let english = document + ".en.txt", albanian = document + ".sq.txt"

    private func align(_ format: String, _ english: String = english, _ albanian: String = albanian) throws -> ProcessResult {
        try Run.ura(["align", english, albanian, "--format", format])
    }

    /// Writes `text` to a temporary file and returns its path.
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = try Fixtures.temporaryDirectory("ura-align") + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonHasTheScorerShapeAndCoversEveryUnitOnce() throws {
        let result = try align("json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        let en = try SentenceSegmenter(language: .english).segment(paragraphs: Paragraphs.split(Fixtures.text(Self.english)))
        let sq = try SentenceSegmenter(language: .albanian).segment(paragraphs: Paragraphs.split(Fixtures.text(Self.albanian)))
        #expect(en.count == 7 && sq.count == 7)
        for (beads, enCount, sqCount) in [(paragraphs, en.count, sq.count), (sentences, en.joined().count, sq.joined().count)] {
            var en: [Int] = [], sq: [Int] = []
            for bead in beads {
                en += try #require(bead["en"] as? [Int])
                sq += try #require(bead["sq"] as? [Int])
                let score = try #require(bead["score"] as? Double)
                #expect((0...1).contains(score))
            }
            #expect(en == Array(0..<enCount))
            #expect(sq == Array(0..<sqCount))
        }
        // The English paragraph the Albanian side leaves out ("Hammel said at first ...").
        #expect(paragraphs.contains { ($0["en"] as? [Int]) == [3] && ($0["sq"] as? [Int]) == [] })
    }

    @Test func tmxPassesTheValidator() throws {
        let result = try align("tmx")
        #expect(result.status == 0)
        #expect(result.stdout.contains("<tuv xml:lang=\"sq\"><seg>Sulmi ka ndodhur pak përpara orës 7 të mëngjesit, pranë plazhit Beacon’s në Encinitas.</seg></tuv>"))
        // A unit without its Albanian side must fail, or the check proves nothing.
        try expectValid("validate-tmx", "align.tmx", result.stdout,
                        broken: result.stdout.replacingOccurrences(of: "<tuv xml:lang=\"sq\">", with: "<tuv xml:lang=\"en\">"))
    }

    /// Runs validator `name` on `text` (must pass) and on `broken` (must fail).
    private func expectValid(_ name: String, _ file: String, _ text: String, broken: String) throws {
        let valid = try Run.program(Fixtures.validators + "/" + name, [try temporaryFile(file, text)])
        #expect(valid.status == 0, "\(valid.stdout)")
        let invalid = try Run.program(Fixtures.validators + "/" + name, [try temporaryFile("bad-" + file, broken)])
        #expect(invalid.status != 0)
    }

    @Test func htmlReviewPagePassesTheValidatorAndFlagsTheDrop() throws {
        let result = try align("html")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Not translated into Albanian"))
        #expect(result.stdout.contains("<td lang=\"sq\">"))
        try expectValid("validate-html", "align.html", result.stdout,
                        broken: result.stdout.replacingOccurrences(of: "<html lang=\"en\">", with: "<html>").replacingOccurrences(of: "</main>", with: ""))
    }

    @Test func textSummaryListsFlaggedBeads() throws {
        let result = try align("text")
        #expect(result.status == 0)
        #expect(result.stdout.contains("UNTRANSLATED (English only) en ¶4 ↔ sq –"))
    }

    @Test func outputFileTakesItsFormatFromTheExtension() throws {
        let path = try Fixtures.temporaryDirectory("ura-align") + "/review.html"
        let result = try Run.ura(["align", Self.english, Self.albanian, "-o", path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try Fixtures.text(path).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func presegmentedReadsOneSentencePerLine() throws {
        let result = try Run.ura(["align", Self.document + ".en.sents", Self.document + ".sq.sents", "--presegmented", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.flatMap { $0["en"] as? [Int] ?? [] } == Array(0..<14))
    }

    @Test func bundleFolderIsAligned() throws {
        let bundle = Fixtures.corpus + "/2018-11-05-roundtable-with-albanian-government-institutions-on-the"
        let result = try Run.ura(["align", bundle, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"paragraphs\""))
    }

    @Test func emptySideIsRefused() throws {
        let result = try align("json", Self.english, try temporaryFile("empty.sq.txt", ""))
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func sideTenTimesLongerIsRefused() throws {
        let english = try Fixtures.text(Self.english)
        let long = try temporaryFile("long.en.txt", String(repeating: english + "\n\n", count: 12))
        let result = try align("json", long, try temporaryFile("short.sq.txt", "Peshkaqeni plagos 13-vjeçarin.\n"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("as long as"))
    }

    @Test func binaryFileIsRefused() throws {
        let path = try Fixtures.temporaryDirectory("ura-align") + "/image.sq.txt"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: path))
        let result = try align("json", Self.english, path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("binary"))
    }

    @Test func twoEnglishFilesGiveAWarning() throws {
        let result = try align("json", Self.english, Self.english)
        #expect(result.status == 0)
        #expect(result.stderr.contains("look like the same language"))
    }

    @Test func missingFileAndWrongFormat() throws {
        let missing = try align("json", Self.english, "/nonexistent/file.txt")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
        let format = try align("pdf")
        #expect(format.status != 0)
        #expect(format.status < 128)
    }
}

/// `--lexicon`: a bilingual lexicon read from TSV and used as anchors.
@Suite struct AlignLexiconTests {
    @Test func lexiconFileIsReadAndAMalformedLineIsNamed() throws {
        let directory = try Fixtures.temporaryDirectory("ura-align-lexicon")
        let good = directory + "/good.tsv", bad = directory + "/bad.tsv"
        try "# English\tAlbanian\nshark\tpeshkaqen\nlobster\tgaforre; karavidhe\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "shark\tpeshkaqen\nlobster without a tab\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let lexicon = try BilingualLexicon.readTSV(good)
        #expect(lexicon.entries == ["shark": ["peshkaqen"], "lobster": ["gaforre", "karavidhe"]])
        let document = AlignCommandTests.document
        let aligned = try Run.ura(["align", document + ".en.txt", document + ".sq.txt", "--lexicon", good, "--format", "json"])
        #expect(aligned.status == 0)
        let refused = try Run.ura(["align", document + ".en.txt", document + ".sq.txt", "--lexicon", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.tsv:2:"))
    }
}
