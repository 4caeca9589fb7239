import Synchronization

/// One evaluating thread's state: its value and cell stacks, call depth and pending return value.
///
/// Frames live on preallocated stacks instead of one heap object per call: a call reserves
/// `slotCount` values above the caller's and gives them back on return, which keeps calls free of
/// allocation (fib(27) makes 630,000 of them).
final class ExecutionContext {
    unowned(unsafe) let interpreter: Interpreter
    /// The interpreter's globals, held here so that reading one is a single hop from the frame.
    let globals: GlobalTable
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell?>
    let slotCapacity: Int
    let cellCapacity: Int
    @exclusivity(unchecked) var slotTop = 0
    @exclusivity(unchecked) var cellTop = 0
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var returnValue: Value = .null
    @exclusivity(unchecked) var steps = 0
    /// How many atomic updates (`m.update(key, f)`) this thread is inside: while above zero it
    /// keeps the interpreter lock through sleeps and requests, so no other iteration runs.
    @exclusivity(unchecked) var atomicDepth = 0

    init(interpreter: Interpreter, slotCapacity: Int) {
        self.interpreter = interpreter
        self.globals = interpreter.globals
        self.slotCapacity = slotCapacity
        self.cellCapacity = slotCapacity / 4
        slots = .allocate(capacity: slotCapacity)
        slots.initialize(repeating: .null, count: slotCapacity)
        cells = .allocate(capacity: cellCapacity)
        cells.initialize(repeating: nil, count: cellCapacity)
    }

    deinit {
        slots.deinitialize(count: slotCapacity)
        slots.deallocate()
        cells.deinitialize(count: cellCapacity)
        cells.deallocate()
    }

    /// Reserves a frame for `prototype`; throws `RECURSION_LIMIT` when the stacks or depth run out.
    @inline(__always)
    func pushFrame(_ prototype: FunctionPrototype, function: FunctionObject?) throws -> Frame {
        depth += 1
        let slotBase = slotTop
        let cellBase = cellTop
        if depth > interpreter.maxCallDepth || slotBase + prototype.slotCount > slotCapacity
            || cellBase + prototype.cellCount > cellCapacity {
            depth -= 1
            throw ErrorObject(code: ErrorCode.recursionLimit,
                              message: "too many nested calls (more than \(interpreter.maxCallDepth)): is '\(prototype.name)' recursing without end?")
        }
        slotTop += prototype.slotCount
        cellTop += prototype.cellCount
        return Frame(slots: slots + slotBase, cells: cells + cellBase, function: function, context: self)
    }

    /// Releases a frame, dropping the references it held.
    @inline(__always)
    func popFrame(_ frame: Frame, _ prototype: FunctionPrototype) {
        for index in 0..<prototype.slotCount { frame.slots[index] = .null }
        for index in 0..<prototype.cellCount { frame.cells[index] = nil }
        slotTop -= prototype.slotCount
        cellTop -= prototype.cellCount
        depth -= 1
    }

    /// Counts a step (a loop iteration or a call) and raises `INTERRUPTED`, `TIME_LIMIT`,
    /// `STEP_LIMIT` or `MEMORY_LIMIT` when due.
    @inline(__always)
    func tick() throws {
        steps &+= 1
        try checkStop()
        if let limit = interpreter.stepLimit, steps > limit {
            throw ErrorObject(code: ErrorCode.stepLimit, message: "the script ran more than \(limit) steps (the host's limit)")
        }
        if steps & 1023 == 0, let memory = interpreter.memoryGuard { try memory.check() }
    }

    /// Raises `INTERRUPTED` (or `TIME_LIMIT`) once the run was asked to stop. The request stays
    /// set, so every later check raises again: a stopped run cannot carry on to another request.
    @inline(__always)
    func checkStop() throws {
        guard interpreter.interruptRequested.load(ordering: .relaxed) else { return }
        if interpreter.timeLimitReached.load(ordering: .relaxed) {
            throw ErrorObject(code: ErrorCode.timeLimit,
                              message: "the script ran longer than \(Value.duration(Int(min(interpreter.timeLimit ?? 0, 9e15) * 1_000))) (the host's time limit)")
        }
        throw ErrorObject(code: ErrorCode.interrupted, message: "interrupted")
    }

    /// Runs blocking `work` with the interpreter lock released so that other `parallel for`
    /// iterations run meanwhile, except inside an atomic update, which keeps it.
    func withoutLock<T>(_ work: () throws -> T) rethrows -> T {
        guard atomicDepth == 0 else { return try work() }
        return try interpreter.lock.withoutLock(work)
    }

    /// Runs `work` as one atomic step: no other thread evaluates until it ends.
    func atomically<T>(_ work: () throws -> T) rethrows -> T {
        atomicDepth += 1
        defer { atomicDepth -= 1 }
        return try work()
    }

    /// Runs a script function's body with `arguments` already bound in `frame`.
    func runBody(_ prototype: FunctionPrototype, _ frame: Frame) throws -> Value {
        for (slot, cell) in prototype.capturedParameters { frame.cells[cell] = Cell(frame.slots[slot]) }
        if try prototype.body.exec(frame) == .returnValue {
            let value = returnValue
            returnValue = .null
            return value
        }
        return .null
    }

    /// Calls any function value with positional arguments (built-ins calling back into scripts).
    func call(_ callee: Value, _ arguments: [Value], labels: [String?]? = nil) throws -> Value {
        guard case .function(let function) = callee else {
            throw ErrorObject.type("\(callee.typeName) is not callable")
        }
        if let builtin = function.builtin {
            return try callBuiltin(builtin, arguments, labels: labels ?? [])
        }
        guard let prototype = function.prototype else { return .null }
        try tick()
        let frame = try pushFrame(prototype, function: function)
        defer { popFrame(frame, prototype) }
        try bind(prototype, frame, arguments: arguments, labels: labels ?? [])
        return try runBody(prototype, frame)
    }

    /// Stores arguments in a new frame's parameter slots, applies defaults, checks the counts.
    func bind(_ prototype: FunctionPrototype, _ frame: Frame, arguments: [Value], labels: [String?]) throws {
        let names = prototype.parameterNames
        var given = [Bool](repeating: false, count: names.count)
        for (position, argument) in arguments.enumerated() {
            let label = position < labels.count ? labels[position] : nil
            let index: Int
            if let label {
                guard let found = names.firstIndex(of: label) else {
                    throw ErrorObject.argument("\(prototype.name)() has no parameter named '\(label)'"
                                               + Suggestion.didYouMean(label, among: names))
                }
                index = found
            } else {
                index = position
                guard index < names.count else {
                    throw ErrorObject.argument("\(prototype.name)() takes \(names.count) argument\(names.count == 1 ? "" : "s") but \(arguments.count) were given")
                }
            }
            if given[index] {
                throw ErrorObject.argument("\(prototype.name)() got two values for '\(names[index])'")
            }
            given[index] = true
            frame.slots[index] = argument
        }
        for index in 0..<names.count where !given[index] {
            guard let defaultValue = prototype.defaults[index] else {
                throw ErrorObject.argument("\(prototype.name)() is missing its argument '\(names[index])'")
            }
            frame.slots[index] = try defaultValue.eval(frame)
        }
    }

    /// Calls a built-in after binding its arguments to its parameters.
    func callBuiltin(_ builtin: BuiltinFunction, _ arguments: [Value], labels: [String?]) throws -> Value {
        let parameters = builtin.parameters
        var bound = [Value?](repeating: nil, count: parameters.count)
        var rest: [Value] = []
        var position = 0
        for (offset, argument) in arguments.enumerated() {
            if offset < labels.count, let label = labels[offset] {
                guard let index = parameters.firstIndex(where: { $0.name == label }) else {
                    throw ErrorObject.argument("\(builtin.name) has no parameter '\(label)'"
                                               + Suggestion.didYouMean(label, among: parameters.map(\.name))
                                               + parameterList(builtin))
                }
                if bound[index] != nil {
                    throw ErrorObject.argument("\(builtin.name): '\(label)' is given twice")
                }
                bound[index] = argument
            } else {
                while position < parameters.count, bound[position] != nil { position += 1 }
                if position < parameters.count {
                    bound[position] = argument
                    position += 1
                } else if builtin.isVariadic {
                    rest.append(argument)
                } else {
                    throw ErrorObject.argument("\(builtin.name) takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") but \(arguments.count) were given"
                                               + parameterList(builtin))
                }
            }
        }
        for (index, parameter) in parameters.enumerated() where parameter.isRequired && bound[index] == nil {
            throw ErrorObject.argument("\(builtin.name) is missing its argument '\(parameter.name)'" + parameterList(builtin))
        }
        return try builtin.body(BuiltinCall(function: builtin, arguments: bound, rest: rest, context: self))
    }

    private func parameterList(_ builtin: BuiltinFunction) -> String {
        guard !builtin.parameters.isEmpty else { return "" }
        return " (parameters: " + builtin.parameters.map { $0.isRequired ? $0.name : "\($0.name)?" }.joined(separator: ", ") + ")"
    }
}
