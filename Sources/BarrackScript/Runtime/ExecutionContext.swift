import Synchronization

/// One evaluating OS thread's state: its value and cell stacks, call depth and pending return
/// value, for the script `Thread` it runs.
///
/// Frames live on preallocated stacks instead of one heap object per call: a call reserves
/// `slotCount` values above the caller's and gives them back on return, which keeps calls free of
/// allocation (fib(27) makes 630,000 of them). The stacks are reserved at their full size but
/// initialised only as deep as calls have reached, in steps of `readyStep`: the memory of a
/// stack no call has used is never touched (the whole main stack is 6 MB, and writing it took a
/// fifth of the start-up of `barrack -e 'print 1'`).
final class ExecutionContext {
    unowned(unsafe) let interpreter: Interpreter
    /// The run this evaluator belongs to (a `parallel for` worker's is a child of the run's).
    let thread: ScriptThread
    /// The thread that owns the step budget and the cancellation, held here for `tick()`.
    unowned(unsafe) let budget: ScriptThread
    /// `budget` again, read by `tick()` without retaining it.
    private let counter: Borrowed<ScriptThread>
    /// The thread's limits, read once: they are fixed while a run goes.
    let stepLimit: Int
    let maxCallDepth: Int
    /// The interpreter's globals, held here so that reading one is a single hop from the frame.
    let globals: GlobalTable
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell?>
    let slotCapacity: Int
    let cellCapacity: Int
    /// How many slots and cells from the bottom are initialised (`.null`, `nil`); above them the
    /// stacks are raw memory.
    @exclusivity(unchecked) private var slotsReady = 0
    @exclusivity(unchecked) private var cellsReady = 0
    /// How many slots a stack is made ready at a time beyond what a call needs.
    private static let readyStep = 4_096
    @exclusivity(unchecked) var slotTop = 0
    @exclusivity(unchecked) var cellTop = 0
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var returnValue: Value = .null
    /// How many of the thread's cancellations this evaluator has raised `INTERRUPTED` for.
    @exclusivity(unchecked) var seenCancellations: Int
    /// How many cleanup blocks run here because of an interrupt (a further one skips them).
    @exclusivity(unchecked) var interruptCleanupDepth = 0
    /// How many atomic updates (`m.update(key, f)`) this thread is inside: while above zero it
    /// keeps the interpreter lock through sleeps and requests, so no other iteration runs.
    @exclusivity(unchecked) var atomicDepth = 0

    /// An evaluator for `thread`, which has already raised `INTERRUPTED` for `seenCancellations`
    /// cancellations (a `parallel for` worker inherits its parent's count).
    init(thread: ScriptThread, slotCapacity: Int, seenCancellations: Int = 0) {
        let interpreter = thread.interpreter
        self.interpreter = interpreter
        self.thread = thread
        self.budget = thread.root
        self.counter = Borrowed(thread.root)
        self.stepLimit = thread.stepLimit ?? Int.max
        self.maxCallDepth = thread.maxCallDepth
        self.depth = thread.baseDepth
        self.seenCancellations = seenCancellations
        self.globals = interpreter.globals
        self.slotCapacity = slotCapacity
        self.cellCapacity = slotCapacity / 4
        slots = .allocate(capacity: slotCapacity)
        cells = .allocate(capacity: cellCapacity)
    }

    deinit {
        slots.deinitialize(count: slotsReady)
        slots.deallocate()
        cells.deinitialize(count: cellsReady)
        cells.deallocate()
    }

    /// Initialises the stacks up to at least `slotEnd` slots and `cellEnd` cells.
    @inline(never)
    private func makeReady(slots slotEnd: Int, cells cellEnd: Int) {
        if slotEnd > slotsReady {
            let target = min(slotCapacity, max(slotEnd, slotsReady + Self.readyStep))
            (slots + slotsReady).initialize(repeating: .null, count: target - slotsReady)
            slotsReady = target
        }
        if cellEnd > cellsReady {
            let target = min(cellCapacity, max(cellEnd, cellsReady + Self.readyStep / 4))
            (cells + cellsReady).initialize(repeating: nil, count: target - cellsReady)
            cellsReady = target
        }
    }

    /// Reserves a frame for `prototype`; throws `RECURSION_LIMIT` when the stacks or depth run out.
    @inline(__always)
    func pushFrame(_ prototype: FunctionPrototype, function: FunctionObject?) throws -> Frame {
        try pushFrame(prototype, captures: function?.captures.baseAddress)
    }

    /// Reserves a frame for `prototype` over the running closure's `captures`.
    @inline(__always)
    func pushFrame(_ prototype: FunctionPrototype, captures: UnsafeMutablePointer<Unmanaged<Cell>>?) throws -> Frame {
        depth += 1
        let slotBase = slotTop
        let cellBase = cellTop
        if depth > maxCallDepth || slotBase + prototype.slotCount > slotCapacity
            || cellBase + prototype.cellCount > cellCapacity {
            depth -= 1
            throw recursionLimit(prototype)
        }
        slotTop += prototype.slotCount
        cellTop += prototype.cellCount
        if slotTop > slotsReady || cellTop > cellsReady { makeReady(slots: slotTop, cells: cellTop) }
        return Frame(slots: slots + slotBase, cells: cells + cellBase, captures: captures, context: self)
    }

    /// The error of a call one level too deep (out of line: the call path stays small).
    @inline(never)
    private func recursionLimit(_ prototype: FunctionPrototype) -> ErrorObject {
        ErrorObject(code: ErrorCode.recursionLimit,
                    message: "too many nested calls (more than \(maxCallDepth)): is '\(prototype.name)' recursing without end?")
    }

    /// Releases a frame, dropping the references it held.
    @inline(__always)
    func popFrame(_ frame: Frame, _ prototype: FunctionPrototype) {
        popFrame(frame, slotCount: prototype.slotCount, cellCount: prototype.cellCount)
    }

    /// Releases a frame of `slotCount` slots and `cellCount` cells.
    @inline(__always)
    func popFrame(_ frame: Frame, slotCount: Int, cellCount: Int) {
        for index in 0..<slotCount { (frame.slots + index).store(.null) }
        for index in 0..<cellCount { frame.cells[index] = nil }
        slotTop -= slotCount
        cellTop -= cellCount
        depth -= 1
    }

    /// Counts a step (a loop iteration or a call) and raises `INTERRUPTED` or `STEP_LIMIT` when due.
    ///
    /// The count lives on the root thread and is only touched under the interpreter lock, so
    /// `parallel for` workers share it without atomics; the cancellation count is a relaxed load.
    @inline(__always)
    func tick() throws {
        try counter.with { budget in
            budget.stepCount &+= 1
            if budget.cancellations.load(ordering: .relaxed) != seenCancellations || budget.stepCount > stepLimit {
                try stopForBudget()
            }
            if budget.stepCount & 1023 == 0 { try everyThousandSteps(budget) }
        }
    }

    /// The memory check and the host's checkpoint, every 1,024 steps.
    @inline(never)
    private func everyThousandSteps(_ budget: ScriptThread) throws {
        if let memory = budget.memoryGuard { try memory.checkPeriodically() }
        budget.checkpoint?()
    }

    @inline(never)
    private func stopForBudget() throws {
        if isInterruptPending { throw takeInterrupt() }
        throw ErrorObject(code: ErrorCode.stepLimit, message: "the script ran more than \(stepLimit) steps (the host's limit)")
    }

    /// Whether the thread was cancelled since this evaluator last raised `INTERRUPTED`.
    var isInterruptPending: Bool {
        budget.cancellations.load(ordering: .relaxed) != seenCancellations
    }

    /// Marks the pending cancellation as raised here and gives the `INTERRUPTED` error for it. One
    /// that arrives while cleanup blocks run because of an earlier one says that the remaining
    /// cleanup blocks are skipped, and they are.
    func takeInterrupt(_ message: String = "interrupted") -> ErrorObject {
        seenCancellations = budget.cancellations.load(ordering: .relaxed)
        if let timeLimit = budget.timeLimitError { return timeLimit }
        if interruptCleanupDepth > 0 {
            budget.skipsInterruptCleanup = true
            return ErrorObject(code: ErrorCode.interrupted,
                               message: "interrupted again: the remaining finally and defer blocks were skipped")
        }
        return ErrorObject(code: ErrorCode.interrupted, message: message)
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
        if prototype.capturesParameters { prototype.captureParameters(in: frame) }
        if let code = prototype.compiledCode { return try code._withUnsafeGuaranteedRef { try VM.run($0, frame: frame) } }
        if try prototype.entry.with({ try $0.exec(frame) }) == .returnValue {
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
        guard let compiled = function.compiled else { return .null }
        return try compiled.with { prototype in
            try tick()
            let frame = try pushFrame(prototype, function: function)
            defer { popFrame(frame, prototype) }
            try bind(prototype, frame, arguments: arguments, labels: labels ?? [])
            return try runBody(prototype, frame)
        }
    }

    /// Stores arguments in a new frame's parameter slots, applies defaults, checks the counts.
    func bind(_ prototype: FunctionPrototype, _ frame: Frame, arguments: [Value], labels: [String?]) throws {
        if arguments.count <= prototype.parameterCount && labels.allSatisfy({ $0 == nil }) {
            // Positional arguments only (a built-in calling back: `map`, `filter`, `sort`).
            for (index, argument) in arguments.enumerated() { frame.slots[index] = argument }
            return try fillDefaults(prototype, frame, after: arguments.count)
        }
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
            guard let defaultValue = try prototype.defaultValue(index, frame) else {
                throw ErrorObject.argument("\(prototype.name)() is missing its argument '\(names[index])'")
            }
            frame.slots[index] = defaultValue
        }
    }

    /// Stores the default of each parameter after the first `given`, which a positional call set.
    @inline(__always)
    func fillDefaults(_ prototype: FunctionPrototype, _ frame: Frame, after given: Int) throws {
        var index = given
        while index < prototype.parameterCount {
            guard let defaultValue = try prototype.defaultValue(index, frame) else {
                throw ErrorObject.argument("\(prototype.name)() is missing its argument '\(prototype.parameterNames[index])'")
            }
            frame.slots[index] = defaultValue
            index += 1
        }
    }

    /// Calls a built-in after binding its arguments to its parameters (`ArgumentBinding`). An
    /// error about one argument learns which it is (`ErrorObject.argumentOffset`), so that its
    /// caret goes under that argument.
    func callBuiltin(_ builtin: BuiltinFunction, _ arguments: [Value], labels: [String?]) throws -> Value {
        let bound: [Value?]
        let rest: [Value]
        do {
            (bound, rest) = try ArgumentBinding.bind(arguments, labels: labels, to: builtin)
        } catch {
            throw error.error(builtin, labels: labels)
        }
        do {
            return try builtin.body(BuiltinCall(function: builtin, arguments: bound, rest: rest, context: self))
        } catch let error as ErrorObject {
            if error.argumentOffset == nil, error.location == nil, let parameter = error.parameter {
                error.argumentOffset = ArgumentBinding.offset(ofParameter: parameter, count: arguments.count,
                                                              labels: labels, in: builtin)
            }
            throw error
        }
    }
}
