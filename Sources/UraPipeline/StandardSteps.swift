import Foundation
import UraAlign
import UraCore
import UraIngest
import UraPublish
import UraTerminology
import UraText

/// The steps Ura ships, registered by name; external steps come from configuration.
public enum StandardSteps {
    /// A registry holding every built-in step.
    public static func registry() -> StepRegistry {
        var registry = StepRegistry()
        registry.register(IngestStep.name, IngestStep.make)
        registry.register(SegmentStep.name, SegmentStep.make)
        registry.register(AlignStep.name) { options in
            var step = try AlignStep.make(options: options)
            step.fingerprint += fileFingerprint(options["lexicon"].map { [$0] } ?? [])
            return step
        }
        registry.register(CheckStep.name) { options in
            // The check's results depend on the glossaries' content, not only their names.
            var step = try CheckStep.make(options: options)
            step.fingerprint += fileFingerprint(glossaryPaths(options))
            return step
        }
        registry.register(ReviewStep.name, ReviewStep.make)
        registry.register(PublishStep.name, PublishStep.make)
        return registry
    }

    /// The steps `ura build` runs when nothing else is configured, in order.
    public static let defaultOrder = [SegmentStep.name, AlignStep.name, CheckStep.name, ReviewStep.name, PublishStep.name]

    /// `release` taken through the named per-release steps, in order, outside a build (the
    /// approval gate, `ura check` on a bundle).
    public static func process(_ release: PressRelease, through names: [String],
                               options: [String: [String: String]] = [:]) throws -> PressRelease {
        var release = release
        let registry = registry()
        let context = PipelineContext(releases: [release], options: options)
        for name in names {
            let step = try registry.make(name, options: options[name] ?? [:])
            if case .perRelease(let body) = step.body { try body(&release, context) }
        }
        return release
    }

    /// The approval gate: the release segmented, aligned and checked against `glossaries`; its
    /// findings decide whether it may be approved.
    public static func approvalGate(glossaries: [String]) -> @Sendable (PressRelease) throws -> [Finding] {
        { release in
            try process(release, through: [SegmentStep.name, AlignStep.name, CheckStep.name],
                        options: [CheckStep.name: ["glossary": glossaries.joined(separator: ",")]]).findings ?? []
        }
    }

    /// The glossary paths of the check step's options.
    static func glossaryPaths(_ options: [String: String]) -> [String] {
        (options["glossary"] ?? CheckStep.defaultGlossary).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// A digest of the files' contents (a missing file counts as empty: the step itself reports it).
    static func fileFingerprint(_ paths: [String]) -> String {
        var hasher = SHA256()
        for path in paths {
            hasher.update(field: path)
            hasher.update(FileManager.default.contents(atPath: path) ?? Data())
        }
        return hasher.hexDigest()
    }
}
