import BarrackSandbox
import Foundation

/// One learner's sandbox state, kept in the playground's database.
struct SessionSandboxStorage: SandboxStateStorage {
    let store: PlaygroundStore
    let token: String
    /// Transactions of one session's sandbox run one at a time (only this process writes the row).
    let lock = NSLock()

    var place: String { "\(store.path) (session \(token.prefix(8))…)" }

    func exclusively<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock(body)
    }

    func version() throws -> Data? {
        try store.sandboxVersion(token).map { withUnsafeBytes(of: $0) { Data($0) } }
    }

    func load() throws -> Data? {
        try store.sandboxState(token)
    }

    func save(_ bytes: Data) throws {
        try store.saveSandbox(token, state: bytes)
    }
}
