#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts threads with stacks big enough for deep script recursion.
///
/// The evaluator recurses once per nested call and expression; 512 MiB of (lazily committed)
/// stack holds `Interpreter.maxCallDepth` calls even in a debug build, so a runaway recursion ends
/// in the catchable `RECURSION_LIMIT`, never in a crash.
public enum ThreadLauncher {
    /// The stack size of an evaluator thread.
    public static let stackSize = 512 << 20

    private final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new thread with a large stack and waits for it to finish.
    public static func runAndWait(_ body: @escaping () -> Void) {
        if let thread = start(body) { join(thread) } else { body() }
    }

    /// Runs `body` on a new thread with a large stack without waiting for it (on the calling
    /// thread when the system refuses a new one).
    public static func detach(_ body: @escaping () -> Void) {
        if let thread = start(body) { pthread_detach(thread) } else { body() }
    }

    /// Starts `body` on a new thread with a large stack; nil if the system refused.
    static func start(_ body: @escaping () -> Void, stackSize: Int = ThreadLauncher.stackSize) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { pointer in
            guard let pointer else { return nil }
            let work = Unmanaged<Work>.fromOpaque(pointer).takeRetainedValue()
            work.body()
            return nil
        }, work)
        guard status == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
        return thread
    }

    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}
