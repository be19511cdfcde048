import Foundation
import Testing
import UraAlign
import UraCore
import UraTestSupport

/// The aligner on the real development set: strict bead F1 as `score-align` computes it.
@Suite struct AlignDevTests {
    /// Aligns every document of `directory` and sums the strict scores.
    private func score(_ directory: String, presegmented: Bool) throws -> (paragraphs: StrictScore, sentences: StrictScore) {
        var paragraphs = StrictScore(), sentences = StrictScore()
        for name in try Fixtures.alignDevDocuments(directory) {
            let base = directory + "/" + name
            let suffix = presegmented ? "sents" : "txt"
            let text = try BilingualText.read(english: "\(base).en.\(suffix)", albanian: "\(base).sq.\(suffix)", presegmented: presegmented)
            let gold = try GoldAlignment(path: base + ".gold.json")
            let alignment = Aligner().align(english: text.english, albanian: text.albanian)
            paragraphs.add(predicted: alignment.paragraphs, gold: gold.paragraphs)
            sentences.add(predicted: alignment.sentences, gold: gold.sentences)
        }
        return (paragraphs, sentences)
    }

    @Test func paragraphsAndDropsOnAlignDev() throws {
        let (paragraphs, _) = try score(Fixtures.alignDev, presegmented: false)
        // hunalign: 0.916 and 28 of 47 drops on the held-out set; Ura's target is 0.98 and 95%.
        #expect(paragraphs.f1 >= 0.985, "paragraph F1 \(paragraphs.f1)")
        #expect(paragraphs.goldNull == 26)
        #expect(Double(paragraphs.nullFound) >= 0.95 * Double(paragraphs.goldNull), "drops \(paragraphs.nullFound)/\(paragraphs.goldNull)")
    }

    @Test func sentencesOnPresegmentedAlignDev() throws {
        let (_, sentences) = try score(Fixtures.alignDev, presegmented: true)
        #expect(sentences.gold == 659)
        #expect(sentences.f1 >= 0.985, "sentence F1 \(sentences.f1)")
    }

    @Test func paragraphsOnAnotherPerturbation() throws {
        let (paragraphs, _) = try score(Fixtures.alignDevMore + "/seed-4", presegmented: false)
        #expect(paragraphs.f1 >= 0.98, "paragraph F1 \(paragraphs.f1)")
    }

    /// Ura's strict F1 is the scorer's: the same prediction gives the same figure.
    @Test func strictScoreAgreesWithScoreAlign() throws {
        let directory = try Fixtures.temporaryDirectory("ura-align-score")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = "003_upi_176266"
        let base = Fixtures.alignDev + "/" + name
        let text = try BilingualText.read(english: base + ".en.txt", albanian: base + ".sq.txt", presegmented: false)
        let alignment = Aligner().align(english: text.english, albanian: text.albanian)
        let prediction = directory + "/pred.json"
        try AlignmentJSON.render(alignment).write(toFile: prediction, atomically: true, encoding: .utf8)
        let result = try Run.program(Fixtures.shared + "/tools/score-align",
                                     [base + ".gold.json", prediction, "--level", "paragraphs", "--json", directory + "/score.json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: directory + "/score.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let strict = try #require(report["strict"] as? [String: Any])
        var ours = StrictScore()
        ours.add(predicted: alignment.paragraphs, gold: try GoldAlignment(path: base + ".gold.json").paragraphs)
        #expect(abs((strict["F1"] as? Double ?? -1) - ours.f1) < 1e-9)
        #expect(strict["tp"] as? Int == ours.truePositives)
    }
}
