import Foundation
import Testing
@testable import UraCore

@Suite struct PipelineTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "exploded" }
    }

    @Test func runsStepsInOrderAndReportsProgress() async throws {
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
        let events = EventLog()
        try await pipeline.run(&context) { events.append($0) }
        #expect(events.started == ["title-case", "count"])
        #expect(context.releases[0].title(in: .english) == "MIGRANTS")
        #expect(context.messages == ["releases=1"])
    }

    @Test func failingReleaseLeavesTheBuildAndTheOthersGoOn() async throws {
        var registry = StepRegistry()
        registry.register("explode") { _ in
            PipelineStep(name: "explode", summary: "Explode", body: .perRelease { release, _ in
                if release.id == "b" { throw Boom() }
            })
        }
        var context = PipelineContext(releases: ["a", "b"].map { PressRelease(id: $0, texts: [.english: .init(title: $0, paragraphs: [])]) })
        try await registry.pipeline(["explode"]).run(&context)
        #expect(context.releases.map(\.id) == ["a"])
        #expect(context.failures.map(\.description) == ["step 'explode' on 'b': exploded"])
    }

    @Test func wholeStepsThatNeedAllReleasesAreSkippedAfterAFailure() async throws {
        var registry = StepRegistry()
        registry.register("explode") { _ in
            PipelineStep(name: "explode", summary: "Explode", body: .perRelease { _, _ in throw Boom() })
        }
        registry.register("publish") { _ in
            PipelineStep(name: "publish", summary: "Publish", needsAllReleases: true, body: .whole { context in
                context.messages.append("published")
            })
        }
        var context = PipelineContext(releases: [PressRelease(id: "a", texts: [.english: .init(title: "a", paragraphs: [])])])
        let events = EventLog()
        try await registry.pipeline(["explode", "publish"]).run(&context) { events.append($0) }
        #expect(context.messages.isEmpty)
        #expect(events.skipped == ["publish"])
    }

    @Test func cacheServesUnchangedReleasesAndFingerprintsInvalidate() async throws {
        final class MemoryCache: ReleaseCache, @unchecked Sendable {
            var entries: [String: PressRelease] = [:]
            let lock = NSLock()
            func lookup(_ key: String) -> PressRelease? { lock.withLock { entries[key] } }
            func store(_ release: PressRelease, key: String) { lock.withLock { entries[key] = release } }
        }
        final class Counter: @unchecked Sendable {
            var runs = 0
            let lock = NSLock()
            func bump() { lock.withLock { runs += 1 } }
        }
        let counter = Counter()
        var registry = StepRegistry()
        registry.register("mark") { options in
            PipelineStep(name: "mark", summary: "Mark", body: .perRelease { release, _ in
                counter.bump()
                release.findings = [Finding(unit: "p0", rule: options["rule"] ?? "x", severity: .info, side: "en", message: "m")]
            })
        }
        let cache = MemoryCache()
        let releases = (0..<20).map { PressRelease(id: "r\($0)", texts: [.english: .init(title: "T\($0)", paragraphs: ["P."])]) }
        func build(_ rule: String, _ releases: [PressRelease]) async throws -> PipelineContext {
            var pipeline = try registry.pipeline(["mark"], options: ["mark": ["rule": rule]])
            pipeline.cache = cache
            var context = PipelineContext(releases: releases)
            try await pipeline.run(&context)
            return context
        }
        let first = try await build("a", releases)
        #expect(counter.runs == 20)
        let second = try await build("a", releases)
        #expect(counter.runs == 20)
        #expect(second.releases == first.releases)
        // Whether computed or served by the cache, every release leaves the stage with the digest
        // of what it is.
        for context in [first, second] {
            #expect(context.digests.count == 20)
            #expect(context.releases.allSatisfy { context.digests[$0.id] == ReleaseBinary.digest($0) })
        }
        var edited = releases
        edited[7].texts[.english]?.paragraphs = ["Changed."]
        _ = try await build("a", edited)
        #expect(counter.runs == 21)
        let changedOption = try await build("b", releases)
        #expect(counter.runs == 41)
        #expect(changedOption.releases.allSatisfy { $0.findings?.first?.rule == "b" })
    }

    @Test func aStepAlongsideJoinsTheContextAndFailsTheRunUnderItsName() async throws {
        /// A step that waits until the step after it has run, so the two really overlap.
        final class Gate: @unchecked Sendable {
            let semaphore = DispatchSemaphore(value: 0)
        }
        let gate = Gate()
        func steps(failing: Bool) -> [PipelineStep] {
            [PipelineStep(name: "review", summary: "Review", runsAlongside: true, body: .whole { context in
                gate.semaphore.wait()
                if failing { throw Boom() }
                context.messages.append("reviewed \(context.releases.count)")
                context.filesWritten.append("review/index.html")
                context.releases = []
            }),
             PipelineStep(name: "publish", summary: "Publish", body: .whole { context in
                context.messages.append("published")
                gate.semaphore.signal()
            })]
        }
        let releases = [PressRelease(id: "a", texts: [.english: .init(title: "A", paragraphs: [])])]
        var context = PipelineContext(releases: releases)
        let events = EventLog()
        let report = try await Pipeline(steps: steps(failing: false)).run(&context) { events.append($0) }
        // The step after ran first; what the step alongside added comes after it, its change to
        // the releases is not kept, and its time is in its place.
        #expect(context.messages == ["published", "reviewed 1"])
        #expect(context.filesWritten == ["review/index.html"])
        #expect(context.releases.count == 1)
        #expect(report.stepSeconds.map(\.name) == ["review", "publish"])
        #expect(events.started == ["review", "publish"])

        var failing = PipelineContext(releases: releases)
        let error = await #expect(throws: PipelineError.self) { try await Pipeline(steps: steps(failing: true)).run(&failing) }
        #expect(error?.step == "review")
        #expect(failing.messages == ["published"])
    }

    @Test func concurrentMapKeepsOrder() async {
        let squares = await Pipeline.concurrentMap(Array(0..<1000), workers: 4) { $0 * $0 }
        #expect(squares == (0..<1000).map { $0 * $0 })
    }

    @Test func unknownStepIsAUsageError() throws {
        let error = try #require(throws: UraError.self) { try StepRegistry().make("publish") }
        #expect(error.kind == .usage)
    }
}

/// Collects pipeline events from concurrent tasks.
final class EventLog: @unchecked Sendable {
    private var events: [PipelineEvent] = []
    private let lock = NSLock()

    func append(_ event: PipelineEvent) { lock.withLock { events.append(event) } }

    var started: [String] {
        lock.withLock { events.compactMap { if case let .stepStarted(_, _, name, _, _, _) = $0 { return name } else { return nil } } }
    }

    var skipped: [String] {
        lock.withLock { events.compactMap { if case let .stepSkipped(_, name, _) = $0 { return name } else { return nil } } }
    }
}
