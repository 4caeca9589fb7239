import Synchronization

/// Whether anyone still reads a run's events: the learner's browser while its connection is open.
/// When the connection drops, the run is stopped at its next print or checkpoint instead of
/// using its whole time limit for nobody.
final class RunAudience: Sendable {
    private let gone = Atomic(false)

    /// The reader has left (a write to its connection failed).
    func leave() {
        gone.store(true, ordering: .relaxed)
    }

    /// Whether the reader has left.
    var hasLeft: Bool { gone.load(ordering: .relaxed) }
}
