import Foundation

/// Work started on another thread now and waited for later: a build reads files and writes its
/// caches while it goes on with what does not need them yet.
public final class Background<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, on the work's thread, before the group is left; read only after waiting.
    private var outcome: Result<Value, Failure>?
    private var seconds = 0.0

    /// Starts `work` on a thread of its own.
    ///
    /// Not on Dispatch's global queue: its threads are as many as the cores, and the work that
    /// runs beside background work (``Parallel/map(_:_:)``, the pipeline's steps) takes them all,
    /// so work queued there waited for that to finish (measured: the snapshot, read "while" the
    /// corpus was listed, was read after it).
    public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        group.enter()
        let thread = Thread {
            let start = ContinuousClock.now
            do throws(Failure) {
                self.outcome = .success(try work())
            } catch {
                self.outcome = .failure(error)
            }
            self.seconds = (ContinuousClock.now - start).inSeconds
            self.group.leave()
        }
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// What the work returned or threw, and how long it took, once it is done.
    public func wait() -> (outcome: Result<Value, Failure>, seconds: Double) {
        group.wait()
        guard let outcome else { preconditionFailure("the work left no outcome") }
        return (outcome, seconds)
    }

    /// What the work returned, once it is done; what it threw is thrown.
    public func value() throws(Failure) -> Value {
        try wait().outcome.get()
    }
}
