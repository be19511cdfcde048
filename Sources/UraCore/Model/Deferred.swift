import Synchronization

/// A part of a release that is decoded the first time something reads it: what lets a build
/// take thousands of unchanged releases from its snapshot (``BuildSnapshot``) without turning
/// their paragraphs, sentences and alignments into strings and arrays, when all it reads of them
/// is their title, date and digest (see ``ReleaseBinary/decode(_:)-(ArraySlice<UInt8>)``).
///
/// A value type like any other: copies share the decoding (done once, under a lock, whichever
/// copy reads first), and a write replaces the value in this copy only.
struct Deferred<Value: Sendable>: Sendable {
    private enum Storage: Sendable {
        case ready(Value)
        case pending(DeferredDecoding<Value>)
        /// Only while ``value`` is being modified in place.
        case moved
    }

    private var storage: Storage

    /// A value already there.
    init(_ value: Value) {
        storage = .ready(value)
    }

    /// A value `decode` makes when it is first read.
    init(decoding decode: @escaping @Sendable () -> Value) {
        storage = .pending(DeferredDecoding(decode))
    }

    /// The value, decoded now if it was not yet.
    var value: Value {
        get {
            switch storage {
            case .ready(let value): return value
            case .pending(let decoding): return decoding.value
            case .moved: preconditionFailure("Deferred value read while it is being modified")
            }
        }
        _modify {
            // Taken out first, so that the value is held once and changed in place (no copy).
            var value = self.value
            storage = .moved
            defer { storage = .ready(value) }
            yield &value
        }
    }

    /// Whether the value has been decoded (or was given): for tests and traces.
    var isDecoded: Bool {
        switch storage {
        case .ready, .moved: return true
        case .pending(let decoding): return decoding.isDecoded
        }
    }
}

/// How many deferred parts were decoded in this process (counted when `URA_TRACE=1`): what shows
/// that an incremental build leaves the unchanged releases' bodies alone.
public let deferredDecodings = Atomic<Int>(0)

/// The shared, decode-once part of a pending ``Deferred``.
final class DeferredDecoding<Value: Sendable>: Sendable {
    private let decode: @Sendable () -> Value
    private let decoded = Mutex<Value?>(nil)

    init(_ decode: @escaping @Sendable () -> Value) {
        self.decode = decode
    }

    var value: Value {
        decoded.withLock { decoded in
            if let value = decoded { return value }
            let value = decode()
            decoded = value
            if PhaseTrace.enabled { deferredDecodings.add(1, ordering: .relaxed) }
            return value
        }
    }

    var isDecoded: Bool { decoded.withLock { $0 != nil } }
}
