/// What the playground's store (`PlaygroundStore`) needs of a database, so that its queries are
/// written once: SQLite in one file (`SQLiteDatabase`, the embedded default) or a PostgreSQL server
/// that several playground processes share (`PostgresDatabase`, `--database postgres://…`).
///
/// Queries use `?` for their arguments and the SQL both databases speak (`ON CONFLICT … DO UPDATE`,
/// `RETURNING`); each database creates its own tables, in its own types.
protocol PlaygroundDatabase: Sendable {
    /// Where the data is, as a person is shown it in errors: a file, or a server (never its password).
    var place: String { get }

    /// Runs `body` with a connection, outside any transaction of its own.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T

    /// Runs `body` as one transaction, committed when it returns and rolled back when it throws.
    /// With `locking`, no other transaction with the same key runs at the same time, in any
    /// process on the same database (a read, then a write that depends on it).
    @discardableResult
    func write<T>(locking key: String?, _ body: (any SQLSession) throws -> T) throws -> T

    /// Runs `body` while no other `exclusively` with the same key runs, in any process on the same
    /// database: two runs of one session that arrive at two servers go one after the other.
    func exclusively<T>(_ key: String, _ body: () throws -> T) throws -> T
}

/// One connection's queries, inside `PlaygroundDatabase.read` or `.write`.
protocol SQLSession {
    /// The rows of `sql`, each a list of its columns' values.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]]

    /// Runs `sql`; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
}

extension SQLSession {
    /// The first column of the first row of `sql`, or `.null` when there is no row.
    func value(_ sql: String, _ arguments: [SQLValue]) throws -> SQLValue {
        try rows(sql, arguments).first?.first ?? .null
    }
}

/// Why the playground's database could not be opened or used: what, and where.
public struct PlaygroundDatabaseError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, where, and what to do.
    public let message: String
    public var description: String { message }
}
