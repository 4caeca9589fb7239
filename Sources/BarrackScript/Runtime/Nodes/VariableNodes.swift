/// A variable of the current function, in its frame slot.
final class LocalNode: ExprNode {
    let slot: Int

    init(slot: Int, _ source: Source, _ range: SourceRange) {
        self.slot = slot
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value { frame.slots[slot] }
}

/// A variable of the current function that closures capture, in a cell.
final class CellNode: ExprNode {
    let index: Int

    init(index: Int, _ source: Source, _ range: SourceRange) {
        self.index = index
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value { frame.cells[index]?.value ?? .null }
}

/// A variable of an enclosing function, captured by the running closure.
final class CaptureNode: ExprNode {
    let index: Int

    init(index: Int, _ source: Source, _ range: SourceRange) {
        self.index = index
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        frame.captures?[index]._withUnsafeGuaranteedRef { $0.value } ?? .null
    }
}

/// A top-level variable or a built-in.
final class GlobalNode: ExprNode {
    let slot: Int

    init(slot: Int, _ source: Source, _ range: SourceRange) {
        self.slot = slot
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value { frame.context.globals.storage[slot] }
}

/// Where an assignment stores: the four kinds of variable.
enum VariableLocation {
    case local(Int), cell(Int), capture(Int), global(Int)

    @inline(__always)
    func store(_ value: Value, _ frame: Frame) {
        switch self {
        case .local(let slot): frame.slots[slot] = value
        case .cell(let index):
            if let cell = frame.cells[index] { cell.value = value } else { frame.cells[index] = Cell(value) }
        case .capture(let index): frame.captures?[index]._withUnsafeGuaranteedRef { $0.value = value }
        case .global(let slot): frame.context.globals.storage[slot] = value
        }
    }

    @inline(__always)
    func load(_ frame: Frame) -> Value {
        switch self {
        case .local(let slot): return frame.slots[slot]
        case .cell(let index): return frame.cells[index]?.value ?? .null
        case .capture(let index): return frame.captures?[index]._withUnsafeGuaranteedRef { $0.value } ?? .null
        case .global(let slot): return frame.context.globals.storage[slot]
        }
    }
}
