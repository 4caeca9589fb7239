import BarrackAPI
import BarrackPlatform
import BarrackScript
import Foundation

/// A `PlatformConnection` that records every call and answers from `respond`.
final class RecordingConnection: PlatformConnection, @unchecked Sendable {
    /// One call as the built-in made it.
    struct Call: Equatable {
        var operation: OperationID
        var pathParameters: [String: String]
        var query: [QueryItem]
        var body: JSONValue?
    }

    // Guarded by `lock`: parallel script iterations may call at once.
    private let lock = NSLock()
    private var recorded: [Call] = []
    private let respond: @Sendable (Call) throws -> JSONValue

    /// A connection answering `respond`, by default a bare success envelope.
    init(_ respond: @escaping @Sendable (Call) throws -> JSONValue = { _ in RecordingConnection.success }) {
        self.respond = respond
    }

    static let success: JSONValue = ["success": true, "message": "ok", "request_id": "req-1"]

    var calls: [Call] {
        lock.withLock { recorded }
    }

    func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
              body: JSONValue?) async throws -> JSONValue {
        let call = Call(operation: operation, pathParameters: pathParameters, query: query, body: body)
        lock.withLock { recorded.append(call) }
        return try respond(call)
    }
}

/// An interpreter with the platform built-ins over a connection, and what its scripts print.
final class ScriptHost: @unchecked Sendable {
    let interpreter = Interpreter()
    private let lock = NSLock()
    private var text = ""

    init(connection: any PlatformConnection, dryRun: Bool = false, budget: BudgetGuard = BudgetGuard(maxHourly: nil)) {
        Platform.register(in: interpreter, connection: connection, dryRun: dryRun, budget: budget)
        interpreter.output = { [unowned self] piece in lock.withLock { text += piece } }
    }

    /// The printed lines so far.
    var lines: [String] {
        lock.withLock { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// Compiles and runs `code` on a large stack; the uncaught error, if any.
    @discardableResult
    func run(_ code: String) throws -> ErrorObject? {
        let program = try interpreter.compile(Source(name: "test", text: code))
        nonisolated(unsafe) var failure: ErrorObject?
        ThreadLauncher.runAndWait { [interpreter] in
            do { try interpreter.run(program) } catch { failure = error as? ErrorObject }
        }
        return failure
    }
}
