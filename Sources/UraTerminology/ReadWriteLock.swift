#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock that lets any number of readers in at once, or one writer: a `pthread_rwlock_t`.
///
/// For tables that threads read far more often than they add to, so that two readers never wait
/// for each other (a `Mutex` makes the second one sleep until the first is done).
final class ReadWriteLock: @unchecked Sendable {
    // Unchecked: the pthread lock is made to be shared between threads; it stays at one address.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// `body`'s result, `body` run while other readers may run too, but no writer.
    func reading<Result>(_ body: () -> Result) -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }

    /// `body`'s result, `body` run while no other reader or writer runs.
    func writing<Result>(_ body: () -> Result) -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }
}
