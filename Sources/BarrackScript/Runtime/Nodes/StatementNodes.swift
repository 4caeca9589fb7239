/// An expression used as a statement; its value is dropped (or kept as the REPL's result).
final class ExpressionStatementNode: StmtNode {
    let expression: ExprNode
    let keepsResult: Bool

    init(_ expression: ExprNode, keepsResult: Bool) {
        self.expression = expression
        self.keepsResult = keepsResult
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let value = try expression.eval(frame)
        if keepsResult { frame.context.interpreter.lastResult = value }
        return .normal
    }
}

/// `let name = value` and `name = value`.
final class StoreNode: StmtNode {
    let location: VariableLocation
    let value: ExprNode

    init(_ location: VariableLocation, _ value: ExprNode) {
        self.location = location
        self.value = value
    }

    override func exec(_ frame: Frame) throws -> Flow {
        location.store(try value.eval(frame), frame)
        return .normal
    }
}

/// `name op= value`; `+=` on a list extends that same list.
final class CompoundStoreNode: StmtNode {
    let location: VariableLocation
    let op: AssignmentOperator
    let value: ExprNode

    /// The binary operator of `op`, for the float path.
    let arithmetic: BinaryOperator?

    init(_ location: VariableLocation, _ op: AssignmentOperator, _ value: ExprNode) {
        self.location = location
        self.op = op
        self.value = value
        switch op {
        case .add: arithmetic = .add
        case .subtract: arithmetic = .subtract
        case .multiply: arithmetic = .multiply
        case .divide: arithmetic = .divide
        case .assign: arithmetic = nil
        }
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let current = location.load(frame)
        let operand = try value.eval(frame)
        if case .int(let x) = current, case .int(let y) = operand {
            if op == .add {
                let (sum, overflow) = x.addingReportingOverflow(y)
                if !overflow {
                    location.store(.int(sum), frame)
                    return .normal
                }
            }
        } else if let arithmetic, let x = BinaryNode.double(current), let y = BinaryNode.double(operand),
                  let result = BinaryNode.floatResult(arithmetic, x, y) {
            location.store(result, frame)
            return .normal
        }
        do {
            location.store(try Compound.apply(op, current, operand, frame.context), frame)
        } catch {
            throw value.located(error)
        }
        return .normal
    }
}

/// The arithmetic of compound assignment.
enum Compound {
    static func apply(_ op: AssignmentOperator, _ current: Value, _ operand: Value, _ context: ExecutionContext) throws -> Value {
        switch op {
        case .assign: return operand
        case .add:
            if case .list(let list) = current, case .list(let other) = operand {
                try MemoryGuard.checkAllocatable(elements: list.elements.count + other.elements.count, of: "the list")
                list.elements.append(contentsOf: other.elements)
                try context.budget.memoryGuard?.noteResult(current)
                return current
            }
            let sum = try Operators.add(current, operand)
            try context.budget.memoryGuard?.noteResult(sum)
            return sum
        case .subtract: return try Operators.subtract(current, operand)
        case .multiply: return try Operators.multiply(current, operand)
        case .divide: return try Operators.divide(current, operand)
        }
    }
}

/// `a.key op= value`.
final class MemberStoreNode: StmtNode {
    let object: ExprNode
    let name: String
    let op: AssignmentOperator
    let value: ExprNode
    let target: ExprNode

    init(_ object: ExprNode, _ name: String, _ op: AssignmentOperator, _ value: ExprNode, target: ExprNode) {
        self.object = object
        self.name = name
        self.op = op
        self.value = value
        self.target = target
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let container = try object.eval(frame)
        do {
            var newValue = try value.eval(frame)
            if op != .assign {
                newValue = try Compound.apply(op, try Access.member(container, name, optional: false), newValue, frame.context)
            }
            try Access.setMember(container, name, newValue)
        } catch {
            throw target.located(error)
        }
        return .normal
    }
}

/// `a[i] op= value`.
final class IndexStoreNode: StmtNode {
    let object: ExprNode
    let index: ExprNode
    let op: AssignmentOperator
    let value: ExprNode
    let target: ExprNode

    init(_ object: ExprNode, _ index: ExprNode, _ op: AssignmentOperator, _ value: ExprNode, target: ExprNode) {
        self.object = object
        self.index = index
        self.op = op
        self.value = value
        self.target = target
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let container = try object.eval(frame)
        let key = try index.eval(frame)
        do {
            var newValue = try value.eval(frame)
            if op != .assign { newValue = try Compound.apply(op, try Access.index(container, key), newValue, frame.context) }
            try Access.setIndex(container, key, newValue)
        } catch {
            throw target.located(error)
        }
        return .normal
    }
}

/// `{ … }`: fresh cells for the captured variables it declares, its functions made on entry
/// (so they can call each other and be called before their `fn` line), then its statements.
final class BlockNode: StmtNode {
    let statements: [StmtNode]
    private let steps: [Borrowed<StmtNode>]
    let freshCells: [Int]
    let functions: [(location: VariableLocation, closure: ClosureNode)]
    let hasPrologue: Bool

    init(_ statements: [StmtNode], freshCells: [Int], functions: [(location: VariableLocation, closure: ClosureNode)]) {
        self.statements = statements
        self.steps = statements.borrowed
        self.freshCells = freshCells
        self.functions = functions
        self.hasPrologue = !freshCells.isEmpty || !functions.isEmpty
    }

    /// Makes the block's fresh cells and its functions.
    @inline(__always)
    func enter(_ frame: Frame) {
        if hasPrologue {
            for index in freshCells { frame.cells[index] = Cell() }
            for (location, closure) in functions { location.store(.function(closure.makeClosure(frame)), frame) }
        }
    }

    override func exec(_ frame: Frame) throws -> Flow {
        enter(frame)
        var index = 0
        let count = steps.count
        while index < count {
            let flow = try steps[index].with { try $0.exec(frame) }
            if flow != .normal { return flow }
            index += 1
        }
        return .normal
    }
}

/// `if … else if … else`.
final class IfNode: StmtNode {
    let conditions: [ExprNode]
    let bodies: [StmtNode]
    let elseBody: StmtNode?
    private let tests: [Borrowed<ExprNode>]
    private let branches: [Borrowed<StmtNode>]
    private let otherwise: Borrowed<StmtNode>?

    init(conditions: [ExprNode], bodies: [StmtNode], elseBody: StmtNode?) {
        self.conditions = conditions
        self.bodies = bodies
        self.elseBody = elseBody
        self.tests = conditions.borrowed
        self.branches = bodies.borrowed
        self.otherwise = elseBody.map(Borrowed.init)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        var index = 0
        let count = tests.count
        while index < count {
            if try tests[index].with({ try $0.test(frame) }) { return try branches[index].with { try $0.exec(frame) } }
            index += 1
        }
        guard let otherwise else { return .normal }
        return try otherwise.with { try $0.exec(frame) }
    }
}

/// `while cond { }`.
final class WhileNode: StmtNode {
    let condition: ExprNode
    let body: StmtNode

    init(_ condition: ExprNode, _ body: StmtNode) {
        self.condition = condition
        self.body = body
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let context = frame.context
        while try condition.test(frame) {
            // A step or time limit, or Ctrl-C, is reported at the loop's condition.
            do { try context.tick() } catch { throw condition.located(error) }
            switch try body.exec(frame) {
            case .breakLoop: return .normal
            case .returnValue: return .returnValue
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }
}

/// `return`, `break`, `continue`.
final class JumpNode: StmtNode {
    let flow: Flow
    let value: ExprNode?
    private let result: Borrowed<ExprNode>?

    init(_ flow: Flow, value: ExprNode? = nil) {
        self.flow = flow
        self.value = value
        self.result = value.map(Borrowed.init)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        if let result {
            let value = try result.with { try $0.eval(frame) }
            frame.withContext { $0.returnValue = value }
        }
        return flow
    }
}

/// `raise value`: an error value, or a string as the message of an `ERROR`.
final class RaiseNode: StmtNode {
    let value: ExprNode

    init(_ value: ExprNode) {
        self.value = value
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let raised = try value.eval(frame)
        let error: ErrorObject
        switch raised {
        case .error(let object):
            error = object
        case .string(let message):
            error = ErrorObject(code: ErrorCode.raised, message: message)
        default:
            error = ErrorObject.type("raise takes an error or a string, not \(raised.typeName)")
        }
        error.locate(value.source, value.range)
        throw error
    }
}

/// `try { } catch e where cond { }`: the first clause whose filter holds handles the error.
/// `INTERRUPTED` is never caught, so that Ctrl-C always stops a script.
final class TryNode: StmtNode {
    struct Clause {
        let location: VariableLocation
        let filter: ExprNode?
        let body: StmtNode
        let freshCell: Int?
    }

    let body: StmtNode
    let clauses: [Clause]

    init(_ body: StmtNode, _ clauses: [Clause]) {
        self.body = body
        self.clauses = clauses
    }

    override func exec(_ frame: Frame) throws -> Flow {
        do {
            return try body.exec(frame)
        } catch let error as ErrorObject where !error.isCancellation {
            for clause in clauses {
                if let cell = clause.freshCell { frame.cells[cell] = Cell() }
                clause.location.store(.error(error), frame)
                if let filter = clause.filter, !(try filter.eval(frame).isTruthy) { continue }
                return try clause.body.exec(frame)
            }
            throw error
        }
    }
}
