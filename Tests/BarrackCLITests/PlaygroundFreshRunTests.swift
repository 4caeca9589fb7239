import Foundation
import XCTest

/// Run starts every program fresh over the learner's sandbox, the REPL line carries on from it,
/// and simulated time holds from a session's first statement (issue 25).
final class PlaygroundFreshRunTests: XCTestCase {
    func testTheSameScriptRunsTwiceAndResourcesStayWhileVariablesGo() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        // A name of its own each time: the platform refuses a second instance named the same.
        let script = "let vm = deploy gpu: L40 x 2 in CANADA-1 name: \"run-{len(instances())}\"\nprint \"deployed {vm.name}\""
        let first = try await PlaygroundClient.run(server, token, script)
        XCTAssertEqual(first.done["ok"] as? Bool, true, first.body)
        XCTAssertEqual(first.printed, "deployed run-0\n")
        let second = try await PlaygroundClient.run(server, token, script)
        XCTAssertEqual(second.done["ok"] as? Bool, true, "a second Run starts without the first one's `vm`: \(second.body)")
        XCTAssertEqual(second.printed, "deployed run-1\n")
        let count = try await PlaygroundClient.run(server, token, "print len(instances())")
        XCTAssertEqual(count.printed, "2\n", "both runs' instances stay in the sandbox: \(count.body)")
        let forgotten = try await PlaygroundClient.run(server, token, "print vm")
        XCTAssertEqual(forgotten.error["code"] as? String, "NAME_ERROR", "a run does not see the last run's variables")
    }

    func testTheREPLLineCarriesOnFromTheLastRunAndKeepsItsOwnVariables() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        _ = try await PlaygroundClient.run(server, token, "let total = 40")
        let fromRun = try await PlaygroundClient.run(server, token, "total + 2", repl: true)
        XCTAssertEqual(fromRun.done["result"] as? String, "42", "the REPL sees what the run made: \(fromRun.body)")
        _ = try await PlaygroundClient.run(server, token, "let mine = 5", repl: true)
        let again = try await PlaygroundClient.run(server, token, "mine * total", repl: true)
        XCTAssertEqual(again.done["result"] as? String, "200", "REPL lines keep their variables: \(again.body)")
        _ = try await PlaygroundClient.run(server, token, "print 1")
        let afterRun = try await PlaygroundClient.run(server, token, "mine", repl: true)
        XCTAssertEqual(afterRun.error["code"] as? String, "NAME_ERROR", "a Run starts the REPL over: \(afterRun.body)")
    }

    func testTheLessonsDoneInOrderWithoutAResetAreEachDone() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let list = try await PlaygroundClient.call(server, "GET", "/api/lessons", token: token)
        let lessons = try XCTUnwrap(list.json["lessons"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertEqual(lessons.count, 6)
        for lesson in lessons {
            let detail = try await PlaygroundClient.call(server, "GET", "/api/lessons/\(lesson)", token: token)
            let starter = try XCTUnwrap(detail.json["starter"] as? String)
            let ran = try await PlaygroundClient.run(server, token, starter)
            XCTAssertEqual(ran.done["ok"] as? Bool, true, "\(lesson)'s starter runs after the lessons before it: \(ran.body)")
            let check = try await PlaygroundClient.call(server, "POST", "/api/lessons/\(lesson)/check", token: token)
            XCTAssertEqual(check.json["done"] as? Bool, true, "\(lesson) is done: \(check.body)")
        }
    }

    func testSleepIsSimulatedFromASessionsFirstStatement() async throws {
        let (server, _) = try PlaygroundClient.serve(["--time-limit", "2"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let before = try Self.clock(try await PlaygroundClient.call(server, "GET", "/api/resources", token: token))
        let slept = try await PlaygroundClient.run(server, token, "sleep 2h\nprint \"awake\"")
        XCTAssertEqual(slept.done["ok"] as? Bool, true, "two simulated hours fit in a 2 s run: \(slept.body)")
        XCTAssertEqual(slept.printed, "awake\n")
        let after = try Self.clock(try await PlaygroundClient.call(server, "GET", "/api/resources", token: token))
        XCTAssertGreaterThanOrEqual(after.timeIntervalSince(before), 7_200, "the sandbox clock moved on by the sleep")
    }

    /// The sandbox clock `GET /api/resources` shows.
    static func clock(_ answer: PlaygroundClient.Answer) throws -> Date {
        let text = try XCTUnwrap(answer.json["clock"] as? String, answer.body)
        return try XCTUnwrap(ISO8601DateFormatter().date(from: text), text)
    }
}
