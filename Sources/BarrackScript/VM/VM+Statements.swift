/// The statements with a runtime of their own, run by the same code as on the tree.
extension VM {
    enum Statements {
        /// `wait until`: the condition is a piece of code the shared waiting loop runs each time.
        static func wait(_ code: Bytecode, site index: Int, _ frame: Frame) throws {
            let site = code.waits[index]
            let limit = try milliseconds(code, site.timeout, site.timeoutRange, frame, default: WaitNode.defaultTimeout,
                                         what: "timeout")
            let pause = max(1, try milliseconds(code, site.interval, site.intervalRange, frame,
                                                default: WaitNode.defaultInterval, what: "every"))
            try WaitNode.run(limit: limit, pause: pause, callsNothing: site.callsNothing, source: code.source,
                             range: site.range, context: frame.context) {
                let value = try runPiece(code, entry: site.condition, frame: frame)
                if let observed = site.observedRegister { return (value.isTruthy, frame.slots[observed]) }
                return (value.isTruthy, value)
            }
        }

        private static func milliseconds(_ code: Bytecode, _ entry: Int?, _ range: SourceRange?, _ frame: Frame,
                                         default value: Int, what: String) throws -> Int {
            guard let entry else { return value }
            let given = try runPiece(code, entry: entry, frame: frame)
            do {
                return try WaitNode.milliseconds(of: given, what: what)
            } catch let error as ErrorObject {
                if let range { error.locate(code.source, range) }
                throw error
            }
        }

        /// `parallel for`, in two instructions: the first makes the iterations' arguments (in
        /// place of the iterable), the second reads the limit and runs them.
        static func parallelFor(_ instruction: Instruction, _ code: Bytecode, _ frame: Frame) throws {
            let site = code.parallels[Int(instruction.c)]
            let register = Int(instruction.a)
            if instruction.flag == 0 {
                let items = try ParallelForNode.items(of: frame.slots[register], twoNames: site.twoNames,
                                                      memory: frame.context.budget.memoryGuard)
                frame.slots[register] = .list(ListObject(items.map { .list(ListObject($0)) }))
                return
            }
            var width = ParallelForNode.defaultLimit
            if instruction.b >= 0 {
                do {
                    width = try ParallelForNode.width(frame.slots[Int(instruction.b)])
                } catch let error as ErrorObject {
                    if let range = site.limitRange { error.locate(code.source, range) }
                    throw error
                }
            }
            guard case .list(let list) = frame.slots[register] else { return }
            let items = list.elements.map { item -> [Value] in
                if case .list(let arguments) = item { return arguments.elements }
                return [item]
            }
            try ParallelForNode.run(items, width: width, body: site.body, frame: frame, source: code.source,
                                    range: site.iterableRange)
        }
    }
}
