import Foundation

/// Whether the REPL is running a statement, read from any thread. The spinner draws only then:
/// at the prompt, a wait belongs to Tab completion fetching a listing, and a spinner there would
/// erase the prompt and what has been typed.
final class StatementFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false

    /// Whether a statement is running.
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Runs `work` with the flag raised.
    func whileRunning<T>(_ work: () throws -> T) rethrows -> T {
        set(true)
        defer { set(false) }
        return try work()
    }

    private func set(_ value: Bool) {
        lock.lock()
        running = value
        lock.unlock()
    }
}
