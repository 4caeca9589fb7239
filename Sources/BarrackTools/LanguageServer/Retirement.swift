import Dispatch

/// Frees the analyses of replaced document versions on a background queue, off the path from a
/// keystroke to its diagnostics: freeing the tree and the compiled program of a 10,000-line file
/// took a fifth of re-checking it (docs/PERFORMANCE.md, "The language server").
///
/// An analysis handed over here is referenced by nothing else, so the queue's release is the last
/// one and nothing else touches the objects while they are freed.
final class Retirement {
    private let queue = DispatchQueue(label: "barrack.lsp.retirement", qos: .utility)

    /// Gives up `analysis`; it is freed on the queue.
    func retire(_ analysis: DocumentAnalysis) {
        let box = Box(analysis)
        queue.async { box.analysis = nil }
    }

    /// Waits until everything handed over so far is freed (for tests and for an orderly exit).
    func drain() {
        queue.sync {}
    }

    /// Carries the last reference across to the queue.
    private final class Box: @unchecked Sendable {
        var analysis: DocumentAnalysis?
        init(_ analysis: DocumentAnalysis) { self.analysis = analysis }
    }
}
