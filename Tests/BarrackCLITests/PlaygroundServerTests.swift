import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `barrack playground serve` as a learner's browser and a teacher meet it: the real binary over
/// real HTTP, its sessions, runs, limits, lessons, bad requests and persistence (issue 15).
final class PlaygroundServerTests: XCTestCase {
    func testARunStreamsItsOutputAndTheREPLKeepsVariables() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let page = try await PlaygroundClient.call(server, "GET", "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("id=\"editor\""))
        XCTAssertTrue(page.headers["set-cookie"]?.hasPrefix("barrack_playground=") ?? false, "the page starts a session")

        let first = try await PlaygroundClient.run(server, token, "print \"one\"\nlet total = 40\nprint \"two\"")
        XCTAssertEqual(first.headers["content-type"], "application/x-ndjson")
        XCTAssertEqual(first.printed, "one\ntwo\n")
        XCTAssertEqual(first.done["ok"] as? Bool, true)
        let line = try await PlaygroundClient.run(server, token, "total + 2", repl: true)
        XCTAssertEqual(line.done["result"] as? String, "42")

        let broken = try await PlaygroundClient.run(server, token, "print 1\nlet = 2")
        XCTAssertEqual(broken.done["ok"] as? Bool, false)
        XCTAssertEqual(broken.error["code"] as? String, "SYNTAX_ERROR")
        XCTAssertEqual(broken.error["line"] as? Int, 2)
        XCTAssertEqual(broken.error["column"] as? Int, 5)
        XCTAssertTrue((broken.error["text"] as? String ?? "").contains("main.brk:2:5: error:"), broken.body)
        XCTAssertTrue((broken.error["text"] as? String ?? "").contains("|     ^"), broken.body)
        XCTAssertTrue(server.log.contains("POST /api/run 200"), "one log line per request: \(server.log)")
    }

    func testSessionsAreIsolatedAndResetStartsOver() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let alice = try await PlaygroundClient.session(server)
        let bob = try await PlaygroundClient.session(server)
        let deploy = try await PlaygroundClient.run(server, alice, "let vm = deploy gpu: L40 x 2 in CANADA-1 name: \"alice-vm\"\nprint vm.id")
        XCTAssertEqual(deploy.done["ok"] as? Bool, true, deploy.body)
        let id = deploy.printed.trimmingCharacters(in: .whitespacesAndNewlines)

        let mine = try await PlaygroundClient.call(server, "GET", "/api/resources", token: alice)
        XCTAssertTrue(mine.body.contains("alice-vm"), mine.body)
        let theirs = try await PlaygroundClient.call(server, "GET", "/api/resources", token: bob)
        XCTAssertFalse(theirs.body.contains("alice-vm"), theirs.body)
        let reach = try await PlaygroundClient.run(server, bob, "print instance(\"\(id)\").name")
        XCTAssertEqual(reach.error["code"] as? String, "NOT_FOUND", "another learner's instance does not exist for bob")
        let delete = try await PlaygroundClient.run(server, bob, "delete_instance \"\(id)\"")
        XCTAssertEqual(delete.done["ok"] as? Bool, false)

        let reset = try await PlaygroundClient.call(server, "POST", "/api/reset", token: alice)
        XCTAssertEqual(reset.json["ok"] as? Bool, true)
        let after = try await PlaygroundClient.call(server, "GET", "/api/resources", token: alice)
        XCTAssertEqual((after.json["instances"] as? [Any])?.count, 0, after.body)
        let forgotten = try await PlaygroundClient.run(server, alice, "vm", repl: true)
        XCTAssertEqual(forgotten.error["code"] as? String, "NAME_ERROR", "reset forgets the learner's variables")
    }

    func testEachLimitEndsARunWithItsErrorAndOthersAreStillServed() async throws {
        // Steps enough that only the wall time can end `while true {}`: a release build runs 100
        // million steps in well under a second.
        let (server, _) = try PlaygroundClient.serve(["--step-limit", "1000000000000", "--time-limit", "3", "--output-limit", "200",
                                     "--memory-limit", "32"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let other = try await PlaygroundClient.session(server)
        async let runaway = PlaygroundClient.run(server, token, "while true {}")
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        let quick = try await PlaygroundClient.run(server, other, "print 1 + 1")
        XCTAssertEqual(quick.printed, "2\n")
        XCTAssertLessThan(ContinuousClock.now - started, .milliseconds(1_500), "a runaway (3 s) does not hold up another learner")
        let ended = try await runaway
        XCTAssertEqual(ended.error["code"] as? String, "TIME_LIMIT", ended.body)

        let chatty = try await PlaygroundClient.run(server, token, "for i in range(1000) { print \"line {i}\" }")
        XCTAssertEqual(chatty.error["code"] as? String, "OUTPUT_LIMIT", chatty.body)
        XCTAssertLessThanOrEqual(chatty.printed.utf8.count, 200)

        // A string that doubles, with enough steps between doublings for the memory checks.
        let (roomy, _) = try PlaygroundClient.serve(["--memory-limit", "16", "--time-limit", "30"])
        defer { roomy.stop() }
        let hungry = try await PlaygroundClient.run(roomy, try await PlaygroundClient.session(roomy),
                                        "let s = \"x\"\nwhile true {\n  s = s + s\n  for i in range(2000) {}\n}")
        XCTAssertEqual(hungry.error["code"] as? String, "MEMORY_LIMIT", hungry.body)

        let (stepped, _) = try PlaygroundClient.serve(["--step-limit", "1000"])
        defer { stepped.stop() }
        let counted = try await PlaygroundClient.run(stepped, try await PlaygroundClient.session(stepped), "let n = 0\nwhile true { n += 1 }")
        XCTAssertEqual(counted.error["code"] as? String, "STEP_LIMIT", counted.body)
    }

    func testScriptsCannotReachTheHostsEnvironmentFilesOrInput() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        for source in ["print env(\"HOME\")", "print input(\"? \")", "exit(3)", "import \"other.brk\""] {
            let answer = try await PlaygroundClient.run(server, token, source)
            XCTAssertEqual(answer.done["ok"] as? Bool, false, "\(source): \(answer.body)")
        }
        let library = try await PlaygroundClient.run(server, token, "import \"fleet\"\nprint \"imported\"")
        XCTAssertEqual(library.printed, "imported\n", "the standard library stays importable: \(library.body)")
    }

    func testALessonIsDoneOnlyAfterItsStarterRuns() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let list = try await PlaygroundClient.call(server, "GET", "/api/lessons", token: token)
        let lessons = try XCTUnwrap(list.json["lessons"] as? [[String: Any]])
        XCTAssertEqual(lessons.compactMap { $0["id"] as? String },
                       ["01-first-deploy", "02-wait-active", "03-out-of-stock", "04-volumes", "05-parallel-for", "06-costs"])
        for lesson in lessons.compactMap({ $0["id"] as? String }) {
            let reset = try await PlaygroundClient.call(server, "POST", "/api/reset", token: token)
            XCTAssertEqual(reset.status, 200)
            let before = try await PlaygroundClient.call(server, "POST", "/api/lessons/\(lesson)/check", token: token)
            XCTAssertEqual(before.json["done"] as? Bool, false, "\(lesson) is not done on a fresh sandbox: \(before.body)")
            XCTAssertFalse((before.json["message"] as? String ?? "check.brk").contains("check.brk"),
                           "a check's hint is shown alone, not as an error report: \(before.body)")
            let detail = try await PlaygroundClient.call(server, "GET", "/api/lessons/\(lesson)", token: token)
            let starter = try XCTUnwrap(detail.json["starter"] as? String)
            XCTAssertFalse((detail.json["markdown"] as? String ?? "").contains("barrack check"), "the check stays hidden")
            let ran = try await PlaygroundClient.run(server, token, starter)
            XCTAssertEqual(ran.done["ok"] as? Bool, true, "\(lesson)'s starter runs: \(ran.body)")
            let after = try await PlaygroundClient.call(server, "POST", "/api/lessons/\(lesson)/check", token: token)
            XCTAssertEqual(after.json["done"] as? Bool, true, "\(lesson) is done after its starter: \(after.body)")
        }
        let missing = try await PlaygroundClient.call(server, "GET", "/api/lessons/99-nope", token: token)
        XCTAssertEqual(missing.status, 404)
    }

    func testBadRequestsGetAFourHundredWithAMessage() async throws {
        let (server, _) = try PlaygroundClient.serve(["--max-script", "1000"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let cases: [(String, String, String?, String?, Int, String)] = [
            ("POST", "/api/run", nil, "{\"source\":\"print 1\"}", 401, "NO_SESSION"),
            ("POST", "/api/run", "0123456789abcdef0123456789abcdef", "{\"source\":\"print 1\"}", 401, "NO_SESSION"),
            ("GET", "/api/resources", "not a token", nil, 401, "NO_SESSION"),
            ("POST", "/api/run", token, "{\"source\": ", 400, "BAD_REQUEST"),
            ("POST", "/api/run", token, "[1, 2]", 400, "BAD_REQUEST"),
            ("POST", "/api/run", token, "{\"source\": 42}", 400, "BAD_REQUEST"),
            ("POST", "/api/run", token, "{\"source\": \"1\", \"repl\": \"yes\"}", 400, "BAD_REQUEST"),
            ("POST", "/api/run", token, "{\"source\": \"\(String(repeating: "x", count: 1_500))\"}", 413, "TOO_LARGE"),
            ("POST", "/api/run", token, String(repeating: " ", count: 10_000), 413, "TOO_LARGE"),
            ("GET", "/api/nothing", token, nil, 404, "NOT_FOUND"),
            ("DELETE", "/api/run", token, nil, 405, "METHOD_NOT_ALLOWED"),
        ]
        for (method, path, cookie, body, status, code) in cases {
            let answer = try await PlaygroundClient.call(server, method, path, token: cookie, body: body)
            XCTAssertEqual(answer.status, status, "\(method) \(path) \(body ?? ""): \(answer.body)")
            XCTAssertEqual(answer.error["code"] as? String, code, answer.body)
            XCTAssertFalse((answer.error["message"] as? String ?? "").isEmpty, answer.body)
        }
    }

    func testARestartLosesNothingAndIdleSessionsExpire() async throws {
        let (server, folder) = try PlaygroundClient.serve()
        let token = try await PlaygroundClient.session(server)
        let deployed = try await PlaygroundClient.run(server, token, "deploy gpu: L40 x 2 in CANADA-1 name: \"kept-vm\"")
        XCTAssertEqual(deployed.done["ok"] as? Bool, true, deployed.body)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("playground.sqlite-wal").path),
                      "the database is in WAL mode")
        XCTAssertEqual(server.stop(), 0, "SIGTERM stops it cleanly")

        let (again, _) = try PlaygroundClient.serve(["--session-idle", "2"], data: folder)
        defer { again.stop() }
        let kept = try await PlaygroundClient.call(again, "GET", "/api/resources", token: token)
        XCTAssertTrue(kept.body.contains("kept-vm"), "the sandbox outlives the server: \(kept.body)")
        try await Task.sleep(for: .seconds(3))
        _ = try await PlaygroundClient.call(again, "POST", "/api/session")
        let expired = try await PlaygroundClient.call(again, "GET", "/api/resources", token: token)
        XCTAssertEqual(expired.status, 401, "an idle session expires: \(expired.body)")
    }
}
