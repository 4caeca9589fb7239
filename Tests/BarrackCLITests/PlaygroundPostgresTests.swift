import Foundation
import XCTest

/// Many playground servers on one PostgreSQL database (`--database postgres://…`, issue 25): two
/// real `barrack playground serve` processes, a learner's requests alternating between them, see
/// one sandbox, one class and the same shares; two runs of one session that arrive at the two
/// servers at once go one after the other.
///
/// They need a PostgreSQL server: `BARRACK_TEST_DATABASE_URL` (`.ci/run` starts one with
/// `Tests/postgres/server` and sets it). Without it they say so on standard error and are
/// skipped — except in CI (`.ci/run` sets `BARRACK_REQUIRE_DATABASE_TESTS`), where that is a failure.
final class PlaygroundPostgresTests: XCTestCase {
    private static let key = "a-teacher-key"

    /// The test database's URL, or a loud skip.
    private static func databaseURL() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["BARRACK_TEST_DATABASE_URL"], !url.isEmpty { return url }
        let message = """
            BARRACK_TEST_DATABASE_URL is not set: the playground's PostgreSQL tests did NOT run. Start a server with \
            `Tests/postgres/server start /tmp/barrack-pg` and set BARRACK_TEST_DATABASE_URL to the URL it prints.
            """
        FileHandle.standardError.write(Data("\n*** \(message) ***\n\n".utf8))
        if environment["BARRACK_REQUIRE_DATABASE_TESTS"] != nil { XCTFail(message) }
        throw XCTSkip(message)
    }

    /// Two servers on one database, serving a class of a name no earlier test used (the database
    /// outlives a test), stopped when the test ends; and a learner who joined it through the first.
    private func twoServers() async throws -> (SandboxServerProcess, SandboxServerProcess, name: String, learner: String) {
        let url = try Self.databaseURL()
        let name = "course-\(UInt32.random(in: 0 ... .max))"
        let options = ["--database", url, "--class", name, "--teacher-key", Self.key]
        let (first, _) = try PlaygroundClient.serve(options)
        addTeardownBlock { _ = first.stop() }
        let (second, _) = try PlaygroundClient.serve(options)
        addTeardownBlock { _ = second.stop() }
        let learner = try Self.token(try await PlaygroundClient.call(first, "GET", "/c/\(name)"))
        return (first, second, name, learner)
    }

    private static func teacher(_ server: SandboxServerProcess, _ method: String, _ path: String,
                                body: String? = nil) async throws -> PlaygroundClient.Answer {
        try await PlaygroundClient.call(server, method, path, body: body, headers: ["X-Teacher-Key": key])
    }

    /// The session a page's answer started, from its cookie.
    private static func token(_ answer: PlaygroundClient.Answer) throws -> String {
        let cookie = try XCTUnwrap(answer.headers["set-cookie"], "the page started no session: \(answer.headers)")
        let value = try XCTUnwrap(cookie.split(separator: ";").first?.split(separator: "=").last)
        return String(value)
    }

    func testALearnersRequestsAlternatingBetweenTwoServersSeeOneSandboxClassAndShares() async throws {
        let (a, b, name, learner) = try await twoServers()

        let created = try await PlaygroundClient.run(b, learner, """
            create_volume name: "datasets" size: 100GB type: "NVMe" in FINLAND-2
            print len(volumes())
            """)
        XCTAssertEqual(created.printed, "1\n", created.body)
        let seen = try await PlaygroundClient.run(a, learner, "print volumes()[0].name")
        XCTAssertEqual(seen.printed, "datasets\n", "server A sees the volume made on B: \(seen.body)")
        let panel = try await PlaygroundClient.call(a, "GET", "/api/resources", token: learner)
        XCTAssertTrue(panel.body.contains("datasets"), panel.body)

        let lesson = try await PlaygroundClient.call(a, "GET", "/api/lessons/01-first-deploy", token: learner)
        let starter = try await PlaygroundClient.run(b, learner, try XCTUnwrap(lesson.json["starter"] as? String))
        XCTAssertEqual(starter.done["ok"] as? Bool, true, starter.body)
        let check = try await PlaygroundClient.call(a, "POST", "/api/lessons/01-first-deploy/check", token: learner)
        XCTAssertEqual(check.json["done"] as? Bool, true, "A checks what the starter made on B: \(check.body)")

        let shared = try await PlaygroundClient.call(b, "POST", "/api/share", token: learner, body: "{\"source\":\"print 42\"}")
        let id = try XCTUnwrap(shared.json["id"] as? String, shared.body)
        let other = try Self.token(try await PlaygroundClient.call(b, "GET", "/c/\(name)"))
        let opened = try await PlaygroundClient.call(a, "GET", "/api/share/\(id)", token: other)
        XCTAssertEqual(opened.json["source"] as? String, "print 42", "a share made on B opens on A: \(opened.body)")
        let othersVolumes = try await PlaygroundClient.run(a, other, "print len(volumes())")
        XCTAssertEqual(othersVolumes.printed, "0\n", "another learner's sandbox is their own")

        for server in [a, b] {
            let progress = try await Self.teacher(server, "GET", "/api/teacher/learners")
            let learners = try XCTUnwrap(progress.json["learners"] as? [[String: Any]], progress.body)
            XCTAssertEqual(learners.compactMap { $0["learner"] as? Int }, [1, 2], "one numbering on both servers")
            XCTAssertEqual(learners.first?["runs"] as? Int, 3, "runs on A and on B are all counted: \(learners)")
            XCTAssertEqual(learners.first?["lessons_done"] as? [String], ["01-first-deploy"])
            XCTAssertEqual(learners.last?["runs"] as? Int, 1)
        }
        let sent = try await Self.teacher(a, "POST", "/api/teacher/send", body: "{\"lesson\":\"02-wait-active\"}")
        XCTAssertEqual(sent.status, 200, sent.body)
        let messages = try await PlaygroundClient.call(b, "GET", "/api/class/messages?after=0", token: learner)
        XCTAssertEqual((messages.json["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String }, ["02-wait-active"],
                       "a message sent through A reaches a learner on B: \(messages.body)")

        let reset = try await PlaygroundClient.call(b, "POST", "/api/reset", token: learner)
        XCTAssertEqual(reset.status, 200, reset.body)
        let after = try await PlaygroundClient.run(a, learner, "print len(volumes())")
        XCTAssertEqual(after.printed, "0\n", "A sees the reset made on B: \(after.body)")
    }

    func testTwoRunsOfOneSessionOnTwoServersAtOnceGoOneAfterTheOther() async throws {
        let (a, b, _, learner) = try await twoServers()
        // Each run counts the volumes, makes five with real time between them, and counts again:
        // had the two interleaved, both would have started from 0.
        func script(_ tag: String) -> String {
            """
            let before = len(volumes())
            for i in range(5) {
              create_volume name: "\(tag)-{i}" size: 100GB type: "NVMe" in FINLAND-2
              for j in range(20000) {}
            }
            print "{before} {len(volumes())}"
            """
        }
        for round in 0..<3 {
            async let first = PlaygroundClient.run(a, learner, script("a\(round)"))
            async let second = PlaygroundClient.run(b, learner, script("b\(round)"))
            let answers = try await [first, second]
            for answer in answers { XCTAssertEqual(answer.done["ok"] as? Bool, true, answer.body) }
            let start = round * 10
            XCTAssertEqual(answers.map(\.printed).sorted(), ["\(start) \(start + 5)\n", "\(start + 5) \(start + 10)\n"],
                           "round \(round): one run went after the other, and nothing was lost or made twice")
        }
        let total = try await PlaygroundClient.run(b, learner, "print len(volumes())")
        XCTAssertEqual(total.printed, "30\n", total.body)
        let progress = try await Self.teacher(a, "GET", "/api/teacher/learners")
        XCTAssertEqual((progress.json["learners"] as? [[String: Any]])?.first?["runs"] as? Int, 7, progress.body)
    }

    func testABadOrUnreachableDatabaseIsRefusedSayingWhatAndWhere() throws {
        guard let binary = TestPaths.binary() else { throw XCTSkip("no barrack binary") }
        let folder = FileManager.default.temporaryDirectory
        let cases: [(String, String)] = [
            ("mysql://root@localhost/course", "only postgres:// (or postgresql://) databases are served"),
            ("postgres://localhost/course", "the URL names no user"),
            ("postgres://me:secret@localhost/course?sslmode=always", "sslmode must be disable, prefer or require"),
        ]
        for (url, message) in cases {
            let run = ScriptRun.execute(binary: binary, arguments: ["playground", "serve", "--port", "0", "--database", url],
                                        in: folder, timeout: 20)
            XCTAssertNotEqual(run.status, 0, url)
            XCTAssertTrue(run.standardError.contains(message), "\(url): \(run.standardError)")
            XCTAssertFalse(run.standardError.contains("secret"), "the password is never shown: \(run.standardError)")
        }
        // Port 1 on loopback: nothing listens there, and the refusal comes at once.
        let unreachable = ScriptRun.execute(binary: binary, arguments: [
            "playground", "serve", "--port", "0", "--database", "postgres://me:secret@127.0.0.1:1/course",
        ], in: folder, timeout: 30)
        XCTAssertNotEqual(unreachable.status, 0)
        XCTAssertTrue(unreachable.standardError.contains("cannot connect to the database at postgres://me@127.0.0.1:1/course"),
                      unreachable.standardError)
        XCTAssertFalse(unreachable.standardError.contains("secret"), unreachable.standardError)
        XCTAssertEqual(unreachable.standardOutput, "", "no URL is printed for a server that never started")
    }
}
