import BarrackAPI
import BarrackBackends
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

    /// A platform with 100 USD, eight H100s in stock in FINLAND-1, one SSH key and one OS image,
    /// where a deploy can be rehearsed and sent.
    static func stocked() -> RecordingConnection {
        RecordingConnection { call in
            switch call.operation {
            case .getBalance: return ["success": true, "balance": ["amount": 100.0, "currency": "USD"]]
            case .getGPUStock:
                return ["success": true, "stocks": [["region": "FINLAND-1", "tier": "Advanced", "gpu_model": "H100-SXM5-80GB",
                                                     "available_gpus": 8, "configurations": []]]]
            case .listSSHKeys:
                return ["success": true, "ssh_keys": [["id": "BRK-100001K", "name": "default", "public_key": "ssh-ed25519 AAAA",
                                                       "fingerprint": "SHA256:x", "created_at": "2026-01-01T00:00:00Z"]]]
            case .listOSImages:
                return ["success": true, "images": [["id": "ubuntu-24.04-r570-cuda12.8", "name": "Ubuntu 24.04"]]]
            default: return RecordingConnection.success
            }
        }
    }

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

    init(connection: any PlatformConnection, dryRun: Bool = false,
         budget: BudgetGuard = BudgetGuard(maxHourly: nil, copier: SandboxCopier())) {
        Platform.register(in: interpreter, connection: connection, dryRun: dryRun ? SandboxCopier() : nil, budget: budget)
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
