import Foundation
import GRDB

/// The ledger's file: `ledger.sqlite` in the state folder (`StateDirectory`), one row per create a
/// script sent, for every API URL and profile, each row tagged with its `scope`.
///
/// A row is written, and on disk (SQLite's rollback journal with `synchronous = FULL`: the commit
/// waits for fsync), before its create is sent; so a process killed at any moment leaves every
/// create it may have made in the file. Several processes share the file; a writer waits up to
/// 5 s for another's transaction.
public final class LedgerStore: Sendable {
    /// The file.
    public let path: String
    /// Whose rows this store reads and writes: the API URL and profile (`https://barrack.ai/api/ default`),
    /// or the in-process sandbox's folder.
    public let scope: String
    private let queue: DatabaseQueue

    /// Opens, creating when needed, the ledger in `directory` for `scope`.
    public init(directory: String, scope: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        path = directory + "/ledger.sqlite"
        self.scope = scope
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        // The names of a user's resources are theirs alone, as the REPL's history is.
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try Self.migrator.migrate(queue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("entries") { db in
            try db.create(table: "entry") { table in
                table.autoIncrementedPrimaryKey("number")
                table.column("scope", .text).notNull().indexed()
                table.column("run", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("operation", .text).notNull()
                table.column("name", .text)
                table.column("region", .text)
                table.column("resource_id", .text)
                table.column("state", .text).notNull()
                table.column("hourly_cost", .double)
                table.column("currency", .text)
                table.column("recorded", .double).notNull()
            }
        }
        return migrator
    }

    /// A new run's id: unique across processes and machines sharing a home folder.
    public static func newRunID() -> String { UUID().uuidString.lowercased() }

    /// Records `entry` (its `number` is ignored) and returns its number.
    public func insert(_ entry: LedgerEntry) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO entry (scope, run, kind, operation, name, region, resource_id, state, hourly_cost, currency, recorded)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [scope, entry.run, entry.kind.rawValue, entry.operation, entry.name, entry.region, entry.resourceID,
                            entry.state.rawValue, entry.hourlyCost, entry.currency, entry.recorded])
            return db.lastInsertedRowID
        }
    }

    /// Writes what is known now of entry `entry.number`: its id, name, state and cost.
    public func update(_ entry: LedgerEntry) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE entry SET name = ?, resource_id = ?, state = ?, hourly_cost = ?, currency = ? WHERE number = ?",
                arguments: [entry.name, entry.resourceID, entry.state.rawValue, entry.hourlyCost, entry.currency, entry.number])
        }
    }

    /// Marks every outstanding entry for resource `id` of `kind` deleted.
    public func markDeleted(_ kind: LedgerKind, id: String) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE entry SET state = ? WHERE scope = ? AND kind = ? AND resource_id = ? AND state IN (?, ?)",
                arguments: [LedgerEntry.State.deleted.rawValue, scope, kind.rawValue, id,
                            LedgerEntry.State.pending.rawValue, LedgerEntry.State.created.rawValue])
        }
    }

    /// The entries of this scope whose resource may still exist (pending or created), oldest first.
    public func outstanding() throws -> [LedgerEntry] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM entry WHERE scope = ? AND state IN (?, ?) ORDER BY number",
                arguments: [scope, LedgerEntry.State.pending.rawValue, LedgerEntry.State.created.rawValue])
            .compactMap(Self.entry)
        }
    }

    /// Every entry of this scope, oldest first (for tests and audits).
    public func all() throws -> [LedgerEntry] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM entry WHERE scope = ? ORDER BY number", arguments: [scope])
                .compactMap(Self.entry)
        }
    }

    private static func entry(_ row: Row) -> LedgerEntry? {
        guard let kind = LedgerKind(rawValue: row["kind"]), let state = LedgerEntry.State(rawValue: row["state"]) else {
            return nil
        }
        return LedgerEntry(number: row["number"], run: row["run"], kind: kind, operation: row["operation"],
                           name: row["name"], region: row["region"], resourceID: row["resource_id"], state: state,
                           hourlyCost: row["hourly_cost"], currency: row["currency"], recorded: row["recorded"])
    }
}
