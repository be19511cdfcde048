import Testing
import UraCore
import UraTerminology
import UraTestSupport

@Suite struct CheckStepTests {
    @Test func stepRecordsFindingsOnEveryRelease() async throws {
        let step = try CheckStep.make(options: ["glossary": GlossaryTests.migration])
        #expect(step.name == "check")
        let corpus = Corpus(directory: Fixtures.corpus)
        var context = PipelineContext(corpus: corpus, releases: try corpus.loadAll())
        try await Pipeline(steps: [step]).run(&context)
        let bilingual = try #require(context.releases.first { $0.id.hasPrefix("2018-11-05") })
        #expect(bilingual.findings == [])
        let englishOnly = try #require(context.releases.first { $0.id.hasPrefix("2019-10-29") })
        #expect(englishOnly.findings?.contains { $0.unit == "title" && $0.rule == "untranslated" } == true)
    }

    @Test func missingGlossaryFailsWhenTheStepIsBuilt() {
        #expect(throws: UraError.self) { try CheckStep.make(options: ["glossary": "/no/such/glossary.tbx"]) }
    }
}
