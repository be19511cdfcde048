import Foundation

/// What every step of a pipeline works on: the releases, where they live, and where progress
/// goes. Steps read and change it in order (the Publish model: one context, named steps).
public struct PipelineContext: Sendable {
    /// The corpus the releases were loaded from, if any.
    public var corpus: Corpus?
    /// The releases still in the build, in id order. A release whose step failed leaves this list
    /// and goes to ``failures``.
    public var releases: [PressRelease]
    /// Step options from the command line or configuration, by step name then option name.
    public var options: [String: [String: String]]
    /// Lines the steps want the user to see (summaries, warnings), in order.
    public var messages: [String]
    /// Releases that failed in a per-release step, with the step and the error.
    public var failures: [PipelineError]
    /// Files the steps wrote, relative to where they wrote them (for the build summary).
    public var filesWritten: [String]
    /// ``ReleaseBinary/digest(_:)`` of releases as they are now, by id, where known: the pipeline
    /// records them as releases leave a per-release stage (it encodes them then anyway), and a
    /// build adds those of the releases it took from its snapshot. Whole steps read them through
    /// ``digest(of:)`` instead of encoding every release again, which is most of what an
    /// incremental build of thousands of releases would otherwise cost. A whole step that
    /// changes a release must drop its entry.
    public var digests: [String: String]

    public init(corpus: Corpus? = nil, releases: [PressRelease] = [], options: [String: [String: String]] = [:]) {
        self.corpus = corpus
        self.releases = releases
        self.options = options
        self.messages = []
        self.failures = []
        self.filesWritten = []
        self.digests = [:]
    }

    /// ``ReleaseBinary/digest(_:)`` of `release`, from ``digests`` when it is there.
    public func digest(of release: PressRelease) -> String {
        digests[release.id] ?? ReleaseBinary.digest(release)
    }

    /// The option `name` of step `step`, if set.
    public func option(_ name: String, of step: String) -> String? { options[step]?[name] }
}

/// One named stage of the pipeline.
///
/// A step either works on one release at a time (``Body/perRelease(_:)``: the pipeline runs those
/// concurrently, caches their results and names the failing release) or on the whole context at
/// once (``Body/whole(_:)``: ingest, publish).
public struct PipelineStep: Sendable {
    public enum Body: Sendable {
        case perRelease(@Sendable (inout PressRelease, PipelineContext) throws -> Void)
        case whole(@Sendable (inout PipelineContext) throws -> Void)
    }

    /// The registry name (`segment`, `align`, ...).
    public let name: String
    /// What the step does, for progress lines (`Segment sentences`).
    public let summary: String
    public let body: Body
    /// Everything besides the release itself that decides a per-release step's result: its
    /// options and the content of the files it reads (a glossary, a plugin). The build cache keys
    /// on it, so changing a glossary re-runs the check and nothing else.
    public var fingerprint: String
    /// A whole step that must not run when a release failed earlier (publishing keeps the
    /// previous complete site rather than publish a partial one).
    public var needsAllReleases: Bool
    /// A whole step that only reads the releases and writes files of its own (review material):
    /// the pipeline runs it alongside the steps after it, on a copy of the context, and waits for
    /// it before it ends; its messages and files join the context then, and its failure fails the
    /// run under its name (after the steps alongside it have run: their outputs do not depend on
    /// it). What it changes in the releases is not kept.
    public var runsAlongside: Bool
    /// What a per-release step can get ready before its first release (the check step's term
    /// indexes): a build starts it on another thread as soon as it finds a release the step will
    /// see, while it goes on loading the others. It must be safe to run at any time, once or not.
    public var warmUp: (@Sendable () -> Void)?

    public init(name: String, summary: String, fingerprint: String = "", needsAllReleases: Bool = false,
                runsAlongside: Bool = false, warmUp: (@Sendable () -> Void)? = nil, body: Body) {
        self.name = name
        self.summary = summary
        self.body = body
        self.fingerprint = fingerprint
        self.needsAllReleases = needsAllReleases
        self.runsAlongside = runsAlongside
        self.warmUp = warmUp
    }

    var isPerRelease: Bool {
        if case .perRelease = body { return true }
        return false
    }
}

/// A failure inside a step, naming the step and the release or file it was working on.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let step: String
    /// The release id or file, when the step was working on one.
    public let subject: String?
    public let underlying: any Error

    public init(step: String, subject: String?, underlying: any Error) {
        self.step = step
        self.subject = subject
        self.underlying = underlying
    }

    public var description: String {
        let place = subject.map { " on '\($0)'" } ?? ""
        return "step '\(step)'\(place): \(underlying)"
    }

    /// The exit code of the underlying error, 1 when it has none.
    public var exitCode: Int32 { (underlying as? UraError)?.exitCode ?? 1 }
}

/// What the pipeline tells its caller as it goes, for progress bars and logs.
public enum PipelineEvent: Sendable {
    /// Step `index` (0-based) of `count` starts; `total` releases will go through it (0 for a
    /// whole-context step), `cached` of them come from the cache instead.
    case stepStarted(index: Int, count: Int, name: String, summary: String, total: Int, cached: Int)
    /// `done` of `total` releases have gone through step `index`.
    case progress(index: Int, done: Int, total: Int)
    /// Step `index` finished after `seconds`.
    case stepFinished(index: Int, name: String, seconds: Double)
    /// Step `index` did not run, for `reason`.
    case stepSkipped(index: Int, name: String, reason: String)
}

/// Where results of per-release steps are kept between builds, keyed by content.
public protocol ReleaseCache: Sendable {
    /// The release stored under `key`, if any.
    func lookup(_ key: String) -> PressRelease?
    /// Stores `release` under `key`. Failing to store is not an error: the cache is an optimisation.
    func store(_ release: PressRelease, key: String)
    /// Makes what was stored last beyond this process (a cache may buffer stores until then).
    func finish() throws(UraError)
    /// The release stored under `key` with its ``ReleaseBinary/digest(_:)``, if any (a cache
    /// that keeps encoded releases has the digest for the cost of hashing the bytes).
    func lookupWithDigest(_ key: String) -> (release: PressRelease, digest: String)?
    /// Stores `release`, whose ``ReleaseBinary`` encoding is `encoding`, under `key`.
    func store(_ release: PressRelease, encoding: [UInt8], key: String)
}

extension ReleaseCache {
    /// Nothing to do for a cache that stores as it goes.
    public func finish() throws(UraError) {}

    /// ``lookup(_:)``, with the digest of the release's encoding.
    public func lookupWithDigest(_ key: String) -> (release: PressRelease, digest: String)? {
        lookup(key).map { ($0, ReleaseBinary.digest($0)) }
    }

    /// ``store(_:key:)``, for a cache that encodes releases its own way.
    public func store(_ release: PressRelease, encoding: [UInt8], key: String) { store(release, key: key) }
}

/// Timings of one run, per step.
public struct PipelineReport: Sendable {
    public var stepSeconds: [(name: String, seconds: Double)] = []
    /// Releases whose first-stage results came from the cache or a snapshot.
    public var cachedReleases = 0
    /// What the first per-release stage left: what a ``BuildSnapshot`` keeps for the next build.
    public var firstStage: StageOutcome?
}

/// The releases as they left a per-release stage, with what the pipeline knows of them.
public struct StageOutcome: Sendable {
    /// The stage's fingerprint (its steps and their fingerprints).
    public var fingerprint: String
    public var releases: [PressRelease]
    /// ``ReleaseBinary/digest(_:)`` of every release, by id.
    public var digests: [String: String]
    /// The ``ReleaseBinary`` encoding of each release the stage computed (not one taken from a
    /// cache or snapshot), by id: the pipeline encodes them anyway, so a snapshot need not.
    public var encodings: [String: [UInt8]]
}

/// An ordered list of steps run over one context.
public struct Pipeline: Sendable {
    public private(set) var steps: [PipelineStep]
    /// How many releases are processed at once (default: one per core).
    public var concurrency: Int
    /// Where per-release results are kept between builds; nil disables caching.
    public var cache: (any ReleaseCache)?

    public init(steps: [PipelineStep], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                cache: (any ReleaseCache)? = nil) {
        self.steps = steps
        self.concurrency = max(1, concurrency)
        self.cache = cache
    }

    /// Runs every step in order. Consecutive per-release steps form a stage whose result for a
    /// release is cached by the release's content and the steps' fingerprints; releases run
    /// concurrently. A release whose step fails leaves the build (recorded in
    /// `context.failures`) and the others go on; whole-context steps that need every release are
    /// then skipped.
    /// - Throws: ``PipelineError`` when a whole-context step fails.
    /// - Parameter preprocessed: ids of releases that already went through the first per-release
    ///   stage with today's fingerprint (taken from a snapshot): that stage leaves them as they are.
    /// - Parameter firstStageFinished: told what the first per-release stage left as soon as it is
    ///   done, before the steps after it run (a build starts saving its snapshot then).
    @discardableResult
    public func run(_ context: inout PipelineContext, preprocessed: Set<String> = [],
                    events: @escaping @Sendable (PipelineEvent) -> Void = { _ in },
                    firstStageFinished: (StageOutcome) -> Void = { _ in }) async throws(PipelineError) -> PipelineReport {
        var report = PipelineReport()
        var alongside: [AlongsideStep] = []
        do throws(PipelineError) {
            try await runSteps(&context, &report, &alongside, preprocessed, events, firstStageFinished)
        } catch {
            // Steps running alongside finish first: none is left writing when the run ends.
            _ = try? Self.join(alongside, &context, &report, events)
            throw error
        }
        try Self.join(alongside, &context, &report, events)
        return report
    }

    /// The steps of ``run(_:preprocessed:events:firstStageFinished:)``, in order; steps that run
    /// alongside are started and left in `alongside`.
    private func runSteps(_ context: inout PipelineContext, _ report: inout PipelineReport, _ alongside: inout [AlongsideStep],
                          _ preprocessed: Set<String>, _ events: @escaping @Sendable (PipelineEvent) -> Void,
                          _ firstStageFinished: (StageOutcome) -> Void) async throws(PipelineError) {
        var index = 0
        while index < steps.count {
            let step = steps[index]
            if case .whole(let body) = step.body {
                if step.needsAllReleases, !context.failures.isEmpty {
                    events(.stepSkipped(index: index, name: step.name,
                                        reason: "\(context.failures.count) release(s) failed; nothing was published and the previous output is kept"))
                    report.stepSeconds.append((step.name, 0))
                    index += 1
                    continue
                }
                events(.stepStarted(index: index, count: steps.count, name: step.name, summary: step.summary, total: 0, cached: 0))
                if step.runsAlongside {
                    alongside.append(AlongsideStep(index: index, step: step.name, slot: report.stepSeconds.count, context: context, body: body))
                    report.stepSeconds.append((step.name, 0))
                    index += 1
                    continue
                }
                let start = ContinuousClock.now
                do { try body(&context) } catch {
                    throw PipelineError(step: step.name, subject: (error as? UraError)?.file, underlying: error)
                }
                let seconds = (ContinuousClock.now - start).inSeconds
                report.stepSeconds.append((step.name, seconds))
                events(.stepFinished(index: index, name: step.name, seconds: seconds))
                index += 1
            } else {
                var end = index
                while end < steps.count, steps[end].isPerRelease { end += 1 }
                let first = report.firstStage == nil
                let encodings = try await runStage(index..<end, &context, &report, first ? preprocessed : [], events)
                if first {
                    let outcome = StageOutcome(fingerprint: stageFingerprint(index..<end), releases: context.releases,
                                               digests: context.digests, encodings: encodings)
                    report.firstStage = outcome
                    firstStageFinished(outcome)
                }
                index = end
            }
        }
    }

    /// Waits for the steps running alongside, in order, and brings what they did into `context`
    /// and `report`.
    /// - Throws: ``PipelineError`` for the first that failed.
    private static func join(_ alongside: [AlongsideStep], _ context: inout PipelineContext, _ report: inout PipelineReport,
                             _ events: @Sendable (PipelineEvent) -> Void) throws(PipelineError) {
        var failure: PipelineError?
        for pending in alongside {
            let (outcome, seconds) = pending.work.wait()
            switch outcome {
            case .success(let after):
                context.messages += after.messages.dropFirst(pending.messageCount)
                context.filesWritten += after.filesWritten.dropFirst(pending.fileCount)
                report.stepSeconds[pending.slot] = (pending.step, seconds)
                events(.stepFinished(index: pending.index, name: pending.step, seconds: seconds))
            case .failure(let error):
                if failure == nil {
                    failure = PipelineError(step: pending.step, subject: (error as? UraError)?.file, underlying: error)
                }
            }
        }
        if let failure { throw failure }
    }

    /// Starts every step's ``PipelineStep/warmUp`` as ``Background`` work (on threads of its own:
    /// the loading that triggers a warm-up keeps Dispatch's threads busy), and returns.
    public func warmUp() {
        for warmUp in steps.compactMap(\.warmUp) { _ = Background(warmUp) }
    }

    /// The fingerprint of the first per-release stage (what a snapshot entry must match), or nil
    /// when the pipeline has no per-release step.
    public var firstStageFingerprint: String? {
        guard let start = steps.firstIndex(where: \.isPerRelease) else { return nil }
        var end = start
        while end < steps.count, steps[end].isPerRelease { end += 1 }
        return stageFingerprint(start..<end)
    }

    private func stageFingerprint(_ range: Range<Int>) -> String {
        Self.cacheVersion + "\u{1E}" + steps[range].map { "\($0.name)\u{1F}\($0.fingerprint)" }.joined(separator: "\u{1E}")
    }

    /// Runs the per-release steps `range` as one cached stage; returns the encodings of the
    /// releases it computed, by id.
    private func runStage(_ range: Range<Int>, _ context: inout PipelineContext, _ report: inout PipelineReport,
                          _ preprocessed: Set<String>, _ events: @escaping @Sendable (PipelineEvent) -> Void)
        async throws(PipelineError) -> [String: [UInt8]] {
        let stage = Array(steps[range])
        let fingerprint = stageFingerprint(range)
        let inputs = context.releases
        let cache = self.cache

        // 1. Which releases are already done: given as preprocessed, or found in the cache by
        //    their content and the stage's fingerprint.
        //    Preprocessed releases are passed over without a task each (an incremental build has
        //    thousands and one change).
        let candidates = inputs.indices.filter { !preprocessed.contains(inputs[$0].id) }
        let lookups: [(key: String?, cached: (release: PressRelease, digest: String)?)] = await Self.concurrentMap(
            candidates, workers: concurrency
        ) { position in
            guard let cache else { return (nil, nil) }
            var hasher = SHA256()
            hasher.update(field: fingerprint)
            hasher.update(ReleaseBinary.encode(inputs[position]))
            let key = hasher.hexDigest()
            return (key, cache.lookupWithDigest(key))
        }
        var results = inputs
        var digests = context.digests
        var pending: [Int] = []
        var cacheKeys: [Int: String] = [:]
        for (position, lookup) in zip(candidates, lookups) {
            cacheKeys[position] = lookup.key
            if let cached = lookup.cached {
                results[position] = cached.release
                digests[cached.release.id] = cached.digest
            } else {
                pending.append(position)
            }
        }
        report.cachedReleases += inputs.count - pending.count

        // 2. The steps, one concurrent pass each over the releases not in the cache.
        var failed: [Int: PipelineError] = [:]
        for (offset, step) in stage.enumerated() {
            let stepIndex = range.lowerBound + offset
            guard case .perRelease(let body) = step.body else { continue }
            let work = pending.filter { failed[$0] == nil }
            events(.stepStarted(index: stepIndex, count: steps.count, name: step.name, summary: step.summary,
                                total: inputs.count, cached: inputs.count - pending.count))
            let start = ContinuousClock.now
            let snapshot = context
            let current = results
            let alreadyDone = inputs.count - work.count
            let outcomes: [Result<PressRelease, PipelineError>] = await Self.concurrentMap(
                work, workers: concurrency,
                progress: { done in events(.progress(index: stepIndex, done: done + alreadyDone, total: inputs.count)) }
            ) { position in
                var release = current[position]
                do {
                    try body(&release, snapshot)
                    return .success(release)
                } catch {
                    return .failure(PipelineError(step: step.name, subject: release.id, underlying: error))
                }
            }
            for (position, outcome) in zip(work, outcomes) {
                switch outcome {
                case .success(let release): results[position] = release
                case .failure(let error): failed[position] = error
                }
            }
            let seconds = (ContinuousClock.now - start).inSeconds
            report.stepSeconds.append((step.name, seconds))
            events(.stepFinished(index: stepIndex, name: step.name, seconds: seconds))
        }

        // 3. Remember what was computed, and its digest; failed releases leave the build.
        let stored = pending.filter { failed[$0] == nil }
        let (finished, storeKeys) = (results, cacheKeys)
        let encoded = await Self.concurrentMap(stored, workers: concurrency) { position -> (encoding: [UInt8], digest: String) in
            let encoding = ReleaseBinary.encode(finished[position])
            if let cache, let key = storeKeys[position] { cache.store(finished[position], encoding: encoding, key: key) }
            return (encoding, ContentDigest.hex(encoding))
        }
        var encodingsByID: [String: [UInt8]] = [:]
        encodingsByID.reserveCapacity(stored.count)
        for (position, release) in zip(stored, encoded) {
            digests[results[position].id] = release.digest
            encodingsByID[results[position].id] = release.encoding
        }
        for position in failed.keys { digests[results[position].id] = nil }
        context.digests = digests
        // Copied only when a release failed (a build of thousands passes most through unchanged).
        context.releases = failed.isEmpty ? results : results.enumerated().filter { failed[$0.offset] == nil }.map(\.element)
        context.failures += failed.keys.sorted().compactMap { failed[$0] }
        return encodingsByID
    }

    /// Bumped when the meaning of cached results changes, so old entries are never reused.
    public static let cacheVersion = "ura-cache-1"

    /// `transform` applied to every element, `workers` at a time, results in input order.
    /// Elements are handed out in chunks so thousands of small releases do not cost thousands of
    /// tasks, 32 chunks per worker: a step's last chunk runs alone on one core, so smaller chunks
    /// leave less idle at the end of each step (measured: align and check a few hundredths of a
    /// second faster at 2,000 releases than with 8). `progress` hears the number done after each chunk.
    static func concurrentMap<Element: Sendable, Output: Sendable>(
        _ elements: [Element], workers: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ transform: @escaping @Sendable (Element) -> Output
    ) async -> [Output] {
        if elements.isEmpty { return [] }
        let chunk = max(1, elements.count / (workers * 32))
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var running = 0
            var collected: [(Int, [Output])] = []
            var done = 0
            func launch() {
                let start = next
                let end = min(elements.count, start + chunk)
                next = end
                running += 1
                group.addTask { (start, elements[start..<end].map(transform)) }
            }
            while running < workers && next < elements.count { launch() }
            while let finished = await group.next() {
                running -= 1
                collected.append(finished)
                done += finished.1.count
                progress?(done)
                if next < elements.count { launch() }
            }
            return collected.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

/// A whole step running on a thread of its own, on a copy of the context (see
/// ``PipelineStep/runsAlongside``).
private struct AlongsideStep {
    let index: Int
    let step: String
    /// Where its time goes in the report's step times.
    let slot: Int
    /// How many messages and files the context had when it started: what it adds comes after.
    let messageCount: Int
    let fileCount: Int
    /// The step's body on its copy of the context.
    let work: Background<PipelineContext, any Error>

    init(index: Int, step: String, slot: Int, context: PipelineContext,
         body: @escaping @Sendable (inout PipelineContext) throws -> Void) {
        self.index = index
        self.step = step
        self.slot = slot
        self.messageCount = context.messages.count
        self.fileCount = context.filesWritten.count
        self.work = Background {
            var copy = context
            try body(&copy)
            return copy
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Steps by name, so a pipeline can be described as a list of names (in configuration or on the
/// command line) and new steps can be plugged in without touching the pipeline.
public struct StepRegistry: Sendable {
    public typealias Factory = @Sendable ([String: String]) throws -> PipelineStep

    private var factories: [String: Factory] = [:]
    private var order: [String] = []

    public init() {}

    /// Registers (or replaces) the step called `name`.
    public mutating func register(_ name: String, _ factory: @escaping Factory) {
        if factories[name] == nil { order.append(name) }
        factories[name] = factory
    }

    /// Registered names, in registration order.
    public var names: [String] { order }

    /// Whether a step called `name` is registered.
    public func contains(_ name: String) -> Bool { factories[name] != nil }

    /// The step called `name`, built with `options`. The options become part of the step's
    /// fingerprint.
    public func make(_ name: String, options: [String: String] = [:]) throws(UraError) -> PipelineStep {
        guard let factory = factories[name] else {
            throw UraError(.usage, "unknown step '\(name)' (known: \(order.joined(separator: ", ")))")
        }
        var step: PipelineStep
        do {
            step = try factory(options)
        } catch let error as UraError {
            throw error
        } catch {
            throw UraError(.usage, "step '\(name)': \(error)")
        }
        let optionText = options.keys.sorted().map { "\($0)=\(options[$0] ?? "")" }.joined(separator: "\u{1F}")
        step.fingerprint = optionText + "\u{1D}" + step.fingerprint
        return step
    }

    /// A pipeline of the named steps, in the given order.
    public func pipeline(_ names: [String], options: [String: [String: String]] = [:]) throws(UraError) -> Pipeline {
        var steps: [PipelineStep] = []
        for name in names { steps.append(try make(name, options: options[name] ?? [:])) }
        return Pipeline(steps: steps)
    }
}
