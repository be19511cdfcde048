import UraCore

/// The pipeline's `publish` step (whole context): publishes the approved releases with the
/// step's options (`out`, `xslt`, `base-url`, `site-title`, `build-date`, `pdf`).
public enum PublishStep {
    /// The step's registry name.
    public static let name = "publish"

    /// The step, configured by `options`.
    public static func make(_ options: [String: String]) throws -> PipelineStep {
        let publishOptions = try PublishOptions(stepOptions: options)
        // needsAllReleases: when a release failed earlier in the build, nothing is published
        // and the previous site stays.
        return PipelineStep(name: name, summary: "Publish approved releases", needsAllReleases: true, body: .whole { context in
            let report = try Publisher.publish(context.releases, options: publishOptions, digests: context.digests)
            context.messages.append(contentsOf: report.lines)
        })
    }
}
