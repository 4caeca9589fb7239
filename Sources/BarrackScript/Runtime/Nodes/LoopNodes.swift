/// `for x in xs where cond { }` and `for i, x in xs { }`.
final class ForNode: StmtNode {
    let first: VariableLocation
    let second: VariableLocation?
    let iterable: ExprNode
    let filter: ExprNode?
    let body: StmtNode
    /// Cells of captured loop variables: new ones each iteration, so closures keep their own.
    let loopCells: [Int]

    init(first: VariableLocation, second: VariableLocation?, iterable: ExprNode, filter: ExprNode?, body: StmtNode,
         loopCells: [Int]) {
        self.first = first
        self.second = second
        self.iterable = iterable
        self.filter = filter
        self.body = body
        self.loopCells = loopCells
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let sequence = try iterable.eval(frame)
        let context = frame.context
        switch sequence {
        case .range(let low, let high):
            var index = 0
            var current = low
            while current < high {
                if let flow = try step(frame, context, index: index, element: .int(current)) { return flow }
                index += 1
                current += 1
            }
        case .list(let list):
            var index = 0
            while index < list.elements.count {
                if let flow = try step(frame, context, index: index, element: list.elements[index]) { return flow }
                index += 1
            }
        case .map(let map):
            var entries = MapIteration(map)
            var index = 0
            while let entry = try nextEntry(&entries) {
                let value: Value = second == nil ? .string(entry.key) : entry.value
                if let flow = try step(frame, context, key: .string(entry.key), index: index, element: value) { return flow }
                index += 1
            }
        case .string(let text):
            for (index, character) in text.enumerated() {
                if let flow = try step(frame, context, index: index, element: .string(String(character))) { return flow }
            }
        default:
            throw iterable.located(ErrorObject.type("cannot iterate over \(article(sequence.typeName)) \(sequence.typeName)"))
        }
        return .normal
    }

    /// The next entry of a map; a change of its keys is reported at the loop's iterable.
    private func nextEntry(_ entries: inout MapIteration) throws -> (key: String, value: Value)? {
        do { return try entries.next() } catch { throw iterable.located(error) }
    }

    /// One iteration; a flow to return with, or nil to go on.
    @inline(__always)
    private func step(_ frame: Frame, _ context: ExecutionContext, key: Value? = nil, index: Int, element: Value) throws -> Flow? {
        // A step or time limit, or Ctrl-C, is reported at the loop's iterable.
        do { try context.tick() } catch { throw iterable.located(error) }
        for cell in loopCells { frame.cells[cell] = Cell() }
        if let second {
            first.store(key ?? .int(index), frame)
            second.store(element, frame)
        } else {
            first.store(element, frame)
        }
        if let filter, !(try filter.test(frame)) { return nil }
        switch try body.exec(frame) {
        case .breakLoop: return .normal
        case .returnValue: return .returnValue
        case .normal, .continueLoop: return nil
        }
    }
}

/// `wait until cond timeout t every p`: re-evaluates the condition on the interpreter's clock.
final class WaitNode: StmtNode {
    /// The default timeout: ten minutes, the platform's longest documented provisioning time twice over.
    static let defaultTimeout = 600_000
    /// Said when a condition that calls nothing times out: a record read once never changes.
    static let staleHint = "; the condition calls nothing, so what it reads changes only if the script changes it: to follow a resource, read it "
        + "again in the condition, as in wait until instance(vm).status == ACTIVE"
    /// The default pause between checks.
    static let defaultInterval = 5_000

    let condition: ExprNode
    /// For a comparison, its left side: the value shown when the wait times out.
    let observed: ExprNode?
    let timeout: ExprNode?
    let interval: ExprNode?
    /// Whether the condition calls nothing: it then reads values that only the program itself
    /// can change (`vm.status`), and its timeout says to read the resource again.
    let callsNothing: Bool
    let source: Source
    let range: SourceRange

    init(condition: ExprNode, observed: ExprNode?, timeout: ExprNode?, interval: ExprNode?, callsNothing: Bool,
         source: Source, range: SourceRange) {
        self.condition = condition
        self.observed = observed
        self.timeout = timeout
        self.interval = interval
        self.callsNothing = callsNothing
        self.source = source
        self.range = range
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let limit = try milliseconds(timeout, frame, default: WaitNode.defaultTimeout, what: "timeout")
        let pause = max(1, try milliseconds(interval, frame, default: WaitNode.defaultInterval, what: "every"))
        try WaitNode.run(limit: limit, pause: pause, callsNothing: callsNothing, source: source, range: range,
                         context: frame.context) {
            if let comparison = condition as? BinaryNode, observed != nil {
                let left = try comparison.left.eval(frame)
                let satisfied = try comparison.evaluate(left: left, right: try comparison.right.eval(frame))
                return (satisfied.isTruthy, left)
            }
            let value = try condition.eval(frame)
            return (value.isTruthy, value)
        }
        return .normal
    }

    /// The waiting itself, for both engines: `check` gives whether the condition holds and the
    /// value to show if the wait times out.
    static func run(limit: Int, pause: Int, callsNothing: Bool, source: Source, range: SourceRange,
                    context: ExecutionContext, check: () throws -> (satisfied: Bool, last: Value)) throws {
        let interpreter = context.interpreter
        let clock = interpreter.clock
        // Elapsed time only ever grows: a clock that jumps back (the sandbox's simulated clock
        // taking over from the machine's at the first platform call) must not stretch the wait.
        var elapsedSeconds = 0.0
        var previous = clock.now()
        interpreter.activity?(.waitStarted)
        defer { interpreter.activity?(.waitEnded) }
        var last: Value = .null
        // A passing failure of the condition (429, 5xx, a dropped connection) is "not yet": the
        // check is tried again at the next interval, and a timeout names the last such failure.
        var lastFailure: ErrorObject?
        while true {
            do {
                let (satisfied, value) = try check()
                if satisfied { return }
                last = value
                lastFailure = nil
            } catch let failure as ErrorObject where failure.isRetryable {
                lastFailure = failure
            }
            let current = clock.now()
            elapsedSeconds += max(0, current - previous)
            previous = current
            // Capped so that a clock moved on by years cannot overflow the conversion.
            let elapsed = Int(min(elapsedSeconds * 1_000, 9e18))
            if elapsed >= limit {
                var message = "waited \(Value.duration(limit)) and the condition still did not hold; last value: \(last.literal)"
                var details: Value = .map(["last": last, "waited": .duration(elapsed)])
                if let lastFailure {
                    message += "; the last check failed with \(lastFailure.code): \(lastFailure.message)"
                    details = .map(["last": last, "waited": .duration(elapsed), "last_error": .map([
                        "code": .string(lastFailure.code), "message": .string(lastFailure.message),
                    ])])
                }
                if callsNothing { message += WaitNode.staleHint }
                let error = ErrorObject(code: ErrorCode.timeout, message: message, details: details)
                error.locate(source, range)
                throw error
            }
            // What the script printed reaches a pipe before the pause, as before a sleep.
            StandardStreams.flush()
            context.withoutLock {
                clock.sleep(milliseconds: min(pause, limit - elapsed)) { context.isInterruptPending }
            }
            try context.tick()
        }
    }

    private func milliseconds(_ node: ExprNode?, _ frame: Frame, default value: Int, what: String) throws -> Int {
        guard let node else { return value }
        let given = try node.eval(frame)
        do { return try WaitNode.milliseconds(of: given, what: what) } catch { throw node.located(error) }
    }

    /// A timeout or interval given as a duration (or a number of seconds), in milliseconds.
    static func milliseconds(of given: Value, what: String) throws -> Int {
        guard let milliseconds = try Operators.milliseconds(of: given) else {
            throw ErrorObject.type("'\(what)' takes a duration such as 10m, not \(given.typeName)")
        }
        return milliseconds
    }
}

/// `import "name"`: runs the module's top level the first time any script imports it.
final class ImportNode: StmtNode {
    let module: Module

    init(_ module: Module) {
        self.module = module
    }

    override func exec(_ frame: Frame) throws -> Flow {
        try module.runOnce(frame.context)
        return .normal
    }
}
