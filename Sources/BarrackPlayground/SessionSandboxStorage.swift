import BarrackSandbox
import Foundation

/// One learner's sandbox state, kept in the playground's database. A transaction of the sandbox
/// is one transaction of the database, on the session's sandbox row alone (`withSandbox`): on
/// PostgreSQL, a second server that changes the same sandbox waits for it and then rereads it.
struct SessionSandboxStorage: SandboxStateStorage {
    let store: PlaygroundStore
    let token: String
    /// The row of the transaction under way, for `version`, `load` and `save` inside it.
    private let current = CurrentRow()

    init(store: PlaygroundStore, token: String) {
        self.store = store
        self.token = token
    }

    var place: String { "\(store.place) (session \(token.prefix(8))…)" }

    func exclusively<T>(_ body: () throws -> T) throws -> T {
        // One transaction of this session's sandbox at a time in this process, as before a
        // database connection is taken.
        try current.transactions.withLock {
            try store.withSandbox(token) { row in
                current.enter(row)
                defer { current.leave() }
                return try body()
            }
        }
    }

    func version() throws -> Data? {
        try inRow { try $0.version() }.map { withUnsafeBytes(of: $0) { Data($0) } }
    }

    func load() throws -> Data? {
        try inRow { try $0.state() }
    }

    func save(_ bytes: Data) throws {
        try inRow { try $0.save(bytes) }
    }

    /// `body` on the row of the transaction this thread is in, or in a transaction of its own.
    private func inRow<T>(_ body: (PlaygroundStore.SandboxRow) throws -> T) throws -> T {
        if let row = current.row() { return try body(row) }
        return try current.transactions.withLock { try store.withSandbox(token, body) }
    }
}

/// The sandbox row of the transaction under way and the thread that runs it: the sandbox reads
/// and saves its state from inside `exclusively`, on the same thread, with no way to hand the row
/// down, so it is kept here for as long as the transaction runs.
private final class CurrentRow: @unchecked Sendable {
    /// Held for the whole of each transaction.
    let transactions = NSLock()
    /// Guards `held`, which `enter`, `leave` and `row` touch from any thread.
    private let lock = NSLock()
    private var held: (row: PlaygroundStore.SandboxRow, thread: ObjectIdentifier)?

    func enter(_ row: PlaygroundStore.SandboxRow) {
        lock.withLock { held = (row, ObjectIdentifier(Thread.current)) }
    }

    func leave() {
        lock.withLock { held = nil }
    }

    /// The row, when the calling thread is the one whose transaction it is.
    func row() -> PlaygroundStore.SandboxRow? {
        lock.withLock {
            guard let held, held.thread == ObjectIdentifier(Thread.current) else { return nil }
            return held.row
        }
    }
}
