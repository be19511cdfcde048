import Testing
@testable import UraCore

@Suite struct PipelineTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "exploded" }
    }

    @Test func runsStepsInOrderAndReportsProgress() throws {
        var registry = StepRegistry()
        registry.register("title-case") { _ in
            PipelineStep(name: "title-case", summary: "Upper-case titles", body: .perRelease { release, _ in
                let upper = release.title(in: .english).uppercased()
                release.texts[.english]?.title = upper
            })
        }
        registry.register("count") { options in
            PipelineStep(name: "count", summary: "Count releases", body: .whole { context in
                context.messages.append("\(options["label"] ?? "n")=\(context.releases.count)")
            })
        }
        let pipeline = try registry.pipeline(["title-case", "count"], options: ["count": ["label": "releases"]])
        var context = PipelineContext(releases: [PressRelease(id: "a", texts: [.english: .init(title: "Migrants", paragraphs: [])])])
        var lines: [String] = []
        try pipeline.run(&context) { lines.append($0) }
        #expect(lines == ["[1/2] Upper-case titles", "[2/2] Count releases"])
        #expect(context.releases[0].title(in: .english) == "MIGRANTS")
        #expect(context.messages == ["releases=1"])
    }

    @Test func failingStepNamesStepAndRelease() throws {
        var registry = StepRegistry()
        registry.register("explode") { _ in
            PipelineStep(name: "explode", summary: "Explode", body: .perRelease { release, _ in
                if release.id == "b" { throw Boom() }
            })
        }
        var context = PipelineContext(releases: ["a", "b"].map { PressRelease(id: $0, texts: [.english: .init(title: $0, paragraphs: [])]) })
        let error = try #require(throws: PipelineError.self) { try registry.pipeline(["explode"]).run(&context) }
        #expect(error.description == "step 'explode' on 'b': exploded")
    }

    @Test func unknownStepIsAUsageError() throws {
        let error = try #require(throws: UraError.self) { try StepRegistry().make("publish") }
        #expect(error.kind == .usage)
    }
}
