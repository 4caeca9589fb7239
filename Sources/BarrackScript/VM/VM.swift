/// The register VM: runs the bytecode of `Compile/` on frames of the thread's value stack.
///
/// One dispatch loop per activation: a script function calling a script function pushes a
/// frame and goes on in the same loop, so calls do not recurse in Swift. An activation starts
/// where the host or a built-in calls a script (`ExecutionContext.runBody`), or where a piece of
/// code runs on its own (a cleanup body, a default value, a part of `wait until`). Errors are
/// handled in the loop: the innermost handler of the failing instruction takes them, else the
/// frame is popped and the error goes on at the call, which adds it to the call stack exactly
/// as the tree's call nodes do.
enum VM {
    /// Runs a function body from its first instruction on `frame`, which the caller pushed.
    static func run(_ bytecode: Bytecode, frame: Frame) throws -> Value {
        try execute(bytecode, entry: 0, frame: frame, owner: 0)
    }

    /// Runs the piece of code at `entry` on `frame` and gives the value it ends with.
    static func runPiece(_ bytecode: Bytecode, entry: Int, frame: Frame) throws -> Value {
        try execute(bytecode, entry: entry, frame: frame, owner: entry)
    }

    /// A frame the loop pushed, to return to.
    struct CallRecord {
        let code: Unmanaged<Bytecode>
        let prototype: Unmanaged<FunctionPrototype>?
        let frame: Frame
        let returnPC: Int
        let destination: Int
        /// The function called, for the call stack of an error (the call is the instruction
        /// before `returnPC`).
        let callee: Unmanaged<FunctionObject>
    }

    private static func execute(_ start: Bytecode, entry: Int, frame startFrame: Frame, owner: Int) throws -> Value {
        var code = Unmanaged.passUnretained(start)
        var instructions = start.code
        var prototype: Unmanaged<FunctionPrototype>?
        var frame = startFrame
        var pc = entry
        var records = CallRecords()
        var pending: [Error] = []
        let context = startFrame.context
        unowned(unsafe) let globals = context.globals
        while true {
            do {
                while true {
                    let instruction = instructions[pc]
                    pc &+= 1
                    let a = Int(instruction.a)
                    let slots = frame.slots
                    switch instruction.op {
                    case .loadNull:
                        slots[a] = .null
                    case .loadConstant:
                        slots[a] = code._withUnsafeGuaranteedRef { $0.constants[Int(instruction.b)] }
                    case .loadInt:
                        (slots + a).store(.int(Int(instruction.b)))
                    case .move:
                        (slots + a).store(slots[Int(instruction.b)])
                    case .loadCell:
                        (slots + a).store(frame.cells[Int(instruction.b)]?.value ?? .null)
                    case .storeCell:
                        let value = slots[Int(instruction.b)]
                        if let cell = frame.cells[a] { cell.value = value } else { frame.cells[a] = Cell(value) }
                    case .loadCapture:
                        (slots + a).store(frame.captures?[Int(instruction.b)]._withUnsafeGuaranteedRef { $0.value } ?? .null)
                    case .storeCapture:
                        let value = slots[Int(instruction.b)]
                        frame.captures?[a]._withUnsafeGuaranteedRef { $0.value = value }
                    case .loadGlobal:
                        (slots + a).store(globals.storage[Int(instruction.b)])
                    case .storeGlobal:
                        globals.storage[a] = slots[Int(instruction.b)]
                    case .freshCell:
                        frame.cells[a] = Cell()

                    case .add, .subtract, .multiply, .divide, .floorDivide, .remainder,
                         .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .makeRange:
                        // Ints and floats read in place, without copying a `Value` out of a register:
                        // two ints in registers (or an immediate) first, the commonest.
                        let flag = instruction.flag
                        if flag & OperandFlag.leftConstant == 0, case .int(let x) = slots[Int(instruction.b)] {
                            let y: Int?
                            if flag & OperandFlag.rightInt != 0 {
                                y = Int(instruction.c)
                            } else if flag & OperandFlag.rightConstant == 0, case .int(let value) = slots[Int(instruction.c)] {
                                y = value
                            } else {
                                y = nil
                            }
                            if let y, let result = integer(instruction.op, x, y) {
                                (slots + a).store(result)
                                continue
                            }
                        }
                        let constants = code._withUnsafeGuaranteedRef { $0.constantValues }
                        let left = flag & OperandFlag.leftConstant == 0 ? slots + Int(instruction.b) : constants + Int(instruction.b)
                        let right: UnsafeMutablePointer<Value>? = flag & OperandFlag.rightInt != 0 ? nil
                            : flag & OperandFlag.rightConstant != 0 ? constants + Int(instruction.c) : slots + Int(instruction.c)
                        if let result = numeric(instruction.op, left, right, immediate: Int(instruction.c)) {
                            (slots + a).store(result)
                            continue
                        }
                        slots[a] = try arithmetic(instruction.op, left.pointee, right?.pointee ?? .int(Int(instruction.c)), context)
                    case .addInt, .subtractInt:
                        let left = slots[Int(instruction.b)]
                        if case .int(let x) = left {
                            let (result, overflow) = instruction.op == .addInt
                                ? x.addingReportingOverflow(Int(instruction.c))
                                : x.subtractingReportingOverflow(Int(instruction.c))
                            if !overflow {
                                (slots + a).store(.int(result))
                                continue
                            }
                        }
                        let op: Opcode = instruction.op == .addInt ? .add : .subtract
                        slots[a] = try arithmetic(op, left, .int(Int(instruction.c)), context)
                    case .negate:
                        slots[a] = try Operators.negate(slots[Int(instruction.b)])
                    case .not:
                        slots[a] = .bool(!slots[Int(instruction.b)].isTruthy)
                    case .gpuRequest:
                        slots[a] = try Operators.gpuRequest(slots[Int(instruction.b)], slots[Int(instruction.c)])
                    case .compound:
                        slots[a] = try compound(instruction, slots, context)

                    case .jump:
                        pc = a
                    case .jumpIfFalse:
                        if !slots[a].isTruthy { pc = Int(instruction.b) }
                    case .jumpIfTrue:
                        if slots[a].isTruthy { pc = Int(instruction.b) }
                    case .jumpIfNotNull:
                        if case .null = slots[a] {} else { pc = Int(instruction.b) }
                    case .compareJump:
                        let right = instruction.flag & Comparison.rightConstant == 0 ? slots + Int(instruction.b)
                            : code._withUnsafeGuaranteedRef { $0.constantValues } + Int(instruction.b)
                        let holds = try compare(instruction.flag, slots + a, right)
                        if holds == (instruction.flag & Comparison.jumpWhenTrue != 0) { pc = Int(instruction.c) }
                    case .compareIntJump:
                        let holds: Bool
                        if case .int(let x) = slots[a] {
                            holds = intHolds(instruction.flag, x, Int(instruction.b))
                        } else {
                            holds = try compare(instruction.flag, slots[a], .int(Int(instruction.b)))
                        }
                        if holds == (instruction.flag & Comparison.jumpWhenTrue != 0) { pc = Int(instruction.c) }

                    case .newList:
                        slots[a] = .list(ListObject(Array(UnsafeBufferPointer(start: slots + Int(instruction.b),
                                                                              count: Int(instruction.c)))))
                    case .newMap:
                        slots[a] = try newMap(slots + Int(instruction.b), count: Int(instruction.c))
                    case .interpolate:
                        var text = ""
                        for offset in 0..<Int(instruction.c) {
                            switch slots[Int(instruction.b) + offset] {
                            case .string(let piece): text += piece
                            case let value: text += value.description
                            }
                        }
                        slots[a] = .string(text)
                    case .closure:
                        let made = code._withUnsafeGuaranteedRef { $0.prototypes[Int(instruction.b)] }.makeClosure(frame)
                        slots[a] = .function(made)
                    case .member:
                        let object = slots[Int(instruction.b)]
                        let name = code._withUnsafeGuaranteedRef { $0.name(Int(instruction.c)) }
                        if case .map(let map) = object, let found = map[name] {
                            slots[a] = found
                        } else {
                            slots[a] = try Access.member(object, name, optional: instruction.flag == 1)
                        }
                    case .memberForUpdate:
                        let name = code._withUnsafeGuaranteedRef { $0.name(Int(instruction.c)) }
                        slots[a] = try Access.member(slots[Int(instruction.b)], name, optional: false)
                    case .index:
                        // A list and an int index read where they are, without copying either;
                        // `flag` 1: the object is global b.
                        let object = instruction.flag == 0 ? slots + Int(instruction.b) : globals.storage + Int(instruction.b)
                        if let list = object.borrowedList,
                           case .int(let position) = slots[Int(instruction.c)],
                           let element = list._withUnsafeGuaranteedRef({ list in
                               position >= 0 && position < list.elements.count ? list.elements[position] : nil
                           }) {
                            (slots + a).store(element)
                            continue
                        }
                        slots[a] = try Access.index(object.pointee, slots[Int(instruction.c)])
                    case .setMember:
                        let name = code._withUnsafeGuaranteedRef { $0.name(Int(instruction.b)) }
                        try Access.setMember(slots[a], name, slots[Int(instruction.c)])
                    case .setIndex:
                        try Access.setIndex(slots[a], slots[Int(instruction.b)], slots[Int(instruction.c)])

                    case .checkCallable:
                        if case .function = slots[a] { continue }
                        try Call.notCallable(slots[a], code.takeUnretainedValue().calls[Int(instruction.b)])
                    case .call, .callBare, .findMethod, .callMethod:
                        if instruction.op == .call, instruction.flag != 0 {
                            // The plain call of a script function, entered without retaining it
                            // (its register holds it); any other callee goes the general way.
                            let callee = slots + Int(instruction.b)
                            if let function = callee.borrowedFunction,
                               let entry = try Call.enterPlain(function, given: Int(instruction.flag) &- 1,
                                                               arguments: callee + 1, site: Int(instruction.c),
                                                               code: code, context: context) {
                                records.push(CallRecord(code: code, prototype: prototype, frame: frame, returnPC: pc,
                                                        destination: a, callee: function))
                                code = entry.code
                                instructions = entry.code._withUnsafeGuaranteedRef { $0.code }
                                prototype = entry.prototype
                                frame = entry.frame
                                pc = 0
                                continue
                            }
                        } else if instruction.op == .findMethod {
                            // The commonest methods (`append`, `len`, `has`, `get`) are marked here
                            // and done by `callMethod` in line, on the receiver where it is.
                            let site = code._withUnsafeGuaranteedRef { $0.methodSites[Int(instruction.b)] }
                            let global = site._withUnsafeGuaranteedRef { $0.globalReceiver }
                            let receiver = global < 0 ? slots + a + 1 : globals.storage + global
                            if site._withUnsafeGuaranteedRef({ Call.takesFast($0, receiver) }) {
                                (slots + a).store(.int(Call.fastKind))
                                continue
                            }
                            // Any other method takes its receiver from the register.
                            if global >= 0 { (slots + a + 1).store(receiver.pointee) }
                        } else if instruction.op == .callMethod, case .int(Call.fastKind) = slots[Int(instruction.b)] {
                            let site = code._withUnsafeGuaranteedRef { $0.methodSites[Int(instruction.c)] }
                            let global = site._withUnsafeGuaranteedRef { $0.globalReceiver }
                            let arguments = slots + Int(instruction.b) + 2
                            let receiver = global < 0 ? arguments - 1 : globals.storage + global
                            let keepsResult = instruction.flag & MethodFlag.resultUnused == 0
                            (slots + a).store(try site._withUnsafeGuaranteedRef {
                                try Call.fastMethod($0, receiver, arguments, keepsResult: keepsResult)
                            })
                            continue
                        }
                        // The running code is held by its caller: borrowed, not retained.
                        let target: Call.Target = try code._withUnsafeGuaranteedRef { bytecode in
                            switch instruction.op {
                            case .call:
                                return try Call.function(instruction, bytecode, frame)
                            case .callBare:
                                return try Call.bare(instruction, bytecode, frame)
                            case .findMethod:
                                if try Call.findMethod(instruction, bytecode, frame) { pc = Int(instruction.c) }
                                return .done
                            default:
                                return try Call.method(instruction, bytecode, frame)
                            }
                        }
                        guard case .enter(let function, let callee, let calleeFrame) = target else { continue }
                        guard let calleeCode = callee._withUnsafeGuaranteedRef({ $0.compiledCode }) else {
                            // A function compiled for the tree (by another interpreter): run it there.
                            let body = callee.takeUnretainedValue()
                            defer { context.popFrame(calleeFrame, body) }
                            slots[a] = try context.runBody(body, calleeFrame)
                            continue
                        }
                        records.push(CallRecord(code: code, prototype: prototype, frame: frame, returnPC: pc,
                                                  destination: a, callee: function))
                        code = calleeCode
                        instructions = calleeCode._withUnsafeGuaranteedRef { $0.code }
                        prototype = callee
                        frame = calleeFrame
                        pc = 0
                    case .returnValue:
                        guard let record = records.pop() else { return slots[a] }
                        // The frame goes: its result moves out rather than being copied and cleared.
                        let result = (slots + a).take()
                        if let prototype {
                            let (slotCount, cellCount) = prototype._withUnsafeGuaranteedRef { ($0.slotCount, $0.cellCount) }
                            context.popFrame(frame, slotCount: slotCount, cellCount: cellCount)
                        }
                        code = record.code
                        instructions = record.code._withUnsafeGuaranteedRef { $0.code }
                        prototype = record.prototype
                        frame = record.frame
                        pc = record.returnPC
                        (frame.slots + record.destination).store(result)
                    case .keepResult:
                        context.interpreter.lastResult = slots[a]

                    case .raise:
                        throw raised(slots[a])
                    case .rethrow:
                        if case .error(let error) = slots[a] { throw error }
                    case .runCleanup, .unwindCleanup:
                        let error = instruction.op == .unwindCleanup ? pending.popLast() : nil
                        try runCleanup(code.takeUnretainedValue(), site: a, frame: frame, pending: error)
                        if let error { throw error }
                    case .runDefers, .unwindDefers:
                        guard case .int(let count) = slots[Int(instruction.b)] else { continue }
                        let error = instruction.op == .unwindDefers ? pending.popLast() : nil
                        if let failure = runDefers(code.takeUnretainedValue(), site: a, count: count, frame: frame,
                                                   pending: error) {
                            throw failure
                        }
                    case .endSub:
                        return slots[a]

                    case .forPrepare:
                        try prepareIteration(slots + a, over: slots[Int(instruction.b)])
                    case .forNext:
                        // A range, counted in place.
                        if case .range(let low, let high) = slots[a], case .int(let index) = slots[a + 1] {
                            // `low + index` never passes `high`, so it cannot overflow.
                            let current = low &+ index
                            guard current < high else {
                                pc = Int(instruction.b)
                                continue
                            }
                            try context.tick()
                            (slots + a + 1).store(.int(index &+ 1))
                            (instruction.c >= 0 ? slots + Int(instruction.c) : slots + a + 3).store(.int(current))
                            (slots + a + 4).store(.int(index))
                            continue
                        }
                        let element = instruction.c >= 0 ? slots + Int(instruction.c) : slots + a + 3
                        if try !nextIteration(slots + a, into: element, twoNames: instruction.flag == 1, context) {
                            pc = Int(instruction.b)
                        }
                    case .tick:
                        try context.tick()
                    case .wait:
                        try Statements.wait(code.takeUnretainedValue(), site: a, frame)
                    case .parallelFor:
                        try Statements.parallelFor(instruction, code.takeUnretainedValue(), frame)
                    case .importModule:
                        try code._withUnsafeGuaranteedRef { $0.modules[a] }.runOnce(context)
                    }
                }
            } catch {
                // Unwind to the innermost handler: in this frame, else in its callers.
                var failed = pc - 1
                while true {
                    let bytecode = code.takeUnretainedValue()
                    if let located = error as? ErrorObject, located.location == nil,
                       locates(bytecode.code[failed]) {
                        located.locate(bytecode.source, bytecode.ranges[failed])
                    }
                    if let handler = accepting(bytecode.handlers(at: failed, owner: records.isEmpty ? owner : 0), error) {
                        switch handler.kind {
                        case .catch(let register):
                            if let caught = error as? ErrorObject { frame.slots[register] = .error(caught) }
                        case .cleanup:
                            pending.append(error)
                        }
                        pc = handler.target
                        break
                    }
                    guard let record = records.pop() else { throw error }
                    if let prototype { context.popFrame(frame, prototype.takeUnretainedValue()) }
                    if let traced = error as? ErrorObject {
                        let caller = record.code.takeUnretainedValue()
                        let range = caller.ranges[record.returnPC - 1]
                        if traced.location == nil {
                            traced.locate(caller.source, range)
                        } else {
                            traced.trace.append(ErrorLocation(function: record.callee._withUnsafeGuaranteedRef { $0.name },
                                                              source: caller.source, range: range))
                        }
                    }
                    code = record.code
                    instructions = record.code._withUnsafeGuaranteedRef { $0.code }
                    prototype = record.prototype
                    frame = record.frame
                    pc = record.returnPC
                    failed = pc - 1
                }
            }
        }
    }

    /// Runs the `finally` body of cleanup site `site` under the cleanup rules (`Cleanup`). Out of
    /// the loop, so that no closure captures the loop's own variables.
    @inline(never)
    private static func runCleanup(_ code: Bytecode, site: Int, frame: Frame, pending: Error?) throws {
        let entry = code.cleanups[site].entry
        try Cleanup.run(in: frame.context, pending: pending) { _ = try runPiece(code, entry: entry, frame: frame) }
    }

    /// Runs the first `count` `defer` bodies of site `site`, the last first; the error to go on with.
    @inline(never)
    private static func runDefers(_ code: Bytecode, site: Int, count: Int, frame: Frame, pending: Error?) -> Error? {
        let bodies = code.defers[site].entries.prefix(count).reversed().map { entry in
            { () throws in _ = try runPiece(code, entry: entry, frame: frame) }
        }
        return Cleanup.runAll(bodies, in: frame.context, pending: pending)
    }

    /// The first of `handlers` (innermost first) that takes `error`: a `catch` takes what a
    /// script may catch, a cleanup everything.
    private static func accepting(_ handlers: [Handler], _ error: Error) -> Handler? {
        handlers.first { handler in
            switch handler.kind {
            case .catch:
                guard let error = error as? ErrorObject else { return false }
                return !error.isCancellation
            case .cleanup:
                return true
            }
        }
    }

    /// Whether an error the instruction raises without a place is placed at the instruction.
    /// Statements that pass on what their bodies raise leave it to the caller, as the tree does.
    private static func locates(_ instruction: Instruction) -> Bool {
        switch instruction.op {
        case .rethrow, .runCleanup, .unwindCleanup, .runDefers, .unwindDefers, .wait, .importModule: return false
        case .parallelFor: return instruction.flag == 0
        default: return true
        }
    }
}

extension Bytecode {
    /// The string constant at `index` (a member's name).
    @inline(__always)
    func name(_ index: Int) -> String {
        if case .string(let name) = constants[index] { return name }
        return ""
    }
}
