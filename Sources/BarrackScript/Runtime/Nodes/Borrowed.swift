/// A reference the evaluator follows without retaining it.
///
/// Each retain and release is an atomic instruction, and Swift retains a node it loads from an
/// array or an optional before calling it: a call of a script function made eleven such pairs,
/// three quarters of the time of `fib` (docs/PERFORMANCE.md). A node keeps its children in an
/// ordinary (owning) property and reads them through `Borrowed`, which is safe because the tree
/// is never changed while it runs.
struct Borrowed<Object: AnyObject> {
    private let reference: Unmanaged<Object>

    init(_ object: Object) {
        reference = .passUnretained(object)
    }

    /// Runs `body` with the object, which its owner keeps alive meanwhile.
    @inline(__always)
    func with<Result>(_ body: (Object) throws -> Result) rethrows -> Result {
        try reference._withUnsafeGuaranteedRef(body)
    }

    /// The object, unretained, for code that keeps it as a reference of its own.
    var unmanaged: Unmanaged<Object> { reference }
}

extension Array where Element: AnyObject {
    /// The elements as borrowed references, for a node that owns `self` too.
    var borrowed: [Borrowed<Element>] { map(Borrowed.init) }
}
