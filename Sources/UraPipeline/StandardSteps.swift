import UraAlign
import UraCore
import UraPublish
import UraTerminology
import UraText
import UraIngest

/// The steps Ura ships, registered by name; external steps come from configuration.
public enum StandardSteps {
    /// A registry holding every built-in step.
    public static func registry() -> StepRegistry {
        var registry = StepRegistry()
        registry.register(SegmentStep.name, SegmentStep.make)
        registry.register(IngestStep.name, IngestStep.make)
        registry.register(PublishStep.name, PublishStep.make)
        registry.register(CheckStep.name, CheckStep.make)
        registry.register(AlignStep.name, AlignStep.make)
        return registry
    }

    /// The steps `ura build` runs when nothing else is configured, in order.
    public static let defaultOrder = [SegmentStep.name, PublishStep.name]
}
