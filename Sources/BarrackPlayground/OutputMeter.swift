import Foundation

/// Counts a run's printed bytes against its cap.
final class OutputMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var used = 0
    private var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether `text` may still be written; false from the first text past the cap on.
    func admit(_ text: String) -> Bool {
        lock.withLock {
            guard !overflowed else { return false }
            used += text.utf8.count
            if used > limit { overflowed = true }
            return !overflowed
        }
    }

    /// Whether the run printed more than the cap.
    var hasOverflowed: Bool { lock.withLock { overflowed } }
}
