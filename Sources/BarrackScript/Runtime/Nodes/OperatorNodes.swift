/// `a op b` for the arithmetic and comparison operators.
final class BinaryNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode
    /// The operands read without visiting a node when they are int literals or local variables
    /// (`i * 7`, `n < 2`, `x * y`): a tenth of the integer loop's time went to those visits.
    private let leftOperand: Operand
    private let rightOperand: Operand

    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, _ source: Source, _ range: SourceRange) {
        self.op = op
        self.left = left
        self.right = right
        self.leftOperand = Operand(left)
        self.rightOperand = Operand(right)
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let a = try leftOperand.value(left, frame)
        let b = try rightOperand.value(right, frame)
        // Ints first: most arithmetic in scripts is on ints, and this path needs no call.
        if case .int(let x) = a, case .int(let y) = b {
            if let result = BinaryNode.intResult(op, x, y) { return result }
        } else if let x = BinaryNode.double(a), let y = BinaryNode.double(b),
                  let result = BinaryNode.floatResult(op, x, y) {
            return result
        }
        let result = try evaluate(left: a, right: b)
        if op == .add, let memory = frame.context.budget.memoryGuard {
            do { try memory.noteResult(result) } catch { throw located(error) }
        }
        return result
    }

    /// The operator as a condition (`if`, `while`, `and`, `not`): comparisons of numbers answer
    /// without making a `Value`.
    override func test(_ frame: Frame) throws -> Bool {
        let a = try leftOperand.value(left, frame)
        let b = try rightOperand.value(right, frame)
        do { return try BinaryNode.holds(op, a, b) } catch { throw located(error) }
    }

    /// The truth of `a op b` (both engines): comparisons of numbers without making a `Value`.
    @inline(__always)
    static func holds(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Bool {
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            default: break
            }
        } else if let x = BinaryNode.double(a), let y = BinaryNode.double(b) {
            // IEEE comparisons: false with a NaN, as Operators.compare answers.
            switch op {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            default: break
            }
        }
        return try apply(op, a, b).isTruthy
    }

    /// A float operand, or an int one when mixed with a float (as `Operators` converts it); nil
    /// for two ints (handled before) and for every other type.
    @inline(__always)
    static func double(_ value: Value) -> Double? {
        switch value {
        case .float(let number): return number
        case .int(let number): return Double(number)
        default: return nil
        }
    }

    /// Int arithmetic and comparison without a call (both engines); nil where the general path
    /// must decide (overflow, division, a negative remainder).
    @inline(__always)
    static func intResult(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Value? {
        switch op {
        case .add:
            let (result, overflow) = x.addingReportingOverflow(y)
            return overflow ? nil : .int(result)
        case .subtract:
            let (result, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? nil : .int(result)
        case .multiply:
            let (result, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : .int(result)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .remainder where y > 0 && x >= 0: return .int(x % y)
        case .floorDivide where y > 0 && x >= 0: return .int(x / y)
        default: return nil
        }
    }

    /// Float arithmetic and comparison without a call; nil where the general path must decide
    /// (division by zero, the other operators).
    @inline(__always)
    static func floatResult(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value? {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide where y != 0: return .float(x / y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        default: return nil
        }
    }

    /// Applies the operator to operands already evaluated.
    func evaluate(left a: Value, right b: Value) throws -> Value {
        do { return try BinaryNode.apply(op, a, b) } catch { throw located(error) }
    }

    /// The general path of every binary operator but `and`, `or` and `??` (both engines).
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .add: return try Operators.add(a, b)
        case .subtract: return try Operators.subtract(a, b)
        case .multiply: return try Operators.multiply(a, b)
        case .divide: return try Operators.divide(a, b)
        case .floorDivide: return try Operators.floorDivide(a, b)
        case .remainder: return try Operators.remainder(a, b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(try Operators.compare(a, b, "<") == -1)
        case .lessEqual:
            let order = try Operators.compare(a, b, "<=")
            return .bool(order == -1 || order == 0)
        case .greater: return .bool(try Operators.compare(a, b, ">") == 1)
        case .greaterEqual:
            let order = try Operators.compare(a, b, ">=")
            return .bool(order == 1 || order == 0)
        case .range:
            guard case .int(let low) = a, case .int(let high) = b else {
                throw ErrorObject.type("a range '..' needs ints, not \(a.typeName) and \(b.typeName)")
            }
            guard high < Int.max else { throw ErrorObject.overflow("range end too large") }
            return .range(low, high + 1)
        case .and, .or, .coalesce:
            return .null
        }
    }
}

/// `and`, `or` and `??`: the right side runs only when needed. `and`/`or` give the deciding
/// operand, as in Python and Lua.
final class ShortCircuitNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode

    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, _ source: Source, _ range: SourceRange) {
        self.op = op
        self.left = left
        self.right = right
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        switch op {
        case .and:
            let a = try left.eval(frame)
            return a.isTruthy ? try right.eval(frame) : a
        case .or:
            let a = try left.eval(frame)
            return a.isTruthy ? a : try right.eval(frame)
        default:
            let a = try left.eval(frame)
            if case .null = a { return try right.eval(frame) }
            return a
        }
    }

    override func test(_ frame: Frame) throws -> Bool {
        switch op {
        case .and: return try left.test(frame) && right.test(frame)
        case .or: return try left.test(frame) || right.test(frame)
        default: return try eval(frame).isTruthy
        }
    }
}

/// `-a` and `not a`.
final class UnaryNode: ExprNode {
    let op: UnaryOperator
    let operand: ExprNode

    init(_ op: UnaryOperator, _ operand: ExprNode, _ source: Source, _ range: SourceRange) {
        self.op = op
        self.operand = operand
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        if case .not = op { return .bool(try !operand.test(frame)) }
        let value = try operand.eval(frame)
        switch op {
        case .not: return .bool(!value.isTruthy)
        case .negate:
            do { return try Operators.negate(value) } catch { throw located(error) }
        }
    }
}

/// `model x count`.
final class GPURequestNode: ExprNode {
    let model: ExprNode
    let count: ExprNode

    init(_ model: ExprNode, _ count: ExprNode, _ source: Source, _ range: SourceRange) {
        self.model = model
        self.count = count
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let a = try model.eval(frame)
        let b = try count.eval(frame)
        do { return try Operators.gpuRequest(a, b) } catch { throw located(error) }
    }
}
