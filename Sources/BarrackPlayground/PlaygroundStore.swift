import Foundation

/// The playground's data: a row per session (and its class progress), a row per session's
/// sandbox, the shared scripts and the teacher's messages, so that a restart of the server loses
/// no learner's resources — and, on PostgreSQL, so that several servers serve one class.
///
/// The queries are written once, over `PlaygroundDatabase`: SQLite in the data folder by default,
/// or the PostgreSQL server of `--database postgres://…`.
final class PlaygroundStore: Sendable {
    /// Where the rows are kept.
    let database: any PlaygroundDatabase

    init(database: any PlaygroundDatabase) {
        self.database = database
    }

    /// The store of `databaseURL` (a `postgres://` URL), or SQLite in `directory` without one.
    static func open(directory: URL, databaseURL: String?) throws -> PlaygroundStore {
        if let databaseURL {
            return PlaygroundStore(database: try PostgresDatabase(address: PostgresAddress(databaseURL)))
        }
        return PlaygroundStore(database: try SQLiteDatabase(directory: directory))
    }

    /// Where the rows are kept, as a person is shown it.
    var place: String { database.place }

    // MARK: Shares

    /// Stores a shared script under `id`; it is never changed afterwards.
    func createShare(_ id: String, source: String, author: String, at now: Double) throws {
        try database.write(locking: nil) { db in
            try db.execute("INSERT INTO share (id, source, created, author) VALUES (?, ?, ?, ?)",
                           [.text(id), .text(source), .real(now), .text(author)])
        }
    }

    /// The script shared as `id`, or nil.
    func share(_ id: String) throws -> String? {
        try database.read { db in try db.value("SELECT source FROM share WHERE id = ?", [.text(id)]).text }
    }

    /// How many scripts `author` has shared since `cutoff`.
    func shareCount(by author: String, since cutoff: Double) throws -> Int {
        try database.read { db in
            try db.value("SELECT count(*) FROM share WHERE author = ? AND created >= ?", [.text(author), .real(cutoff)]).integer ?? 0
        }
    }

    // MARK: Sessions

    /// Records a new session.
    func createSession(_ token: String, at now: Double) throws {
        try database.write(locking: nil) { db in
            try db.execute("INSERT INTO session (token, created, lastSeen) VALUES (?, ?, ?)", [.text(token), .real(now), .real(now)])
        }
    }

    /// Marks `token` as used at `now`; false when there is no such session.
    func touch(_ token: String, at now: Double) throws -> Bool {
        try database.write(locking: nil) { db in
            try db.execute("UPDATE session SET lastSeen = ? WHERE token = ?", [.real(now), .text(token)]) > 0
        }
    }

    /// Removes the sessions (and their sandboxes) last seen before `cutoff`; returns their tokens.
    func expire(before cutoff: Double) throws -> [String] {
        try database.write(locking: nil) { db in
            try db.rows("DELETE FROM session WHERE lastSeen < ? RETURNING token", [.real(cutoff)]).compactMap { $0.first?.text }
        }
    }

    /// How many sessions there are.
    func sessionCount() throws -> Int {
        try database.read { db in try db.value("SELECT count(*) FROM session", []).integer ?? 0 }
    }

    /// Runs `body` while no other run of `token`'s session runs, on this server or another.
    func serialisingRuns<T>(of token: String, _ body: () throws -> T) throws -> T {
        try database.exclusively("run:\(token)", body)
    }

    // MARK: Sandboxes

    /// Runs `body` as one transaction on `token`'s sandbox row, which no other server changes
    /// meanwhile; `body` reads and writes it through the `SandboxRow` it is given.
    func withSandbox<T>(_ token: String, _ body: (SandboxRow) throws -> T) throws -> T {
        try database.write(locking: "sandbox:\(token)") { db in try body(SandboxRow(db: db, token: token)) }
    }

    /// A session's saved sandbox, inside `withSandbox`.
    struct SandboxRow {
        fileprivate let db: any SQLSession
        let token: String

        /// The version of the saved sandbox, or nil when none is saved.
        func version() throws -> Int64? {
            try db.value("SELECT version FROM sandbox WHERE token = ?", [.text(token)]).integer.map(Int64.init)
        }

        /// The saved sandbox state, or nil.
        func state() throws -> Data? {
            try db.value("SELECT state FROM sandbox WHERE token = ?", [.text(token)]).bytes
        }

        /// Saves the sandbox state as its next version.
        func save(_ state: Data) throws {
            try db.execute("""
                INSERT INTO sandbox (token, version, state) VALUES (?, 1, ?)
                ON CONFLICT (token) DO UPDATE SET version = sandbox.version + 1, state = excluded.state
                """, [.text(token), .bytes(state)])
        }
    }
}
