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
        // English only: one warning for the release, no "untranslated" error per paragraph.
        #expect(englishOnly.findings?.map(\.rule) == ["single-language"])
    }

    @Test func missingGlossaryFailsWhenTheStepIsBuilt() {
        #expect(throws: UraError.self) { try CheckStep.make(options: ["glossary": "/no/such/glossary.tbx"]) }
    }
}

@Suite struct SingleLanguageReleaseTests {
    /// An English-only release (the bundled Kapshtica release) is not an "untranslated" error per
    /// paragraph but one warning, so it can be approved and published in English only.
    @Test func englishOnlyReleaseGetsOneWarning() async throws {
        let corpus = Corpus(directory: Fixtures.corpus)
        var context = PipelineContext(corpus: corpus, releases: [try corpus.load("2019-10-29-new-registration-and-temporary-accommodation-centre-for")])
        try await Pipeline(steps: [try CheckStep.make(options: ["glossary": Fixtures.packageRoot + "/glossaries/migration.tbx"])]).run(&context)
        let findings = try #require(context.releases.first?.findings)
        #expect(findings.first?.rule == "single-language")
        #expect(findings.first?.side == "sq")
        #expect(!findings.contains { $0.severity == .error })
    }
}
