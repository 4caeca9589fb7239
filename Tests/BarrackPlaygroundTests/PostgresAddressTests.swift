import BarrackPlayground
import XCTest

/// `--database`'s URL, read as libpq reads it: defaults, a socket's folder, TLS, and errors that
/// say what is wrong without showing the password.
final class PostgresAddressTests: XCTestCase {
    func testAFullURLAndItsDefaults() throws {
        let full = try PostgresAddress("postgres://teacher:p%40ss@db.internal:6543/course?sslmode=require")
        XCTAssertEqual(full.endpoint, .tcp(host: "db.internal", port: 6543))
        XCTAssertEqual(full.user, "teacher")
        XCTAssertEqual(full.password, "p@ss")
        XCTAssertEqual(full.database, "course")
        XCTAssertEqual(full.tls, .require)
        XCTAssertEqual(full.description, "postgres://teacher@db.internal:6543/course", "no password in what is shown")

        let short = try PostgresAddress("postgresql://playground@")
        XCTAssertEqual(short.endpoint, .tcp(host: "localhost", port: 5432))
        XCTAssertEqual(short.database, "playground", "the database defaults to the user's name")
        XCTAssertNil(short.password)
        XCTAssertEqual(short.tls, .disable)

        let socket = try PostgresAddress("postgres://playground@/course?host=/var/run/postgresql")
        XCTAssertEqual(socket.endpoint, .socket(path: "/var/run/postgresql/.s.PGSQL.5432"))
    }

    func testWhatIsWrongIsSaidWithoutThePassword() {
        let cases: [(String, String)] = [
            ("mysql://me:hunter2@db/course", "only postgres://"),
            ("postgres://db.internal/course", "names no user"),
            ("postgres://me:hunter2@db/course/extra", "one database name"),
            ("postgres://me:hunter2@db/course?sslmode=maybe", "sslmode must be disable, prefer or require"),
            ("postgres://me:hunter2@db/course?timeout=5", "'timeout' is not an option here"),
        ]
        for (url, expected) in cases {
            XCTAssertThrowsError(try PostgresAddress(url), url) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected), "\(url): \(message)")
                XCTAssertFalse(message.contains("hunter2"), "\(url): \(message)")
                XCTAssertTrue(message.hasPrefix("--database "), message)
            }
        }
    }
}
