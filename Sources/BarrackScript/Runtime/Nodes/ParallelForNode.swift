#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `parallel for x in xs limit n { }`: iterations on separate threads, at most `limit` at once.
///
/// The body is compiled as a function of the loop variables, so each iteration has a frame of
/// its own on its own thread. Each worker runs as a child of the loop's `Thread`: its steps count
/// against the run's step limit, its calls nest on top of the loop's call depth, and a cancellation
/// stops every worker, not only the first to notice it. Threads take turns under the interpreter lock, which they give up
/// while they sleep or wait on the network: that is where the iterations overlap.
final class ParallelForNode: StmtNode {
    /// At most 8 iterations at once unless `limit` says otherwise: enough to overlap requests,
    /// few enough not to trip the platform's rate limit.
    static let defaultLimit = 8
    /// Slots for each worker's frames: enough for deep calls inside an iteration.
    static let workerSlots = 65_536

    let iterable: ExprNode
    let body: ClosureNode
    let limit: ExprNode?
    let twoNames: Bool

    init(iterable: ExprNode, body: ClosureNode, limit: ExprNode?, twoNames: Bool) {
        self.iterable = iterable
        self.body = body
        self.limit = limit
        self.twoNames = twoNames
    }

    /// The errors that end a loop at once instead of being gathered into `PARALLEL`: Ctrl-C and
    /// the limits. A recursion through `parallel for` would otherwise run every branch to the limit.
    static let stopsTheLoop: Set<String> = [ErrorCode.interrupted, ErrorCode.recursionLimit, ErrorCode.stepLimit,
                                             ErrorCode.memoryLimit, ErrorCode.timeLimit]

    private final class Shared: @unchecked Sendable {
        var next = 0
        var failures: [(index: Int, item: Value, error: ErrorObject)] = []
        var other: Error?
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let items: [[Value]]
        do {
            items = try ParallelForNode.items(of: try iterable.eval(frame), twoNames: twoNames,
                                              memory: frame.context.budget.memoryGuard)
        } catch { throw iterable.located(error) }
        var width = ParallelForNode.defaultLimit
        if let limit {
            do { width = try ParallelForNode.width(try limit.eval(frame)) } catch { throw limit.located(error) }
        }
        try ParallelForNode.run(items, width: width, body: body.prototype, frame: frame, source: iterable.source,
                                range: iterable.range)
        return .normal
    }

    /// The iterations' width from the value of `limit`.
    static func width(_ limit: Value) throws -> Int {
        guard case .int(let value) = limit, value >= 1 else {
            throw ErrorObject.value("'limit' takes a whole number of at least 1")
        }
        return value
    }

    /// Runs the iterations (the arguments of each call of `body`) for both engines; errors about
    /// the loop are reported at `range`, the iterable's.
    static func run(_ items: [[Value]], width: Int, body: FunctionPrototype, frame: Frame, source: Source,
                    range: SourceRange) throws {
        guard !items.isEmpty else { return }
        guard frame.context.atomicDepth == 0 else {
            // Its iterations would wait for the lock the update keeps: a deadlock, not a loop.
            let error = ErrorObject.value("'parallel for' cannot run inside an atomic update (update)")
            error.locate(source, range)
            throw error
        }
        let function = Value.function(body.makeClosure(frame))
        let interpreter = frame.context.interpreter
        let parent = frame.context
        let child = ScriptThread(child: parent.thread, depth: parent.depth)
        let seen = parent.seenCancellations
        let shared = Shared()
        let iterate = { (context: ExecutionContext) in
            while shared.next < items.count, shared.other == nil {
                let index = shared.next
                shared.next += 1
                do {
                    _ = try context.call(function, items[index])
                } catch let error as ErrorObject {
                    shared.failures.append((index, items[index].last ?? .null, error))
                    if ParallelForNode.stopsTheLoop.contains(error.code) { shared.other = error }
                } catch {
                    shared.other = error
                }
            }
        }
        let work = {
            let context = ExecutionContext(thread: child, slotCapacity: ParallelForNode.workerSlots,
                                           seenCancellations: seen)
            interpreter.lock.acquire()
            defer { interpreter.lock.release() }
            iterate(context)
        }
        // Past the interpreter's cap on worker threads (a `parallel for` recursing into itself
        // doubles them at every level) the iterations run here, one after the other.
        var threads: [pthread_t] = []
        for _ in 0..<min(width, items.count, max(0, interpreter.maxWorkers - interpreter.liveWorkers)) {
            if let thread = ThreadLauncher.start(work, stackSize: 64 << 20) { threads.append(thread) }
        }
        if threads.isEmpty {
            iterate(parent)
        } else {
            interpreter.liveWorkers += threads.count
            interpreter.lock.withoutLock {
                for thread in threads { ThreadLauncher.join(thread) }
            }
            interpreter.liveWorkers -= threads.count
        }
        if let other = shared.other {
            // The workers raised INTERRUPTED for the cancellation: this evaluator must not raise
            // it again while the cleanup blocks it unwinds through run.
            if (other as? ErrorObject)?.isCancellation == true {
                parent.seenCancellations = parent.budget.cancellations.load(ordering: .relaxed)
            }
            throw other
        }
        guard !shared.failures.isEmpty else { return }
        let error = combinedError(shared.failures.sorted { $0.index < $1.index }, total: items.count)
        error.locate(source, range)
        throw error
    }

    /// The arguments of each iteration's call.
    static func items(of sequence: Value, twoNames: Bool, memory: MemoryGuard?) throws -> [[Value]] {
        switch sequence {
        case .list(let list):
            return list.elements.enumerated().map { twoNames ? [.int($0.offset), $0.element] : [$0.element] }
        case .range(let low, let high):
            return try Ranges.elements(low, high, guard: memory).enumerated().map {
                twoNames ? [.int($0.offset), $0.element] : [$0.element]
            }
        case .map(let map):
            return map.entries.map { twoNames ? [.string($0.0), $0.1] : [.string($0.0)] }
        case .string(let text):
            return text.enumerated().map { twoNames ? [.int($0.offset), .string(String($0.element))] : [.string(String($0.element))] }
        default:
            throw ErrorObject.type("cannot iterate over \(article(sequence.typeName)) \(sequence.typeName)")
        }
    }

    private static func combinedError(_ failures: [(index: Int, item: Value, error: ErrorObject)], total: Int) -> ErrorObject {
        let first = failures[0]
        let list = failures.map { failure -> Value in
            .map(["item": failure.item, "code": .string(failure.error.code),
                  "message": .string(failure.error.message), "error": .error(failure.error)])
        }
        let error = ErrorObject(
            code: ErrorCode.parallel,
            message: "\(failures.count) of \(total) iterations failed; the first, for \(first.item.literal): \(first.error.code): \(first.error.message.prefix(300))",
            details: .map(["errors": .list(list)]))
        return error
    }
}
