import Foundation

/// Where a sandbox's state lives between processes: read and written in short transactions, so
/// that several processes (a REPL, a script, `barrack sandbox serve`) share one sandbox.
///
/// A transaction takes the store's lock, reads the state when another process changed it, runs
/// one request and writes the result; it holds the lock for about a millisecond, never for a
/// session. `SandboxStore` (one JSON file, atomic rename, `flock`) is the one implementation;
/// docs/RELIABILITY.md says why it is not SQLite.
protocol SandboxStateStore: Sendable {
    /// What a person is shown as the state's place (`barrack sandbox status`, errors).
    var fileURL: URL { get }

    /// Runs `body` while no other process runs a transaction on this store, waiting up to `wait`
    /// seconds for one to end; throws `SandboxStoreError.locked` past that.
    func exclusively<T>(wait: TimeInterval, _ body: () throws -> T) throws -> T

    /// A token that differs whenever the saved state differs; `nil` when there is none.
    func version() -> StateVersion?

    /// The saved state, or `nil` when there is none yet; a damaged one is moved aside and reported.
    func load() throws(SandboxStoreError) -> SandboxState?

    /// Replaces the saved state, all or nothing.
    func save(_ state: SandboxState) throws(SandboxStoreError)
}

/// The identity of one saved state: its bytes. File times and inode numbers cannot serve: two
/// writes within one tick of the file system's clock (about 4 ms on Linux) get the same time, and
/// a freed inode number is handed out again.
struct StateVersion: Sendable, Equatable {
    var contents: Data
}
