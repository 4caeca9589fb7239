#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interpreter lock: script code runs only while holding it, so no two threads ever evaluate
/// at once and script values need no locks of their own. Threads release it around blocking work
/// (sleeps, network requests), which is where `parallel for` gains its overlap.
public final class InterpreterLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Takes the lock, waiting for it if another thread holds it.
    public func acquire() { pthread_mutex_lock(mutex) }

    /// Gives the lock up.
    public func release() { pthread_mutex_unlock(mutex) }

    /// Runs `work` without the lock, then takes it back.
    public func withoutLock<T>(_ work: () throws -> T) rethrows -> T {
        release()
        defer { acquire() }
        return try work()
    }
}
