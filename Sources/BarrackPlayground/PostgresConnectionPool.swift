import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A few connections to one PostgreSQL server, lent to one caller at a time and used by blocking
/// on their futures. The playground's store is synchronous (a learner's run, a sandbox
/// transaction and GRDB's SQLite all block their thread), and these connections run on SwiftNIO's
/// own event loops, so a caller that waits never holds up the loop that answers it.
final class PostgresConnectionPool: @unchecked Sendable {
    private let address: PostgresAddress
    private let configuration: PostgresConnection.Configuration
    private let size: Int
    private let logger = Logger(label: "barrack.playground.postgres") { _ in SwiftLogNoOpLogHandler() }
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private var nextID = 0

    /// A pool of at most `size` connections to `address`; none is opened yet.
    init(address: PostgresAddress, size: Int) throws(PlaygroundDatabaseError) {
        self.address = address
        self.size = size
        var tls = PostgresConnection.Configuration.TLS.disable
        if address.tls != .disable {
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                tls = address.tls == .require ? .require(context) : .prefer(context)
            } catch {
                throw PlaygroundDatabaseError(message: "--database \(address): TLS could not be set up: \(error)")
            }
        }
        var configuration: PostgresConnection.Configuration
        switch address.endpoint {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: address.user, password: address.password,
                                  database: address.database, tls: tls)
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: address.user, password: address.password,
                                  database: address.database)
        }
        // 5 s: a database on the same network answers in milliseconds; one that does not is down.
        configuration.options.connectTimeout = .seconds(5)
        self.configuration = configuration
    }

    /// Runs `body` with a connection of its own: an idle one, a new one while fewer than `size`
    /// are open, else the next one given back. A connection that failed is closed, not reused.
    func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try borrow()
        do {
            let result = try body(connection)
            giveBack(connection, healthy: true)
            return result
        } catch let error as PSQLError {
            // A statement the server refused leaves the connection fine; anything else (a dropped
            // connection, a broken message) does not.
            giveBack(connection, healthy: error.code == .server)
            throw PlaygroundDatabaseError(message: "the database at \(address) failed: \(Self.describe(error))")
        } catch {
            // The caller's own error (a refused request), its transaction already rolled back.
            giveBack(connection, healthy: true)
            throw error
        }
    }

    /// Runs `sql` (with `$1`… placeholders) on `connection` and returns its result.
    func query(_ connection: PostgresConnection, _ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
    }

    /// Closes every idle connection.
    func close() {
        let connections = condition.withLock {
            defer { idle = [] }
            opened -= idle.count
            return idle
        }
        for connection in connections { _ = try? connection.close().wait() }
    }

    private func borrow() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty, opened >= size { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        opened += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                  id: id, logger: logger).wait()
        } catch {
            condition.withLock {
                opened -= 1
                condition.signal()
            }
            throw PlaygroundDatabaseError(message: "cannot connect to the database at \(address): \(Self.describe(error))")
        }
    }

    private func giveBack(_ connection: PostgresConnection, healthy: Bool) {
        let keep = healthy && !connection.isClosed
        condition.withLock {
            if keep { idle.append(connection) } else { opened -= 1 }
            condition.signal()
        }
        if !keep { _ = try? connection.close().wait() }
    }

    /// What a person needs of a PostgreSQL error: the server's message when there is one.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + code
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
