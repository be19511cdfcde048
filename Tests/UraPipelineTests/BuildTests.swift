import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPipeline

@Suite struct BuildTests {
    @Test func segmentStepFillsSentencesForEveryRelease() throws {
        let corpus = Corpus(directory: Fixtures.corpus)
        var context = PipelineContext(corpus: corpus, releases: try corpus.loadAll())
        try StandardSteps.registry().pipeline(StandardSteps.defaultOrder).run(&context)
        for release in context.releases {
            for language in release.languages {
                #expect(release.sentences[language]?.count == release.texts[language]?.paragraphs.count)
            }
        }
        let roundtable = try #require(context.releases.first { $0.id.hasPrefix("2018-11-05") })
        #expect(roundtable.sentences[.albanian]?[0].count == 4)
        #expect(roundtable.sentences[.english]?[0].count == 4)
        let summary = BuildSummary(context)
        #expect(summary.releases == context.releases.count)
        #expect(summary.sentences[.albanian] == 4)
    }

    @Test func buildCommandPrintsProgressAndSummary() throws {
        let result = try Run.ura(["build", "--corpus", Fixtures.corpus])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[1/1] Segment sentences"))
        #expect(result.stdout.contains("sq: 1 paragraphs, 4 sentences"))
        let broken = try Run.ura(["build", "--corpus", "/nonexistent-corpus"])
        #expect(broken.status == 1)
        #expect(broken.stderr == "ura: /nonexistent-corpus: corpus folder not found\n")
    }
}
