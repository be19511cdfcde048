import UraAlign
import UraCore
import UraText

/// The steps Ura ships, registered by name. Later stages (ingest, align, check, publish) add
/// themselves here; external steps come from configuration.
public enum StandardSteps {
    /// A registry holding every built-in step.
    public static func registry() -> StepRegistry {
        var registry = StepRegistry()
        registry.register(SegmentStep.name, SegmentStep.make)
        registry.register(AlignStep.name, AlignStep.make)
        return registry
    }

    /// The steps `ura build` runs when nothing else is configured, in order.
    public static let defaultOrder = [SegmentStep.name]
}
