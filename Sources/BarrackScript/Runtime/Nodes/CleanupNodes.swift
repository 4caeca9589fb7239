/// `try … finally` and `defer`: cleanup that runs however a block ends — normally, by `return`,
/// `break` or `continue`, by an error, by `exit` or by Ctrl-C.
///
/// The rules, shared by both forms (docs/LANGUAGE.md, "Cleanup"):
/// - a pending `return` value survives the cleanup block, even when it calls functions;
/// - an error raised by a cleanup block replaces the one that was unwinding, which the new error
///   keeps in `replaced` so that the report shows both;
/// - after one interrupt, the cleanup blocks still run; a second interrupt while they run skips
///   all that remain (`ExecutionContext.takeInterrupt`).
enum Cleanup {
    /// Runs `body` as cleanup while `pending` (an error, or nil) unwinds; throws what the cleanup
    /// raised, or nothing (the caller then goes on with `pending`).
    static func run(_ body: StmtNode, _ frame: Frame, pending: Error?) throws {
        try run(in: frame.context, pending: pending) { _ = try body.exec(frame) }
    }

    /// Runs `body`, a cleanup block on either engine, under the rules above.
    static func run(in context: ExecutionContext, pending: Error?, _ body: () throws -> Void) throws {
        let afterInterrupt = (pending as? ErrorObject)?.isCancellation == true
        if afterInterrupt {
            if context.budget.skipsInterruptCleanup { return }
            context.interruptCleanupDepth += 1
        }
        let savedReturn = context.returnValue
        defer {
            context.returnValue = savedReturn
            if afterInterrupt { context.interruptCleanupDepth -= 1 }
        }
        do {
            try body()
        } catch let error as ErrorObject {
            if let unwinding = pending as? ErrorObject, unwinding !== error, error.replaced == nil {
                error.replaced = unwinding
            }
            throw error
        }
    }

    /// Runs `bodies` in order as cleanup while `pending` unwinds. Every body runs even when one
    /// raises; the last error raised wins. Returns the error to go on with (nil for none).
    static func runAll(_ bodies: [StmtNode], _ frame: Frame, pending: Error?) -> Error? {
        runAll(bodies.map { body in { _ = try body.exec(frame) } }, in: frame.context, pending: pending)
    }

    /// `runAll` for cleanup blocks on either engine.
    static func runAll(_ bodies: [() throws -> Void], in context: ExecutionContext, pending: Error?) -> Error? {
        var current = pending
        for body in bodies {
            do {
                try run(in: context, pending: current, body)
            } catch {
                current = error
            }
        }
        return current
    }
}

/// `try { } [catch …] finally { }`: the `finally` block runs after the body and any handler.
final class FinallyNode: StmtNode {
    let body: StmtNode
    let cleanup: StmtNode

    init(_ body: StmtNode, cleanup: StmtNode) {
        self.body = body
        self.cleanup = cleanup
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let flow: Flow
        do {
            flow = try body.exec(frame)
        } catch {
            try Cleanup.run(cleanup, frame, pending: error)
            throw error
        }
        try Cleanup.run(cleanup, frame, pending: nil)
        return flow
    }
}

/// `defer { }` where it stands in a block: the block that holds it (a `DeferringBlockNode`)
/// registers the body when execution reaches this statement.
final class DeferNode: StmtNode {
    let body: StmtNode

    init(_ body: StmtNode) {
        self.body = body
    }
}

/// A block with `defer` statements: each one reached is registered, and when the block ends the
/// registered bodies run, the last registered first (as in Swift and Go).
///
/// Blocks without `defer` stay plain `BlockNode`s, so the common case pays nothing.
final class DeferringBlockNode: StmtNode {
    let block: BlockNode
    /// For each statement of the block, the deferred body when it is a `defer`.
    let deferred: [StmtNode?]

    init(_ block: BlockNode) {
        self.block = block
        self.deferred = block.statements.map { ($0 as? DeferNode)?.body }
    }

    override func exec(_ frame: Frame) throws -> Flow {
        block.enter(frame)
        var registered: [StmtNode] = []
        var flow = Flow.normal
        var failure: Error?
        do {
            for (index, statement) in block.statements.enumerated() {
                if let body = deferred[index] {
                    registered.append(body)
                    continue
                }
                flow = try statement.exec(frame)
                if flow != .normal { break }
            }
        } catch {
            failure = error
        }
        if let error = Cleanup.runAll(registered.reversed(), frame, pending: failure) { throw error }
        return flow
    }
}
