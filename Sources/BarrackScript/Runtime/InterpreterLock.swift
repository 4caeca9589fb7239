#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The interpreter lock: script code runs only while holding it, so no two threads ever evaluate
/// at once and script values need no locks of their own. Threads release it around blocking work
/// (sleeps, network requests), which is where `parallel for` gains its overlap.
///
/// It is re-entrant: a built-in (which runs holding the lock) may call back into the interpreter
/// — `call`, `compile`, `register`, `define` — without deadlocking, and `withoutLock` gives up
/// every level the calling thread holds, so that a `parallel for` started from such a nested call
/// still lets its workers in.
public final class InterpreterLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// The thread holding the lock (0 when none); read by other threads to tell "mine" from "not".
    private let owner = Atomic<UInt>(0)
    /// How many times the owner acquired it; touched only by the owner.
    private var depth = 0

    init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }

    /// Whether the calling thread holds the lock.
    public var isHeldByCurrentThread: Bool {
        owner.load(ordering: .relaxed) == InterpreterLock.currentThread
    }

    /// Takes the lock, waiting for it if another thread holds it.
    public func acquire() {
        let me = InterpreterLock.currentThread
        if owner.load(ordering: .relaxed) == me {
            depth += 1
            return
        }
        pthread_mutex_lock(mutex)
        owner.store(me, ordering: .relaxed)
        depth = 1
    }

    /// Gives up one level of the lock.
    public func release() {
        depth -= 1
        guard depth == 0 else { return }
        owner.store(0, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
    }

    /// Runs `work` without the lock (every level the calling thread holds), then takes it back.
    public func withoutLock<T>(_ work: () throws -> T) rethrows -> T {
        let levels = depth
        depth = 0
        owner.store(0, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
        defer {
            pthread_mutex_lock(mutex)
            owner.store(InterpreterLock.currentThread, ordering: .relaxed)
            depth = levels
        }
        return try work()
    }

    /// Runs `work` holding the lock.
    func withLock<T>(_ work: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try work()
    }
}
