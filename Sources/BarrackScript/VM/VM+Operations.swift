/// The VM's operators, values and loops: the same rules as the tree's nodes, on registers.
extension VM {
    /// A binary operator: ints and floats inline, everything else by the shared general path.
    @inline(__always)
    static func arithmetic(_ op: Opcode, _ a: Value, _ b: Value, _ context: ExecutionContext) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            if let result = integer(op, x, y) { return result }
        } else if let x = BinaryNode.double(a), let y = BinaryNode.double(b),
                  let result = BinaryNode.floatResult(binaryOperator(op), x, y) {
            return result
        }
        return try general(op, a, b, context)
    }

    /// `BinaryNode.intResult` for an instruction's operator.
    @inline(__always)
    static func integer(_ op: Opcode, _ x: Int, _ y: Int) -> Value? {
        BinaryNode.intResult(binaryOperator(op), x, y)
    }

    @inline(never)
    static func general(_ op: Opcode, _ a: Value, _ b: Value, _ context: ExecutionContext) throws -> Value {
        let result = try BinaryNode.apply(binaryOperator(op), a, b)
        if op == .add, let memory = context.budget.memoryGuard { try memory.noteResult(result) }
        return result
    }

    @inline(__always)
    static func binaryOperator(_ op: Opcode) -> BinaryOperator {
        switch op {
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
        default: return .range
        }
    }

    /// An operator on two numbers read in place, as `arithmetic` computes it; nil where the
    /// general path decides (another type, overflow, division by zero, equality of floats).
    /// `right` nil: the right operand is the int `immediate`.
    @inline(__always)
    static func numeric(_ op: Opcode, _ left: UnsafeMutablePointer<Value>, _ right: UnsafeMutablePointer<Value>?,
                        immediate: Int) -> Value? {
        if case .int(let x) = left.pointee {
            guard let right else { return integer(op, x, immediate) }
            if case .int(let y) = right.pointee { return integer(op, x, y) }
            if case .float(let y) = right.pointee { return BinaryNode.floatResult(binaryOperator(op), Double(x), y) }
            return nil
        }
        guard case .float(let x) = left.pointee else { return nil }
        let y: Double
        if let right {
            guard let number = right.number else { return nil }
            y = number
        } else {
            y = Double(immediate)
        }
        return BinaryNode.floatResult(binaryOperator(op), x, y)
    }

    /// Whether the comparison in `flag` holds between two values read in place, as the tree's
    /// `BinaryNode.holds` answers.
    @inline(__always)
    static func compare(_ flag: UInt8, _ a: UnsafeMutablePointer<Value>, _ b: UnsafeMutablePointer<Value>) throws -> Bool {
        if case .int(let x) = a.pointee, case .int(let y) = b.pointee { return intHolds(flag, x, y) }
        // The four orderings of floats (IEEE: false with a NaN); equality goes the general way.
        if flag & 7 < Comparison.equal, let x = a.number, let y = b.number {
            switch flag & 7 {
            case Comparison.less: return x < y
            case Comparison.lessEqual: return x <= y
            case Comparison.greater: return x > y
            default: return x >= y
            }
        }
        return try compare(flag, a.pointee, b.pointee)
    }

    /// Whether the comparison in `flag` holds, as the tree's `BinaryNode.holds` answers.
    @inline(__always)
    static func compare(_ flag: UInt8, _ a: Value, _ b: Value) throws -> Bool {
        try BinaryNode.holds(Comparison.op(flag), a, b)
    }

    /// The comparison in `flag` between two ints.
    @inline(__always)
    static func intHolds(_ flag: UInt8, _ x: Int, _ y: Int) -> Bool {
        switch flag & 7 {
        case Comparison.less: return x < y
        case Comparison.lessEqual: return x <= y
        case Comparison.greater: return x > y
        case Comparison.greaterEqual: return x >= y
        case Comparison.equal: return x == y
        default: return x != y
        }
    }

    /// `rA = rB op= rC`, as `CompoundStoreNode` computes it.
    static func compound(_ instruction: Instruction, _ slots: UnsafeMutablePointer<Value>,
                         _ context: ExecutionContext) throws -> Value {
        let op = AssignmentOperator(code: instruction.flag)
        let current = slots[Int(instruction.b)]
        let operand = slots[Int(instruction.c)]
        if op == .add, case .int(let x) = current, case .int(let y) = operand {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return .int(sum) }
        }
        return try Compound.apply(op, current, operand, context)
    }

    static func newMap(_ pairs: UnsafeMutablePointer<Value>, count: Int) throws -> Value {
        let map = MapObject()
        for index in 0..<count {
            guard case .string(let key) = pairs[2 * index] else { throw ErrorObject.type("map keys are strings") }
            map[key] = pairs[2 * index + 1]
        }
        return .map(map)
    }

    /// The error `raise value` raises.
    static func raised(_ value: Value) -> ErrorObject {
        switch value {
        case .error(let object): return object
        case .string(let message): return ErrorObject(code: ErrorCode.raised, message: message)
        default: return ErrorObject.type("raise takes an error or a string, not \(value.typeName)")
        }
    }

    // MARK: - Loops

    /// Sets up `for` over `sequence` in `state` (the sequence, the position, what is iterated).
    /// A string's characters are taken when the loop starts; a map is read as it goes, under the
    /// rule of `MapIteration`.
    static func prepareIteration(_ state: UnsafeMutablePointer<Value>, over sequence: Value) throws {
        switch sequence {
        case .range, .list:
            break
        case .map(let map):
            // The keys' version when the loop began: a change of keys is an error (`MapIteration`).
            state[2] = .int(map.keyVersion)
        case .string(let text):
            state[2] = .list(ListObject(text.map { .string(String($0)) }))
        default:
            throw ErrorObject.type("cannot iterate over \(article(sequence.typeName)) \(sequence.typeName)")
        }
        state[0] = sequence
        state[1] = .int(0)
    }

    /// The next element of a list, map or string into `element` (`state[3]` or the loop
    /// variable's slot) and its index or key into `state[4]`, counting a step; false when none is
    /// left. The loop counts a range itself (`forNext`).
    @inline(__always)
    static func nextIteration(_ state: UnsafeMutablePointer<Value>, into destination: UnsafeMutablePointer<Value>,
                              twoNames: Bool, _ context: ExecutionContext) throws -> Bool {
        guard case .int(let index) = state[1] else { return false }
        let element: Value
        var key: Value = .int(index)
        switch state[0] {
        case .list(let list):
            guard index < list.elements.count else { return false }
            element = list.elements[index]
        case .map(let map):
            guard case .int(let version) = state[2] else { return false }
            var iteration = MapIteration(map, version: version, position: index)
            guard let entry = try iteration.next() else { return false }
            key = .string(entry.key)
            element = twoNames ? entry.value : key
        default:
            guard case .list(let characters) = state[2], index < characters.elements.count else { return false }
            element = characters.elements[index]
        }
        try context.tick()
        (state + 1).store(.int(index + 1))
        destination.store(element)
        (state + 4).store(key)
        return true
    }
}
