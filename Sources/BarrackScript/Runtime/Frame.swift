/// The variables of one running function: its slots and cells on the thread's stacks, and the
/// closure whose captured variables it can reach.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell?>
    unowned(unsafe) let function: FunctionObject?
    unowned(unsafe) let context: ExecutionContext
}

/// How a statement finished: normally, or by `break`, `continue` or `return`.
enum Flow {
    case normal, breakLoop, continueLoop, returnValue
}
