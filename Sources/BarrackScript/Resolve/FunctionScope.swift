/// What the compiler knows about one function while compiling it: its block scopes, the slots and
/// cells it has handed out, and the variables it captures from enclosing functions.
final class FunctionScope {
    struct Binding {
        var location: VariableLocation
        /// The declaration's identity: the byte offset of its name, unique within a source.
        var declaration: Int
        var range: SourceRange
        var isFunction: Bool
    }

    let parent: FunctionScope?
    let isModule: Bool
    /// Inside a `parallel for` body: `continue` returns, `break` and `return` are errors.
    let isParallelBody: Bool
    var scopes: [[String: Binding]] = [[:]]
    var scopeCells: [[Int]] = [[]]
    var slotCount = 0
    var maxSlots = 0
    var cellCount = 0
    var maxCells = 0
    var captureSources: [CaptureSource] = []
    var captureIndex: [Int: Int] = [:]
    var loopDepth = 0
    /// Inside a `finally` or `defer` block (its keyword): `return` is an error, and so are `break`
    /// and `continue` outside a loop of the block's own.
    var cleanupKeyword: String?

    init(parent: FunctionScope?, isModule: Bool, isParallelBody: Bool = false) {
        self.parent = parent
        self.isModule = isModule
        self.isParallelBody = isParallelBody
    }

    /// Whether a declaration here makes a top-level (global) variable.
    var isTopLevel: Bool { isModule && scopes.count == 1 }

    func lookup(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let binding = scope[name] { return binding }
        }
        return nil
    }

    func pushScope() {
        scopes.append([:])
        scopeCells.append([])
    }

    /// Ends a block scope; its slots are free again (closures hold cells, never slots).
    func popScope() -> [Int] {
        let scope = scopes.removeLast()
        let cells = scopeCells.removeLast()
        for binding in scope.values {
            if case .local = binding.location { slotCount -= 1 }
        }
        cellCount -= cells.count
        return cells
    }

    func newSlot() -> Int {
        slotCount += 1
        maxSlots = max(maxSlots, slotCount)
        return slotCount - 1
    }

    func newCell() -> Int {
        cellCount += 1
        maxCells = max(maxCells, cellCount)
        scopeCells[scopeCells.count - 1].append(cellCount - 1)
        return cellCount - 1
    }
}
