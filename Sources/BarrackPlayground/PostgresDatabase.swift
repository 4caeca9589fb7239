import Foundation
import NIOCore
import PostgresNIO

/// The playground's data on a PostgreSQL server (`--database postgres://…`), which several
/// playground processes share: behind a load balancer, any of them serves any learner.
///
/// What SQLite gets from being one process, PostgreSQL gets from advisory locks: `write(locking:)`
/// takes a transaction-scoped lock on its key (`pg_advisory_xact_lock`), held until the commit;
/// `exclusively` takes a session-scoped one (`pg_advisory_lock`) on a connection of a second pool,
/// held for as long as a learner's run lasts. Keeping the two pools apart means a run that holds
/// its lock never waits for a connection that another run's lock is holding.
final class PostgresDatabase: PlaygroundDatabase {
    let address: PostgresAddress
    /// Queries and transactions. 8: a sandbox transaction takes a millisecond or two, and a
    /// server on 2 cores never has more than a few in flight.
    private let queries: PostgresConnectionPool
    /// The runs' locks, one connection per run under way. 24: the learners whose runs one server
    /// runs at once; two servers then use 64 of PostgreSQL's 100 connections by default.
    private let locks: PostgresConnectionPool

    var place: String { "\(address)" }

    /// Connects to `address` and creates the playground's tables when they are not there yet;
    /// throws, saying where, when the server cannot be reached or refuses the login.
    init(address: PostgresAddress, queryConnections: Int = 8, lockConnections: Int = 24) throws {
        self.address = address
        queries = try PostgresConnectionPool(address: address, size: queryConnections)
        locks = try PostgresConnectionPool(address: address, size: lockConnections)
        try write(locking: "schema") { db in
            for statement in Self.schema { try db.execute(statement, []) }
        }
    }

    deinit {
        queries.close()
        locks.close()
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try queries.with { connection in try body(Session(pool: queries, connection: connection)) }
    }

    func write<T>(locking key: String?, _ body: (any SQLSession) throws -> T) throws -> T {
        try queries.with { connection in
            let session = Session(pool: queries, connection: connection)
            try session.execute("BEGIN", [])
            do {
                if let key { try session.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [.text(key)]) }
                let result = try body(session)
                try session.execute("COMMIT", [])
                return result
            } catch {
                try session.execute("ROLLBACK", [])
                throw error
            }
        }
    }

    func exclusively<T>(_ key: String, _ body: () throws -> T) throws -> T {
        try locks.with { connection in
            let session = Session(pool: locks, connection: connection)
            try session.execute("SELECT pg_advisory_lock(hashtextextended(?, 0))", [.text(key)])
            let result: Result<T, any Error> = Result { try body() }
            // Should the unlock fail, the connection is closed, and the server drops its locks.
            try session.execute("SELECT pg_advisory_unlock(hashtextextended(?, 0))", [.text(key)])
            return try result.get()
        }
    }

    /// The tables, in PostgreSQL's types; `IF NOT EXISTS`, under the "schema" lock, so that
    /// servers starting together create them once.
    private static let schema = [
        """
        CREATE TABLE IF NOT EXISTS session (
            token text PRIMARY KEY, created double precision NOT NULL, lastSeen double precision NOT NULL,
            className text, learner bigint, runs bigint NOT NULL DEFAULT 0, lastError text,
            lessonsDone text NOT NULL DEFAULT '')
        """,
        "CREATE INDEX IF NOT EXISTS session_class ON session (className, learner)",
        "CREATE INDEX IF NOT EXISTS session_last_seen ON session (lastSeen)",
        """
        CREATE TABLE IF NOT EXISTS sandbox (
            token text PRIMARY KEY REFERENCES session ON DELETE CASCADE, version bigint NOT NULL, state bytea NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS share (
            id text PRIMARY KEY, source text NOT NULL, created double precision NOT NULL, author text NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS share_author ON share (author)",
        """
        CREATE TABLE IF NOT EXISTS classMessage (
            seq bigserial PRIMARY KEY, className text NOT NULL, kind text NOT NULL, body text NOT NULL,
            created double precision NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS classMessage_class ON classMessage (className, seq)",
    ]

    /// One borrowed connection, as the store's queries see it.
    private struct Session: SQLSession {
        let pool: PostgresConnectionPool
        let connection: PostgresConnection

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
            try run(sql, arguments).rows.map { row in try row.map(Self.value) }
        }

        @discardableResult
        func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            try run(sql, arguments).metadata.rows ?? 0
        }

        private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
            var binds = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: binds.appendNull()
                case .integer(let number): binds.append(number)
                case .real(let number): binds.append(number)
                case .text(let text): binds.append(text)
                case .bytes(let bytes): binds.append(ByteBuffer(bytes: bytes))
                }
            }
            return try pool.query(connection, Self.numbered(sql), binds)
        }

        /// `sql` with its `?`s as PostgreSQL's `$1`, `$2`, … (the store's SQL has no `?` in a string).
        static func numbered(_ sql: String) -> String {
            var result = ""
            var count = 0
            for character in sql {
                if character == "?" {
                    count += 1
                    result += "$\(count)"
                } else {
                    result.append(character)
                }
            }
            return result
        }

        private static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .bytea: return .bytes(Data(try cell.decode(ByteBuffer.self).readableBytesView))
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}
