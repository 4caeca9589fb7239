import Foundation
import GRDB

/// The playground's embedded database: one SQLite file (`playground.sqlite` in the data folder,
/// WAL mode) through GRDB. One process uses it, so its writes are already one at a time (GRDB's
/// single writer) and the keys of `write(locking:)` and `exclusively` need no lock of their own.
final class SQLiteDatabase: PlaygroundDatabase {
    /// The database file.
    let path: String
    private let pool: DatabasePool

    var place: String { path }

    /// Opens (creating when needed) `playground.sqlite` in `directory`.
    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("playground.sqlite").path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // DatabasePool uses WAL: readers never wait for the writer.
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.read { db in try body(Session(db: db)) }
    }

    func write<T>(locking key: String?, _ body: (any SQLSession) throws -> T) throws -> T {
        try pool.write { db in try body(Session(db: db)) }
    }

    func exclusively<T>(_ key: String, _ body: () throws -> T) throws -> T {
        try body()
    }

    /// GRDB's connection, as the store's queries see it.
    private struct Session: SQLSession {
        let db: Database

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
            try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: .null
                    case .int64(let number): .integer(number)
                    case .double(let number): .real(number)
                    case .string(let text): .text(text)
                    case .blob(let bytes): .bytes(bytes)
                    }
                }
            }
        }

        @discardableResult
        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
            return db.changesCount
        }

        private static func arguments(_ values: [SQLValue]) -> StatementArguments {
            StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .integer(let number): number
                case .real(let number): number
                case .text(let text): text
                case .bytes(let bytes): bytes
                }
            })
        }
    }

    /// The tables, added to a database of any earlier version.
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
        migrator.registerMigration("classes") { db in
            try db.alter(table: "session") { table in
                table.add(column: "className", .text)
                table.add(column: "learner", .integer)
                table.add(column: "runs", .integer).notNull().defaults(to: 0)
                table.add(column: "lastError", .text)
                table.add(column: "lessonsDone", .text).notNull().defaults(to: "")
            }
            try db.create(table: "classMessage") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("className", .text).notNull().indexed()
                table.column("kind", .text).notNull()
                table.column("body", .text).notNull()
                table.column("created", .double).notNull()
            }
        }
        return migrator
    }
}
