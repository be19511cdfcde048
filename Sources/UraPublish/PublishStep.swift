import Dispatch
import Synchronization
import UraCore

/// The pipeline's `publish` step (whole context): publishes the approved releases with the
/// step's options (`out`, `xslt`, `base-url`, `site-title`, `build-date`, `pdf`).
public enum PublishStep {
    /// The step's registry name.
    public static let name = "publish"

    /// The step, configured by `options`.
    public static func make(_ options: [String: String]) throws -> PipelineStep {
        let publishOptions = try PublishOptions(stepOptions: options)
        // The published site's manifests and the stylesheets are read from now on, while the
        // build lists and loads the corpus (they do not depend on it).
        // Taken by the first run only: a step run again (a test, a long-lived caller) reads afresh.
        let prefetched = Mutex<Publisher.Prefetch?>(Publisher.Prefetch(options: publishOptions))
        // needsAllReleases: when a release failed earlier in the build, nothing is published
        // and the previous site stays.
        return PipelineStep(name: name, summary: "Publish approved releases", needsAllReleases: true, body: .whole { context in
            let prefetch = prefetched.withLock { $0.take() } ?? Publisher.Prefetch(options: publishOptions)
            // What it read (manifests of thousands of files) is freed on another thread: the
            // build is waiting for this step.
            defer { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(prefetch) {} } }
            let report = try Publisher.publish(context.releases, prefetched: prefetch, digests: context.digests)
            context.messages.append(contentsOf: report.lines)
        })
    }
}
