import BarrackAPI
import BarrackPlatform
import BarrackScript
import XCTest

/// Issue 12: one failed poll inside `wait until` ended the whole wait, so a deploy-wait-delete
/// script left its instances running. A passing failure (429, 5xx, a lost connection) is now
/// "not yet", until the timeout, which names the last failure.
final class WaitRetryTests: XCTestCase {
    static let active: JSONValue = [
        "success": true, "instance": ["id": "BRK-100001VM", "name": "a", "status": "ACTIVE"],
    ]

    /// A connection whose first `failures` answers to `get_instance` are `errors`, in turn.
    final class Flaky: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int { lock.withLock { count += 1; return count } }
    }

    func testPassingFailuresOfTheConditionAreNotYet() throws {
        let flaky = Flaky()
        let errors = [
            BarrackAPIError(code: "SERVER_ERROR", status: 503, message: "unavailable"),
            BarrackAPIError(code: "RATE_LIMITED", status: 429, message: "slow down"),
            BarrackAPIError(.network, message: "connection reset"),
            BarrackAPIError(.timeout, message: "no answer"),
        ]
        let connection = RecordingConnection { _ in
            let index = flaky.next() - 1
            if index < errors.count { throw errors[index] }
            return Self.active
        }
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            wait until instance("BRK-100001VM").status == ACTIVE timeout 30s every 10ms
            print "up"
            """))
        XCTAssertEqual(host.lines, ["up"])
        XCTAssertEqual(connection.calls.count, 5)
    }

    func testTheTimeoutNamesTheLastFailure() throws {
        let connection = RecordingConnection { _ in
            throw BarrackAPIError(code: "SERVER_ERROR", status: 502, message: "bad gateway")
        }
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            try {
              wait until instance("BRK-100001VM").status == ACTIVE timeout 50ms every 10ms
            } catch err {
              print err.code
              print err.details.last_error.code err.details.last_error.message
              print err.message.contains("the last check failed with SERVER_ERROR: bad gateway")
            }
            """))
        XCTAssertEqual(host.lines, ["TIMEOUT", "SERVER_ERROR bad gateway", "true"])
        XCTAssertGreaterThan(connection.calls.count, 1)
    }

    func testOtherFailuresEndTheWaitAtOnce() throws {
        let connection = RecordingConnection { _ in
            throw BarrackAPIError(code: "NOT_FOUND", status: 404, message: "no instance BRK-100001VM")
        }
        let host = ScriptHost(connection: connection)
        let failure = try host.run("wait until instance(\"BRK-100001VM\").status == ACTIVE timeout 10s every 10ms")
        XCTAssertEqual(failure?.code, "NOT_FOUND")
        XCTAssertEqual(connection.calls.count, 1)
    }
}
