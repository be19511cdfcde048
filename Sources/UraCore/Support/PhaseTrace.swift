import Foundation

/// Timings of the phases inside a step, printed to standard error when the environment sets
/// `URA_TRACE=1` (`trace: publish.keys 12.3 ms`): where a build's time goes, without a profiler.
/// Otherwise it costs one environment look-up per process.
public struct PhaseTrace {
    /// Whether `URA_TRACE=1` is set.
    public static let enabled = ProcessInfo.processInfo.environment["URA_TRACE"] == "1"

    /// When the first trace of the process began: each line also says how far into the build its
    /// phase ended (`@ 84.0`), which shows what runs alongside what.
    private static let origin = ContinuousClock.now

    private var last = ContinuousClock.now

    /// A trace whose first phase starts now.
    public init() { _ = Self.origin }

    /// Ends the phase that began at the previous mark (or at `init`), printing it as `label`.
    public mutating func mark(_ label: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = ContinuousClock.now
        let milliseconds = (now - last).inSeconds * 1000
        last = now
        let elapsed = (now - Self.origin).inSeconds * 1000
        FileHandle.standardError.write(Data("trace: \(label()) \(String(format: "%.1f ms @ %.1f", milliseconds, elapsed))\n".utf8))
    }
}
