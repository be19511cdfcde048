import Testing
import UraAlign
import UraCore
import UraTestSupport
import UraText

/// The `align` step on the bundled corpus.
@Suite struct AlignStepTests {
    @Test func alignsTheBilingualReleaseAndSkipsEnglishOnlyOnes() async throws {
        let corpus = Corpus(directory: Fixtures.corpus)
        var context = PipelineContext(corpus: corpus, releases: try corpus.loadAll())
        let pipeline = Pipeline(steps: [try SegmentStep.make(options: [:]), try AlignStep.make(options: [:])])
        try await pipeline.run(&context)
        let release = try #require(context.releases.first { $0.id == "2018-11-05-roundtable-with-albanian-government-institutions-on-the" })
        let alignment = try #require(release.alignment)
        let en = try #require(release.sentences[.english]), sq = try #require(release.sentences[.albanian])
        #expect(alignment.paragraphs.flatMap(\.en) == Array(0..<en.count))
        #expect(alignment.paragraphs.flatMap(\.sq) == Array(0..<sq.count))
        #expect(alignment.sentences.flatMap(\.sq) == Array(0..<sq.joined().count))
        #expect(alignment.sentences.flatMap(\.en) == Array(0..<en.joined().count))
        // The first sentences are the dateline sentence in both languages.
        let first = try #require(alignment.sentences.first)
        #expect(first.en == [0] && first.sq == [0])
        for release in context.releases where release.texts[.albanian] == nil {
            #expect(release.alignment == nil)
        }
    }
}
