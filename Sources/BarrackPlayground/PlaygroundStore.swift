import Foundation
import GRDB

/// The playground's database: one SQLite file (`playground.sqlite` in the data folder, WAL mode)
/// with a row per session and a row per session's sandbox, so that a restart of the server loses
/// no learner's resources.
final class PlaygroundStore: Sendable {
    /// The database file.
    let path: String
    /// The connections; the class's queries (PlaygroundStore+Class.swift) use it too.
    let pool: DatabasePool

    /// Opens (creating when needed) the database in `directory`.
    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("playground.sqlite").path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // DatabasePool uses WAL: readers never wait for the writer.
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("sessions and sandboxes") { db in
            try db.create(table: "session") { table in
                table.primaryKey("token", .text)
                table.column("created", .double).notNull()
                table.column("lastSeen", .double).notNull()
            }
            try db.create(table: "sandbox") { table in
                table.primaryKey("token", .text).references("session", onDelete: .cascade)
                table.column("version", .integer).notNull()
                table.column("state", .blob).notNull()
            }
        }
        migrator.registerMigration("shares") { db in
            // No reference to the session: a share outlives its author's session.
            try db.create(table: "share") { table in
                table.primaryKey("id", .text)
                table.column("source", .text).notNull()
                table.column("created", .double).notNull()
                table.column("author", .text).notNull().indexed()
            }
        }
        registerClassMigration(&migrator)
        return migrator
    }

    /// Stores a shared script under `id`; it is never changed afterwards.
    func createShare(_ id: String, source: String, author: String, at now: Double) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO share (id, source, created, author) VALUES (?, ?, ?, ?)",
                           arguments: [id, source, now, author])
        }
    }

    /// The script shared as `id`, or nil.
    func share(_ id: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT source FROM share WHERE id = ?", arguments: [id]) }
    }

    /// How many scripts `author` has shared since `cutoff`.
    func shareCount(by author: String, since cutoff: Double) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM share WHERE author = ? AND created >= ?",
                             arguments: [author, cutoff]) ?? 0
        }
    }

    /// Records a new session.
    func createSession(_ token: String, at now: Double) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO session (token, created, lastSeen) VALUES (?, ?, ?)",
                           arguments: [token, now, now])
        }
    }

    /// Marks `token` as used at `now`; false when there is no such session.
    func touch(_ token: String, at now: Double) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE session SET lastSeen = ? WHERE token = ?", arguments: [now, token])
            return db.changesCount > 0
        }
    }

    /// Removes the sessions (and their sandboxes) last seen before `cutoff`; returns their tokens.
    func expire(before cutoff: Double) throws -> [String] {
        try pool.write { db in
            let tokens = try String.fetchAll(db, sql: "SELECT token FROM session WHERE lastSeen < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM session WHERE lastSeen < ?", arguments: [cutoff])
            return tokens
        }
    }

    /// How many sessions there are.
    func sessionCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0 }
    }

    /// The version of `token`'s saved sandbox, or nil when none is saved.
    func sandboxVersion(_ token: String) throws -> Int64? {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM sandbox WHERE token = ?", arguments: [token]) }
    }

    /// `token`'s saved sandbox state, or nil.
    func sandboxState(_ token: String) throws -> Data? {
        try pool.read { db in try Data.fetchOne(db, sql: "SELECT state FROM sandbox WHERE token = ?", arguments: [token]) }
    }

    /// Saves `token`'s sandbox state as its next version.
    func saveSandbox(_ token: String, state: Data) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO sandbox (token, version, state) VALUES (?, 1, ?)
                ON CONFLICT(token) DO UPDATE SET version = version + 1, state = excluded.state
                """, arguments: [token, state])
        }
    }

    /// Whether the database is in WAL mode (a test checks it).
    func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}
