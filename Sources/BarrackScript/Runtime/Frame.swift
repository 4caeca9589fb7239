/// The variables of one running function: its slots and cells on the thread's stacks, and the
/// closure whose captured variables it can reach.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell?>
    /// The running closure's captured variables (its `captures`), nil at the top level.
    let captures: UnsafeMutablePointer<Unmanaged<Cell>>?
    unowned(unsafe) let context: ExecutionContext

    /// Runs `body` with the evaluator without retaining it (the hottest nodes: `return`, calls).
    @inline(__always)
    func withContext<Result>(_ body: (ExecutionContext) throws -> Result) rethrows -> Result {
        try Unmanaged.passUnretained(context)._withUnsafeGuaranteedRef(body)
    }
}

/// How a statement finished: normally, or by `break`, `continue` or `return`.
enum Flow {
    case normal, breakLoop, continueLoop, returnValue
}
