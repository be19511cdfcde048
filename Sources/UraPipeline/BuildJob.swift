import Foundation
import Synchronization
import UraCore
import UraICU
import UraTerminology

/// `ura build`: load the corpus, assemble the pipeline from the configuration (built-in steps by
/// name, plugins, per-step options), run it with the content cache, and summarise.
public struct BuildJob: Sendable {
    public var configuration: BuildConfiguration
    /// The folder relative paths of the configuration are resolved against.
    public var directory: String

    public init(configuration: BuildConfiguration, directory: String = FileManager.default.currentDirectoryPath) {
        self.configuration = configuration
        self.directory = directory
    }

    /// The steps to run, in order: `steps` from the configuration (or the default order), with
    /// each plugin placed after the step it names (at the end of the per-release steps otherwise).
    public func stepNames(registry: StepRegistry) -> [String] {
        var names = configuration.steps ?? StandardSteps.defaultOrder
        for plugin in configuration.plugins where !names.contains(plugin.name) {
            if let after = plugin.after, let position = names.firstIndex(of: after) {
                names.insert(plugin.name, at: position + 1)
            } else if let publish = names.firstIndex(of: "publish") {
                names.insert(plugin.name, at: publish)
            } else {
                names.append(plugin.name)
            }
        }
        return names
    }

    /// The pipeline this job runs.
    public func pipeline() throws(UraError) -> Pipeline {
        var registry = StandardSteps.registry()
        for plugin in configuration.plugins {
            let step = try ExternalStep.make(plugin, directory: configurationDirectory)
            registry.register(plugin.name) { _ in step }
        }
        var pipeline = try registry.pipeline(stepNames(registry: registry), options: stepOptions())
        if let jobs = configuration.jobs { pipeline.concurrency = jobs }
        if let cache = configuration.cache {
            pipeline.cache = DirectoryReleaseCache(directory: resolve(cache), salt: "ura \(Self.version) icu \(ICU.version)")
        }
        return pipeline
    }

    /// Options per step: the configuration's `options`, plus the shared settings each built-in
    /// step needs (glossaries for `check`, output and site settings for `publish`).
    public func stepOptions() -> [String: [String: String]] {
        var options = configuration.options
        func add(_ step: String, _ name: String, _ value: String) {
            if options[step]?[name] == nil { options[step, default: [:]][name] = value }
        }
        add("check", "glossary", configuration.glossaries.map(resolve).joined(separator: ","))
        add("publish", "out", resolve(configuration.output))
        add("publish", "xslt", resolve(configuration.stylesheets))
        add("publish", "base-url", configuration.baseURL)
        add("publish", "site-title", configuration.siteTitle)
        add("review", "out", resolve(configuration.review))
        if let inbox = configuration.inbox { add("ingest", "inbox", resolve(inbox)) }
        return options
    }

    /// Runs the build. Per-release failures are in the result's context; a failing whole step
    /// throws.
    ///
    /// With a cache folder, releases whose files are unchanged since the last build (same `stat`
    /// signature) and whose first stage is unchanged come from the snapshot without being read;
    /// the others are loaded and processed (their stage results may still come from the content
    /// cache). The snapshot and the content cache are written once the per-release stage is
    /// done, on a thread of their own while the later steps run.
    public func run(events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) async throws -> BuildResult {
        let start = ContinuousClock.now
        var trace = PhaseTrace()
        // Hunspell's stems are kept with the cache, so a rebuild opens no dictionary it does not need.
        if let cache = configuration.cache { StemFiles.shared.use(directory: resolve(cache) + "/hunspell") }
        let corpus = Corpus(directory: resolve(configuration.corpus))
        let snapshot = configuration.cache.map { BuildSnapshot(directory: resolve($0) + "/snapshot") }
        let loadStart = ContinuousClock.now
        // The corpus is listed and the snapshot's buckets read while the steps are made (which
        // reads glossaries and starts compiling stylesheets on one thread): neither needs them.
        let preloading = snapshot.map { snapshot in
            Background {
                var trace = PhaseTrace()
                snapshot.preload()
                trace.mark("build.preload (on its own thread)")
            }
        }
        let listing = Background { () throws(UraError) in try corpus.listing() }
        let pipeline = try pipeline()
        let fingerprint = pipeline.firstStageFingerprint ?? ""
        trace.mark("build.setup")

        let listed = try listing.value()
        let signatures = Signatures(capacity: listed.count)
        trace.mark("build.listed")
        _ = preloading?.wait()
        trace.mark("build.listing")
        // A release the snapshot cannot serve will go through the steps: they get ready (the
        // checker's term indexes) while the others load. Told from the signatures before anything
        // is decoded: found while loading, an edited release in the middle of the corpus started
        // them halfway through, and the steps then waited for them (13 ms of a 0.12 s build).
        let warming = Once { pipeline.warmUp() }
        if let snapshot, listed.contains(where: { !snapshot.serves($0.id, signature: $0.signature, fingerprint: fingerprint) }) {
            warming.run()
        }
        let releases = try corpus.loadAll(listed) { id, signature in
            let reused = snapshot?.release(id, signature: signature, fingerprint: fingerprint)
            signatures.set(id, signature, reusedDigest: reused?.digest)
            if reused == nil { warming.run() }
            return reused?.release
        }
        trace.mark("build.load")
        var context = PipelineContext(corpus: corpus, releases: releases, options: stepOptions())
        context.digests = signatures.reusedDigests
        let loadSeconds = (ContinuousClock.now - loadStart).inSeconds

        // The caches are written while the steps after the first stage run (review material and
        // publishing leave a core idle now and then): the first stage's results are final once it
        // is done, whatever happens after it.
        var saving: Background<Void, UraError>?
        var report: PipelineReport
        do {
            report = try await pipeline.run(&context, preprocessed: signatures.reusedIDs, events: events) { outcome in
                saving = Background { () throws(UraError) in
                    try pipeline.cache?.finish()
                    if let snapshot { try Self.save(outcome, to: snapshot, signatures: signatures, corpus: corpus) }
                }
            }
        } catch {
            // What the per-release stages computed is still right: keep it for the next build.
            if saving == nil { try? pipeline.cache?.finish() }
            try? saving?.value()
            throw error
        }
        trace.mark("build.pipeline")
        report.stepSeconds.insert(("load", loadSeconds), at: 0)
        if saving == nil { try pipeline.cache?.finish() }
        try saving?.value()
        try StemFiles.shared.save()
        trace.mark("build.snapshot (deferred parts decoded: \(deferredDecodings.load(ordering: .relaxed)))")
        return BuildResult(context: context, report: report, seconds: (ContinuousClock.now - start).inSeconds)
    }

    /// Records what the first stage computed in `snapshot` (releases it served are there already)
    /// and writes it.
    private static func save(_ outcome: StageOutcome, to snapshot: BuildSnapshot, signatures: Signatures,
                             corpus: Corpus) throws(UraError) {
        let reused = signatures.reusedIDs
        // Recorded on every core (each bucket has its own lock).
        _ = Parallel.map(outcome.releases.filter { !reused.contains($0.id) }) { release -> Bool in
            // A release a whole step added (ingest) was not signed while loading.
            let signature = signatures.get(release.id) ?? corpus.fileSignature(release.id)
            if !signature.isEmpty {
                snapshot.record(release, signature: signature, fingerprint: outcome.fingerprint,
                                encoding: outcome.encodings[release.id], digest: outcome.digests[release.id])
            }
            return true
        }
        snapshot.prune(keeping: Set(outcome.releases.map(\.id)))
        try snapshot.finish()
    }

    /// Ura's version, part of every cache key.
    public static let version = "0.1.0"

    private var configurationDirectory: String {
        configuration.source.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: directory)).deletingLastPathComponent().path } ?? directory
    }

    /// `path` resolved against the configuration's folder.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : configurationDirectory + "/" + path
    }
}

/// What a build did.
public struct BuildResult: Sendable {
    public var context: PipelineContext
    public var report: PipelineReport
    /// Wall-clock seconds of the whole build.
    public var seconds: Double

    /// The machine summary printed by `ura build --json`:
    /// `{"releases": {"total", "draft", "in-review", "approved", "failed"}, "findings": {"term-missing": 3, ...},
    ///   "files_written": N, "steps": [{"name", "seconds"}], "cached_releases": N, "seconds": S,
    ///   "failures": [{"step", "release", "message"}]}`
    public func json() -> [String: Any] {
        var statuses: [String: Int] = ["total": context.releases.count + context.failures.count, "failed": context.failures.count]
        for status in PressRelease.Status.allCases { statuses[status.rawValue] = 0 }
        var findings: [String: Int] = [:]
        // By position: thousands of releases, each read in place rather than copied.
        for index in context.releases.indices {
            statuses[context.releases[index].status.rawValue, default: 0] += 1
            for finding in context.releases[index].findings ?? [] { findings[finding.rule, default: 0] += 1 }
        }
        return [
            "releases": statuses,
            "findings": findings,
            "files_written": context.filesWritten.count,
            "steps": report.stepSeconds.map { ["name": $0.name, "seconds": ($0.seconds * 1000).rounded() / 1000] },
            "cached_releases": report.cachedReleases,
            "seconds": (seconds * 1000).rounded() / 1000,
            "failures": context.failures.map { ["step": $0.step, "release": $0.subject ?? "", "message": "\($0.underlying)"] },
        ]
    }
}

/// An action run the first time it is asked for, from any thread, and never again.
private final class Once: Sendable {
    private let action: @Sendable () -> Void
    private let done = Mutex(false)

    init(_ action: @escaping @Sendable () -> Void) { self.action = action }

    func run() {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        if first { action() }
    }
}

/// File signatures gathered while loading concurrently, and which releases the snapshot served
/// (with their digests).
private final class Signatures: @unchecked Sendable {
    private var values: [String: String] = [:]
    private var reused: [String: String] = [:]
    private let lock = NSLock()

    /// Room for `capacity` releases from the start: grown from empty, the two dictionaries of
    /// 2,000 ids were rehashed a dozen times each while the corpus loaded.
    init(capacity: Int) {
        values.reserveCapacity(capacity)
        reused.reserveCapacity(capacity)
    }

    func set(_ id: String, _ signature: String, reusedDigest: String?) {
        lock.withLock {
            values[id] = signature
            if let reusedDigest { reused[id] = reusedDigest }
        }
    }

    func get(_ id: String) -> String? { lock.withLock { values[id] } }

    var reusedIDs: Set<String> { lock.withLock { Set(reused.keys) } }

    /// ``ReleaseBinary/digest(_:)`` of the releases the snapshot served, by id.
    var reusedDigests: [String: String] { lock.withLock { reused } }
}
