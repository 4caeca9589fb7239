import BarrackScript
import Dispatch

/// Runs async work from a built-in, which runs on an ordinary evaluator thread: the interpreter
/// lock is released while the work is in flight (so `parallel for` iterations overlap their
/// requests), and an interrupt cancels the work within a tenth of a second.
enum BlockingBridge {
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    static func run<T: Sendable>(_ call: BuiltinCall, _ work: @escaping @Sendable () async throws -> T) throws -> T {
        // A script stopped by Ctrl-C or its time limit never sends another request.
        if call.isInterruptPending { throw call.takeInterrupt() }
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do {
                outcome.result = .success(try await work())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        let interpreter = call.interpreter
        interpreter.activity?(.waitStarted)
        defer { interpreter.activity?(.waitEnded) }
        call.withoutLock {
            while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                if call.isInterruptPending { task.cancel() }
            }
        }
        guard let result = outcome.result else {
            throw call.takeInterrupt()
        }
        if case .failure = result, call.isInterruptPending {
            throw call.takeInterrupt("interrupted while waiting for the platform")
        }
        return try result.get()
    }
}
