/// Statements: blocks, stores, control flow, errors and cleanup.
extension BytecodeCompiler {
    mutating func statement(_ node: StmtNode) throws {
        let savedTop = top
        defer { top = savedTop }
        switch node {
        case is EmptyNode, is DeferNode:
            return
        case let node as BlockNode:
            try block(node)
        case let node as DeferringBlockNode:
            try deferringBlock(node)
        case let node as ExpressionStatementNode:
            let register = try value(node.expression)
            if node.keepsResult {
                emit(Instruction(.keepResult, Int32(register)), node.expression.range)
            } else {
                markResultUnused(of: register)
            }
        case let node as StoreNode:
            try store(node.value, in: node.location)
        case let node as CompoundStoreNode:
            try compoundStore(node)
        case let node as MemberStoreNode:
            let container = try value(node.object)
            let newValue = try fresh(node.value)
            let name = constant(.string(node.name))
            if node.op != .assign {
                let current = temporary()
                emit(Instruction(.memberForUpdate, Int32(current), Int32(container), name), node.target.range)
                emit(Instruction(.compound, Int32(newValue), Int32(current), Int32(newValue), flag: node.op.code),
                     node.target.range)
            }
            emit(Instruction(.setMember, Int32(container), name, Int32(newValue)), node.target.range)
        case let node as IndexStoreNode:
            let container = try value(node.object)
            let key = try value(node.index)
            let newValue = try fresh(node.value)
            if node.op != .assign {
                let current = temporary()
                emit(Instruction(.index, Int32(current), Int32(container), Int32(key)), node.target.range)
                emit(Instruction(.compound, Int32(newValue), Int32(current), Int32(newValue), flag: node.op.code),
                     node.target.range)
            }
            emit(Instruction(.setIndex, Int32(container), Int32(key), Int32(newValue)), node.target.range)
        case let node as IfNode:
            var ends: [Int] = []
            for (condition, body) in zip(node.conditions, node.bodies) {
                let otherwise = try branch(condition, when: false)
                try statement(body)
                ends.append(emitJump(.jump, condition.range))
                for jump in otherwise { patch(jump) }
            }
            if let elseBody = node.elseBody { try statement(elseBody) }
            for jump in ends { patch(jump) }
        case let node as WhileNode:
            try whileLoop(node)
        case let node as ForNode:
            try forLoop(node)
        case let node as JumpNode:
            try jump(node)
        case let node as RaiseNode:
            let raised = try value(node.value)
            emit(Instruction(.raise, Int32(raised)), node.value.range)
        case let node as TryNode:
            try tryStatement(node)
        case let node as FinallyNode:
            try finallyStatement(node)
        case let node as WaitNode:
            try wait(node)
        case let node as ImportNode:
            tables.modules.append(node.module)
            emit(Instruction(.importModule, Int32(tables.modules.count - 1)), prototype.range)
        case let node as ParallelForNode:
            try parallelFor(node)
        default:
            throw NotOnVM(message: "not yet on the VM: \(type(of: node))", source: source, range: prototype.range)
        }
    }

    /// A block's prologue (fresh cells, hoisted functions) and its statements.
    mutating func block(_ node: BlockNode) throws {
        enter(node)
        for statement in node.statements { try self.statement(statement) }
    }

    mutating func enter(_ node: BlockNode) {
        for cell in node.freshCells { emit(Instruction(.freshCell, Int32(cell)), prototype.range) }
        for (location, closure) in node.functions {
            let register = temporary()
            emitClosure(closure, into: register)
            emitStore(register, in: location, closure.range)
            top -= 1
        }
    }

    // MARK: - Stores

    /// Stores the value of `node` in a variable, computing it in place when the variable is a slot.
    mutating func store(_ node: ExprNode, in location: VariableLocation) throws {
        if case .local(let slot) = location {
            try value(node, into: slot)
            return
        }
        let register = try value(node)
        emitStore(register, in: location, node.range)
    }

    mutating func emitStore(_ register: Int, in location: VariableLocation, _ range: SourceRange) {
        switch location {
        case .local(let slot):
            if slot != register { emit(Instruction(.move, Int32(slot), Int32(register)), range) }
        case .cell(let index): emit(Instruction(.storeCell, Int32(index), Int32(register)), range)
        case .capture(let index): emit(Instruction(.storeCapture, Int32(index), Int32(register)), range)
        case .global(let slot): emit(Instruction(.storeGlobal, Int32(slot), Int32(register)), range)
        }
    }

    mutating func emitLoad(_ location: VariableLocation, into register: Int, _ range: SourceRange) {
        switch location {
        case .local(let slot):
            if slot != register { emit(Instruction(.move, Int32(register), Int32(slot)), range) }
        case .cell(let index): emit(Instruction(.loadCell, Int32(register), Int32(index)), range)
        case .capture(let index): emit(Instruction(.loadCapture, Int32(register), Int32(index)), range)
        case .global(let slot): emit(Instruction(.loadGlobal, Int32(register), Int32(slot)), range)
        }
    }

    /// `name op= value`: the variable is read before the value is computed, as the tree does.
    mutating func compoundStore(_ node: CompoundStoreNode) throws {
        let current: Int
        if case .local(let slot) = node.location {
            current = slot
        } else {
            current = temporary()
            emitLoad(node.location, into: current, node.value.range)
        }
        if case .local = node.location, node.op == .add, let constant = node.value as? IntConstantNode,
           let immediate = Int32(exactly: constant.value) {
            // `i += 1`: the commonest update, one instruction with the operand inline.
            emit(Instruction(.addInt, Int32(current), Int32(current), immediate), node.value.range)
            return
        }
        let operand = try value(node.value)
        emit(Instruction(.compound, Int32(current), Int32(current), Int32(operand), flag: node.op.code), node.value.range)
        if case .local = node.location { return }
        emitStore(current, in: node.location, node.value.range)
    }

    // MARK: - Loops and jumps

    /// The condition is tested at the bottom, so that an iteration is one compare-and-branch.
    mutating func whileLoop(_ node: WhileNode) throws {
        let toCondition = emitJump(.jump, node.condition.range)
        let body = pc
        emit(Instruction(.tick), node.condition.range)
        loops.append(Loop(continueTarget: nil, regionDepth: regions.count))
        try statement(node.body)
        guard let loop = loops.popLast() else { return }
        let condition = pc
        patch(toCondition, to: condition)
        for jump in loop.continueJumps { patch(jump, to: condition) }
        for jump in try branch(node.condition, when: true) { patch(jump, to: body) }
        for jump in loop.breakJumps { patch(jump) }
    }

    mutating func forLoop(_ node: ForNode) throws {
        let iterable = try value(node.iterable)
        let state = temporaries(5)
        emit(Instruction(.forPrepare, Int32(state), Int32(iterable)), node.iterable.range)
        // One loop variable in a slot gets the element straight from `forNext`.
        var direct = -1
        if node.second == nil, case .local(let slot) = node.first { direct = slot }
        let next = emit(Instruction(.forNext, Int32(state), -1, Int32(direct), flag: node.second == nil ? 0 : 1),
                        node.iterable.range)
        for cell in node.loopCells { emit(Instruction(.freshCell, Int32(cell)), node.iterable.range) }
        if let second = node.second {
            emitStore(state + 4, in: node.first, node.iterable.range)
            emitStore(state + 3, in: second, node.iterable.range)
        } else if direct < 0 {
            emitStore(state + 3, in: node.first, node.iterable.range)
        }
        var skips: [Int] = []
        if let filter = node.filter { skips = try branch(filter, when: false) }
        loops.append(Loop(continueTarget: next, regionDepth: regions.count))
        try statement(node.body)
        guard let loop = loops.popLast() else { return }
        emit(Instruction(.jump, Int32(next)), node.iterable.range)
        for jump in skips { patch(jump, to: next) }
        for jump in loop.continueJumps { patch(jump, to: next) }
        patch(next)
        for jump in loop.breakJumps { patch(jump) }
    }

    mutating func jump(_ node: JumpNode) throws {
        let range = node.value?.range ?? prototype.range
        switch node.flow {
        case .returnValue:
            // The value waits in a register that no cleanup body on the way out can reuse.
            let keeper = regions.first { $0.returnRegister != nil }?.returnRegister
            let register: Int
            if let value = node.value {
                if let keeper { try self.value(value, into: keeper); register = keeper } else { register = try self.value(value) }
            } else {
                register = keeper ?? temporary()
                emit(Instruction(.loadNull, Int32(register)), range)
            }
            leaveRegions(above: 0, range)
            emit(Instruction(.returnValue, Int32(register)), range)
            resumeRegions(above: 0)
        case .breakLoop, .continueLoop:
            guard let loop = loops.last else { return }
            leaveRegions(above: loop.regionDepth, range)
            let position = emitJump(.jump, range)
            resumeRegions(above: loop.regionDepth)
            if node.flow == .breakLoop {
                loops[loops.count - 1].breakJumps.append(position)
            } else {
                loops[loops.count - 1].continueJumps.append(position)
            }
        case .normal:
            return
        }
    }

    // MARK: - Errors and cleanup

    /// `try { } catch …`: the body's errors go to the clauses, tried in order; none matching
    /// raises the error again.
    mutating func tryStatement(_ node: TryNode) throws {
        let error = temporary()
        openRegion(.catch(register: error), exit: .none)
        try statement(node.body)
        let end = emitJump(.jump, prototype.range)
        closeRegion(target: pc)
        var ends = [end]
        for clause in node.clauses {
            let savedTop = top
            if let cell = clause.freshCell { emit(Instruction(.freshCell, Int32(cell)), prototype.range) }
            emitStore(error, in: clause.location, prototype.range)
            var next: [Int] = []
            if let filter = clause.filter {
                let passed = try value(filter)
                next.append(emitJump(.jumpIfFalse, filter.range, condition: passed))
            }
            try statement(clause.body)
            ends.append(emitJump(.jump, prototype.range))
            for jump in next { patch(jump) }
            top = savedTop
        }
        emit(Instruction(.rethrow, Int32(error)), prototype.range)
        for jump in ends { patch(jump) }
    }

    /// `try … finally`: the cleanup runs after the body whichever way it ends.
    mutating func finallyStatement(_ node: FinallyNode) throws {
        let site = tables.cleanups.count
        tables.cleanups.append(CleanupSite(entry: -1))
        openRegion(.cleanup, exit: .cleanup(site: site), returnRegister: temporary())
        try statement(node.body)
        closeRegion(target: pc + 2)
        emit(Instruction(.runCleanup, Int32(site)), prototype.range)
        let end = emitJump(.jump, prototype.range)
        emit(Instruction(.unwindCleanup, Int32(site)), prototype.range)
        let cleanup = node.cleanup
        tables.cleanups[site].entry = try piece { compiler in
            try compiler.statement(cleanup)
            let result = compiler.temporary()
            compiler.emit(Instruction(.loadNull, Int32(result)), compiler.prototype.range)
            return result
        }
        patch(end)
    }

    /// A block with `defer`: each `defer` reached counts one more body to run on the way out.
    mutating func deferringBlock(_ node: DeferringBlockNode) throws {
        let site = tables.defers.count
        tables.defers.append(DeferSite(entries: []))
        let counter = temporary()
        enter(node.block)
        emit(Instruction(.loadInt, Int32(counter), 0), prototype.range)
        openRegion(.cleanup, exit: .defers(site: site, counter: counter), returnRegister: temporary())
        var bodies: [StmtNode] = []
        for (index, statement) in node.block.statements.enumerated() {
            if let body = node.deferred[index] {
                bodies.append(body)
                emit(Instruction(.loadInt, Int32(counter), Int32(bodies.count)), prototype.range)
                continue
            }
            try self.statement(statement)
        }
        closeRegion(target: pc + 2)
        emit(Instruction(.runDefers, Int32(site), Int32(counter)), prototype.range)
        let end = emitJump(.jump, prototype.range)
        emit(Instruction(.unwindDefers, Int32(site), Int32(counter)), prototype.range)
        for body in bodies {
            let entry = try piece { compiler in
                try compiler.statement(body)
                let result = compiler.temporary()
                compiler.emit(Instruction(.loadNull, Int32(result)), compiler.prototype.range)
                return result
            }
            tables.defers[site].entries.append(entry)
        }
        patch(end)
    }

    // MARK: - Statements with a runtime of their own

    /// `wait until`: the condition, timeout and interval are pieces the wait runs as it needs.
    mutating func wait(_ node: WaitNode) throws {
        var observedRegister: Int?
        let condition = node.condition
        let conditionEntry: Int
        if node.observed != nil, let comparison = condition as? BinaryNode {
            let observed = temporary()
            observedRegister = observed
            conditionEntry = try piece { compiler in
                try compiler.value(comparison.left, into: observed)
                let right = try compiler.value(comparison.right)
                let result = compiler.temporary()
                compiler.emit(Instruction(comparison.op.opcode, Int32(result), Int32(observed), Int32(right)),
                              comparison.range)
                return result
            }
        } else {
            conditionEntry = try piece { compiler in try compiler.value(condition) }
        }
        var site = WaitSite(condition: conditionEntry, observedRegister: observedRegister, callsNothing: node.callsNothing,
                            range: node.range)
        if let timeout = node.timeout {
            site.timeout = try piece { compiler in try compiler.value(timeout) }
            site.timeoutRange = timeout.range
        }
        if let interval = node.interval {
            site.interval = try piece { compiler in try compiler.value(interval) }
            site.intervalRange = interval.range
        }
        tables.waits.append(site)
        emit(Instruction(.wait, Int32(tables.waits.count - 1)), node.range)
    }

    mutating func parallelFor(_ node: ParallelForNode) throws {
        let iterable = try fresh(node.iterable)
        let site = tables.parallels.count
        tables.parallels.append(ParallelSite(body: node.body.prototype, twoNames: node.twoNames,
                                             iterableRange: node.iterable.range, limitRange: node.limit?.range))
        // The items are made before the limit is read, as the tree does.
        emit(Instruction(.parallelFor, Int32(iterable), -1, Int32(site), flag: 0), node.iterable.range)
        var limit = -1
        if let limitNode = node.limit { limit = try value(limitNode) }
        emit(Instruction(.parallelFor, Int32(iterable), Int32(limit), Int32(site), flag: 1), node.iterable.range)
    }
}

extension AssignmentOperator {
    /// The operator as an instruction's flag.
    var code: UInt8 {
        switch self {
        case .assign: return 0
        case .add: return 1
        case .subtract: return 2
        case .multiply: return 3
        case .divide: return 4
        }
    }

    init(code: UInt8) {
        switch code {
        case 1: self = .add
        case 2: self = .subtract
        case 3: self = .multiply
        case 4: self = .divide
        default: self = .assign
        }
    }
}
