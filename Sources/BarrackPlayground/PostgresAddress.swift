import Foundation

/// Where the PostgreSQL server of `--database` is and who to log in as, read from a URL of
/// libpq's form:
///
/// ```
/// postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require
/// postgres://USER@/DATABASE?host=/var/run/postgresql        (a Unix socket's folder)
/// ```
///
/// The host defaults to localhost, the port to 5432, the database to the user's name; `sslmode`
/// is `disable` (the default), `prefer` or `require` (the server's certificate checked against
/// the system's authorities).
public struct PostgresAddress: Sendable, CustomStringConvertible {
    /// How TLS is used, as libpq's `sslmode` names it.
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    /// How the server is reached.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file (`DIR/.s.PGSQL.PORT`).
        case socket(path: String)
    }

    public let endpoint: Endpoint
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// Reads `text`; the error says what is wrong with it (never showing its password).
    ///
    /// ```swift
    /// let address = try PostgresAddress("postgres://playground@db.internal/course")
    /// ```
    public init(_ text: String) throws(PlaygroundDatabaseError) {
        func refuse(_ why: String) -> PlaygroundDatabaseError {
            PlaygroundDatabaseError(message: "--database \(Self.redacted(text)): \(why); give a URL like postgres://USER:PASSWORD@HOST:5432/DATABASE")
        }
        guard let components = URLComponents(string: text) else { throw refuse("this is not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw refuse("only postgres:// (or postgresql://) databases are served; SQLite is the default without --database")
        }
        guard let user = components.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw refuse("the URL names no user (postgres://USER@…)")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw refuse("the port must be 1 to 65535; got \(port)") }
        let path = components.percentEncodedPath.removingPercentEncoding ?? components.path
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !name.contains("/") else { throw refuse("the path must be one database name; got '\(path)'") }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        for name in query.keys where !["sslmode", "host"].contains(name) {
            throw refuse("'\(name)' is not an option here; the options are sslmode and host")
        }
        let tls = query["sslmode"] ?? "disable"
        guard let mode = TLSMode(rawValue: tls) else {
            throw refuse("sslmode must be disable, prefer or require; got '\(tls)'")
        }
        if let folder = query["host"], folder.hasPrefix("/") {
            endpoint = .socket(path: "\(folder)/.s.PGSQL.\(port)")
        } else {
            let host = query["host"] ?? components.host ?? ""
            endpoint = .tcp(host: host.isEmpty ? "localhost" : host, port: port)
        }
        self.user = user
        password = components.password.flatMap { $0.removingPercentEncoding }
        database = name.isEmpty ? user : name
        self.tls = mode
    }

    /// The address as a person is shown it: the URL without its password.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host):\(port)/\(database)"
        case .socket(let path): "postgres://\(user)@/\(database) (socket \(path))"
        }
    }

    /// `text` with the password, if any, replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at,
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
