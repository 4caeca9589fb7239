/// Expressions: each gives the register that holds its value.
extension BytecodeCompiler {
    /// The register holding the value of `node`: a variable's own slot when it is one, else a
    /// new temporary.
    mutating func value(_ node: ExprNode) throws -> Int {
        if let local = node as? LocalNode { return local.slot }
        let register = temporary()
        try value(node, into: register)
        return register
    }

    /// The value of `node` in a new temporary, which the caller may then change.
    mutating func fresh(_ node: ExprNode) throws -> Int {
        let register = temporary()
        try value(node, into: register)
        return register
    }

    /// Computes `node` into `target`. Operands go to temporaries first where `target` could be
    /// one of them (`x = a and x`), so a variable is never overwritten before it is read.
    mutating func value(_ node: ExprNode, into target: Int) throws {
        let savedTop = top
        defer { top = savedTop }
        let range = node.range
        let destination = Int32(target)
        switch node {
        case let node as IntConstantNode:
            if let immediate = Int32(exactly: node.value) {
                emit(Instruction(.loadInt, destination, immediate), range)
            } else {
                emit(Instruction(.loadConstant, destination, constant(.int(node.value))), range)
            }
        case let node as ConstantNode:
            if case .null = node.value {
                emit(Instruction(.loadNull, destination), range)
            } else {
                emit(Instruction(.loadConstant, destination, constant(node.value)), range)
            }
        case let node as LocalNode:
            if node.slot != target { emit(Instruction(.move, destination, Int32(node.slot)), range) }
        case let node as CellNode:
            emit(Instruction(.loadCell, destination, Int32(node.index)), range)
        case let node as CaptureNode:
            emit(Instruction(.loadCapture, destination, Int32(node.index)), range)
        case let node as GlobalNode:
            emit(Instruction(.loadGlobal, destination, Int32(node.slot)), range)
        case let node as BinaryNode:
            if (node.op == .add || node.op == .subtract), let constant = node.right as? IntConstantNode,
               let immediate = Int32(exactly: constant.value) {
                let left = try value(node.left)
                emit(Instruction(node.op == .add ? .addInt : .subtractInt, destination, Int32(left), immediate), range)
                return
            }
            // Constant operands are read from the instruction or the constant table, not a register.
            var flag: UInt8 = 0
            let left: Int32
            if let constant = node.left as? ConstantNode {
                left = self.constant(constant.value)
                flag |= OperandFlag.leftConstant
            } else {
                left = Int32(try value(node.left))
            }
            let right: Int32
            if let constant = node.right as? IntConstantNode, let immediate = Int32(exactly: constant.value) {
                right = immediate
                flag |= OperandFlag.rightInt
            } else if let constant = node.right as? ConstantNode {
                right = self.constant(constant.value)
                flag |= OperandFlag.rightConstant
            } else {
                right = Int32(try value(node.right))
            }
            emit(Instruction(node.op.opcode, destination, left, right, flag: flag), range)
        case let node as ShortCircuitNode:
            // The left operand goes to a temporary: `target` may be a variable the right side reads.
            let result = temporary()
            try value(node.left, into: result)
            let op: Opcode = switch node.op {
            case .and: .jumpIfFalse
            case .or: .jumpIfTrue
            default: .jumpIfNotNull
            }
            let skip = emitJump(op, range, condition: result)
            try value(node.right, into: result)
            patch(skip)
            emit(Instruction(.move, destination, Int32(result)), range)
        case let node as UnaryNode:
            let operand = try value(node.operand)
            emit(Instruction(node.op == .not ? .not : .negate, destination, Int32(operand)), range)
        case let node as GPURequestNode:
            let model = try value(node.model)
            let count = try value(node.count)
            emit(Instruction(.gpuRequest, destination, Int32(model), Int32(count)), range)
        case let node as InterpolationNode:
            let first = try consecutive(node.parts)
            emit(Instruction(.interpolate, destination, Int32(first), Int32(node.parts.count)), range)
        case let node as ListNode:
            let first = try consecutive(node.elements)
            emit(Instruction(.newList, destination, Int32(first), Int32(node.elements.count)), range)
        case let node as MapNode:
            let first = try consecutive(Array(zip(node.keys, node.values).flatMap { [$0.0, $0.1] }))
            emit(Instruction(.newMap, destination, Int32(first), Int32(node.keys.count)), range)
        case let node as ClosureNode:
            emitClosure(node, into: target)
        case let node as MemberNode:
            let object = try value(node.object)
            emit(Instruction(.member, destination, Int32(object), constant(.string(node.name)), flag: node.optional ? 1 : 0),
                 range)
        case let node as IndexNode:
            // A global list is indexed where it is (`flag` 1: `b` is its global slot) when the
            // index runs no code that could assign it meanwhile.
            if let global = node.object as? GlobalNode, Self.runsNoCode(node.index) {
                let index = try value(node.index)
                emit(Instruction(.index, destination, Int32(global.slot), Int32(index), flag: 1), range)
                return
            }
            let object = try value(node.object)
            let index = try value(node.index)
            emit(Instruction(.index, destination, Int32(object), Int32(index)), range)
        case let node as CallNode:
            let callee = temporary()
            try value(node.callee, into: callee)
            let site = callSite(node)
            // A callee that is not a function is reported before its arguments run, as the tree does.
            if node.arguments.contains(where: { !BytecodeCompiler.isInert($0) }) {
                emit(Instruction(.checkCallable, Int32(callee), Int32(site)), range)
            }
            _ = try consecutive(node.arguments)
            emit(Instruction(.call, destination, Int32(callee), Int32(site), flag: Self.plainCount(node)), range)
        case let node as MethodCallNode:
            try methodCall(node, into: target)
        case let node as BareNameNode:
            let callee = temporary()
            try value(node.variable, into: callee)
            emit(Instruction(.callBare, destination, Int32(callee), Int32(callSite(node.call))), range)
        default:
            throw NotOnVM(message: "not yet on the VM: \(type(of: node))", source: source, range: range)
        }
    }

    /// Whether computing `node` can neither fail nor be seen (a constant, a variable, a closure).
    static func isInert(_ node: ExprNode) -> Bool {
        node is ConstantNode || node is IntConstantNode || node is LocalNode || node is CellNode || node is CaptureNode
            || node is GlobalNode || node is ClosureNode
    }

    /// A call's `flag`: its argument count plus one when every argument is positional and there
    /// are fewer than 255 (the VM's plain call, which enters a script function without a call
    /// site), else 0.
    static func plainCount(_ node: CallNode) -> UInt8 {
        node.hasLabels || node.arguments.count >= 255 ? 0 : UInt8(node.arguments.count + 1)
    }

    /// Whether computing `node` calls nothing, so that no script code runs (none could assign a
    /// variable meanwhile): variables, constants, closures and operators, members and indexes of
    /// those. Conservative: any other node answers false.
    static func runsNoCode(_ node: ExprNode) -> Bool {
        if isInert(node) { return true }
        switch node {
        case let node as BinaryNode: return runsNoCode(node.left) && runsNoCode(node.right)
        case let node as UnaryNode: return runsNoCode(node.operand)
        case let node as IndexNode: return runsNoCode(node.object) && runsNoCode(node.index)
        case let node as MemberNode: return runsNoCode(node.object)
        default: return false
        }
    }

    /// The values of `nodes` in consecutive new temporaries; returns the first.
    mutating func consecutive(_ nodes: [ExprNode]) throws -> Int {
        let first = temporaries(nodes.count)
        for (offset, node) in nodes.enumerated() {
            let savedTop = top
            try value(node, into: first + offset)
            top = savedTop
        }
        return first
    }

    mutating func callSite(_ node: CallNode) -> Int {
        tables.calls.append(CallSite(count: node.arguments.count, labels: node.labels, hasLabels: node.hasLabels,
                                     argumentRanges: node.arguments.map(\.range), keywordRanges: node.keywordRanges,
                                     calleeName: node.calleeName, range: node.range))
        return tables.calls.count - 1
    }

    /// `receiver.name(args)`: the method is found before the arguments are computed (as the tree
    /// does), into the register below the receiver; `?.` on nil skips the arguments.
    mutating func methodCall(_ node: MethodCallNode, into target: Int) throws {
        let method = temporaries(2)
        // A global receiver of a fast method is read where it is, unless the arguments run code
        // that could assign it between the lookup and the call; `findMethod` loads it for any
        // other method.
        var globalReceiver: Int?
        if node.fastMethod != nil, !node.optional, let global = node.receiver as? GlobalNode,
           node.call.arguments.allSatisfy(Self.runsNoCode) {
            globalReceiver = global.slot
        } else {
            try value(node.receiver, into: method + 1)
        }
        tables.methods.append(MethodSite(
            name: node.name, optional: node.optional, call: callSite(node.call),
            listMethod: node.listMethod, mapMethod: node.mapMethod, stringMethod: node.stringMethod,
            labels: node.labels, fastMethod: node.fastMethod, receiverRange: node.receiver.range,
            globalReceiver: globalReceiver))
        let site = Int32(tables.methods.count - 1)
        let skip = emit(Instruction(.findMethod, Int32(method), site, -1), node.range)
        _ = try consecutive(node.call.arguments)
        emit(Instruction(.callMethod, Int32(target), Int32(method), site), node.range)
        // Only `?.` ever skips the call; a plain call has no way around it.
        guard node.optional else { return }
        let end = emitJump(.jump, node.range)
        patch(skip)
        emit(Instruction(.loadNull, Int32(target)), node.range)
        patch(end)
    }

    mutating func emitClosure(_ node: ClosureNode, into target: Int) {
        tables.prototypes.append(node.prototype)
        emit(Instruction(.closure, Int32(target), Int32(tables.prototypes.count - 1)), node.range)
    }

    // MARK: - Conditions

    /// Emits a test of `node` that jumps when its truth is `when`; returns the jumps to patch.
    mutating func branch(_ node: ExprNode, when: Bool) throws -> [Int] {
        let savedTop = top
        defer { top = savedTop }
        if let node = node as? BinaryNode, let comparison = node.op.comparison {
            let left = try value(node.left)
            let flag = comparison | (when ? Comparison.jumpWhenTrue : 0)
            if let constant = node.right as? IntConstantNode, let immediate = Int32(exactly: constant.value) {
                return [emit(Instruction(.compareIntJump, Int32(left), immediate, -1, flag: flag), node.range)]
            }
            if let constant = node.right as? ConstantNode {
                return [emit(Instruction(.compareJump, Int32(left), self.constant(constant.value), -1,
                                         flag: flag | Comparison.rightConstant), node.range)]
            }
            let right = try value(node.right)
            return [emit(Instruction(.compareJump, Int32(left), Int32(right), -1, flag: flag), node.range)]
        }
        if let node = node as? ShortCircuitNode, node.op != .coalesce {
            // `a and b` is false when either is; `a or b` is true when either is.
            if (node.op == .and) != when {
                return try branch(node.left, when: when) + branch(node.right, when: when)
            }
            let skip = try branch(node.left, when: !when)
            let jumps = try branch(node.right, when: when)
            for jump in skip { patch(jump) }
            return jumps
        }
        if let node = node as? UnaryNode, node.op == .not {
            return try branch(node.operand, when: !when)
        }
        let register = try value(node)
        return [emitJump(when ? .jumpIfTrue : .jumpIfFalse, node.range, condition: register)]
    }
}

/// The comparisons as an instruction's flag.
enum Comparison {
    static let less: UInt8 = 0, lessEqual: UInt8 = 1, greater: UInt8 = 2, greaterEqual: UInt8 = 3
    static let equal: UInt8 = 4, notEqual: UInt8 = 5
    /// Set: the jump is taken when the comparison holds.
    static let jumpWhenTrue: UInt8 = 8
    /// Set: the right operand is a constant (`b` indexes the constant table).
    static let rightConstant: UInt8 = 16

    static func op(_ flag: UInt8) -> BinaryOperator {
        switch flag & 7 {
        case less: return .less
        case lessEqual: return .lessEqual
        case greater: return .greater
        case greaterEqual: return .greaterEqual
        case equal: return .equal
        default: return .notEqual
        }
    }
}

/// A method call's flag.
enum MethodFlag {
    /// The call is a statement of its own whose result nothing reads: `xs.append(x)` need not
    /// give back the list.
    static let resultUnused: UInt8 = 1
}

/// Where a binary operator's operands are, as its instruction's flag: registers unless a bit says
/// the left one is a constant (`b` indexes the table), the right one an int in the instruction or
/// a constant (`c`).
enum OperandFlag {
    static let leftConstant: UInt8 = 1, rightInt: UInt8 = 2, rightConstant: UInt8 = 4
}

extension BinaryOperator {
    /// The comparison's flag, for the six comparisons.
    var comparison: UInt8? {
        switch self {
        case .less: return Comparison.less
        case .lessEqual: return Comparison.lessEqual
        case .greater: return Comparison.greater
        case .greaterEqual: return Comparison.greaterEqual
        case .equal: return Comparison.equal
        case .notEqual: return Comparison.notEqual
        default: return nil
        }
    }

    /// The instruction of a binary operator (`and`, `or` and `??` are jumps, never this).
    var opcode: Opcode {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .floorDivide: return .floorDivide
        case .remainder: return .remainder
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .range: return .makeRange
        case .and, .or, .coalesce: return .move
        }
    }
}
