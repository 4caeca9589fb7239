import Foundation
import XCTest

/// The playground's server against what a class's network and a curious learner send it: stalled
/// and oversized requests, clients that leave, restarts (issue 25).
final class PlaygroundHardeningTests: XCTestCase {
    func testAHeaderTooLargeGetsTheJSONErrorAndTheLogHearsOfIt() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let connection = try RawHTTPConnection(baseURL: server.baseURL)
        connection.send("GET /api/resources HTTP/1.1\r\nHost: playground\r\nX-Padding: \(String(repeating: "a", count: 100_000))\r\n\r\n")
        let (answer, closed) = connection.readToEnd()
        XCTAssertTrue(closed, "the connection is closed after the refusal")
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 431"), answer)
        XCTAssertTrue(answer.contains("\"code\":\"HEADER_TOO_LARGE\""), answer)
        XCTAssertTrue(answer.contains("over 80 KB"), answer)
        XCTAssertTrue(server.log.contains("431 HEADER_TOO_LARGE"), server.log)

        let garbage = try RawHTTPConnection(baseURL: server.baseURL)
        garbage.send("this is not HTTP at all\r\n\r\n")
        let (refused, _) = garbage.readToEnd()
        XCTAssertTrue(refused.hasPrefix("HTTP/1.1 400"), refused)
        XCTAssertTrue(refused.contains("\"code\":\"BAD_REQUEST\""), refused)
    }

    func testABodyThatNeverArrivesIsClosedAtTheReadTimeoutAndLoggedAsDropped() async throws {
        let (server, _) = try PlaygroundClient.serve(["--read-timeout", "1"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let connection = try RawHTTPConnection(baseURL: server.baseURL)
        connection.send("POST /api/run HTTP/1.1\r\nHost: playground\r\nCookie: barrack_playground=\(token)\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"source\":")
        let (_, closed) = connection.readToEnd()
        XCTAssertTrue(closed, "the server closes a connection whose body stalls")
        try await Self.waitForLog(server, "dropped by the client")
        XCTAssertTrue(server.log.contains("POST /api/run dropped by the client: the body ended after 10 of its 1000 bytes"), server.log)
        XCTAssertFalse(server.log.contains(" 500 "), server.log)

        let reset = try RawHTTPConnection(baseURL: server.baseURL)
        reset.send("POST /api/share HTTP/1.1\r\nHost: playground\r\nCookie: barrack_playground=\(token)\r\n"
                   + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"source\":")
        try await Task.sleep(for: .milliseconds(200))
        reset.reset()
        try await Self.waitForLog(server, "POST /api/share dropped by the client")
        XCTAssertFalse(server.log.contains(" 500 "), "a reset connection is not a failure of the server: \(server.log)")

        let idle = try RawHTTPConnection(baseURL: server.baseURL)
        idle.send("GET /api/resou")
        let (_, headerClosed) = idle.readToEnd()
        XCTAssertTrue(headerClosed, "the server closes a connection whose header stalls")
    }

    func testAClientThatLeavesMidRunIsLoggedAsDroppedAndItsRunStops() async throws {
        let (server, _) = try PlaygroundClient.serve(["--output-limit", "100000000", "--time-limit", "60",
                                                      "--step-limit", "1000000000000"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let body = "{\"source\":\"while true { print \\\"tick\\\" }\"}"
        do {
            let connection = try RawHTTPConnection(baseURL: server.baseURL)
            connection.send("POST /api/run HTTP/1.1\r\nHost: playground\r\nCookie: barrack_playground=\(token)\r\n"
                            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            XCTAssertTrue(connection.read(atLeast: 2_000).contains("tick"))
        }
        try await Self.waitForLog(server, "dropped by the client during the run")
        let next = try await PlaygroundClient.run(server, token, "print \"free again\"")
        XCTAssertEqual(next.printed, "free again\n", "the learner's next run is not held up by the abandoned one: \(next.body)")
        XCTAssertFalse(server.log.contains(" 500 "), server.log)
    }

    func testTheSandboxClockNeverGoesBackAcrossARestart() async throws {
        let (server, folder) = try PlaygroundClient.serve()
        let token = try await PlaygroundClient.session(server)
        // The sandbox opens at the session's first request; its clock then runs at 60 simulated
        // seconds a second, and moves on while nobody changes anything.
        let opened = try PlaygroundFreshRunTests.clock(try await PlaygroundClient.call(server, "GET", "/api/resources", token: token))
        try await Task.sleep(for: .seconds(1))
        let shown = try PlaygroundFreshRunTests.clock(try await PlaygroundClient.call(server, "GET", "/api/resources", token: token))
        XCTAssertGreaterThan(shown, opened, "the clock has moved on by the time it is shown again")
        let printed = try await PlaygroundClient.run(server, token, "print now()")
        XCTAssertEqual(printed.done["ok"] as? Bool, true, printed.body)
        XCTAssertEqual(server.stop(), 0)

        let (again, _) = try PlaygroundClient.serve(data: folder)
        defer { again.stop() }
        let resumed = try PlaygroundFreshRunTests.clock(try await PlaygroundClient.call(again, "GET", "/api/resources", token: token))
        XCTAssertGreaterThanOrEqual(resumed, shown, "the clock resumes no earlier than the panel showed it")
        let later = try await PlaygroundClient.run(again, token, "print now()")
        let before = try XCTUnwrap(Double(printed.printed.trimmingCharacters(in: .whitespacesAndNewlines)), printed.body)
        let after = try XCTUnwrap(Double(later.printed.trimmingCharacters(in: .whitespacesAndNewlines)), later.body)
        XCTAssertGreaterThanOrEqual(after, before, "a script's now() never goes back across a restart")
    }

    /// Waits (up to 20 s) until the server's log says `text`.
    private static func waitForLog(_ server: SandboxServerProcess, _ text: String) async throws {
        for _ in 0..<200 where !server.log.contains(text) {
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertTrue(server.log.contains(text), "the log says '\(text)': \(server.log)")
    }
}
