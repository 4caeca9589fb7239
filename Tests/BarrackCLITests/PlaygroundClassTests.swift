import Foundation
import XCTest

/// A class (`--class NAME --teacher-key KEY`): learners join at `/c/NAME`, the teacher follows
/// their progress with the key and sends a snippet or a lesson to everyone (issue 25).
final class PlaygroundClassTests: XCTestCase {
    private static let key = "a-teacher-key"

    private static func teacher(_ server: SandboxServerProcess, _ method: String, _ path: String, key: String? = key,
                                body: String? = nil) async throws -> PlaygroundClient.Answer {
        try await PlaygroundClient.call(server, method, path, body: body, headers: key.map { ["X-Teacher-Key": $0] } ?? [:])
    }

    private static func learners(_ server: SandboxServerProcess) async throws -> [[String: Any]] {
        let answer = try await teacher(server, "GET", "/api/teacher/learners")
        XCTAssertEqual(answer.status, 200, answer.body)
        return answer.json["learners"] as? [[String: Any]] ?? []
    }

    func testTheTeacherFollowsTheLearnersWhoJoinedAndReachesThemAll() async throws {
        let (server, _) = try PlaygroundClient.serve(["--class", "gpu-101", "--teacher-key", Self.key])
        defer { server.stop() }
        let alice = try await PlaygroundClient.session(server)
        let joined = try await PlaygroundClient.call(server, "GET", "/c/gpu-101", token: alice)
        XCTAssertEqual(joined.status, 200)
        XCTAssertTrue(joined.body.contains("id=\"editor\""), "the class's URL is the page")
        let bob = try await PlaygroundClient.session(server)
        let newcomer = try await PlaygroundClient.call(server, "GET", "/c/gpu-101")
        XCTAssertTrue(newcomer.headers["set-cookie"]?.hasPrefix("barrack_playground=") ?? false, "a new browser joins too")

        for key in [nil, "not-the-key-at-all"] {
            let refused = try await Self.teacher(server, "GET", "/api/teacher/learners", key: key)
            XCTAssertEqual(refused.status, 401, refused.body)
            XCTAssertEqual(refused.error["code"] as? String, "TEACHER_KEY")
        }
        let before = try await Self.learners(server)
        XCTAssertEqual(before.compactMap { $0["learner"] as? Int }, [1, 2], "alice and the newcomer, not bob")
        XCTAssertEqual(before.first?["runs"] as? Int, 0)
        let mine = try await PlaygroundClient.call(server, "GET", "/api/class", token: alice)
        XCTAssertEqual(mine.json["class"] as? String, "gpu-101")
        XCTAssertEqual(mine.json["learner"] as? Int, 1)
        let his = try await PlaygroundClient.call(server, "GET", "/api/class", token: bob)
        XCTAssertTrue(his.json["class"] is NSNull, "bob opened / and is in no class: \(his.body)")

        let lesson = try await PlaygroundClient.call(server, "GET", "/api/lessons/01-first-deploy", token: alice)
        let ran = try await PlaygroundClient.run(server, alice, try XCTUnwrap(lesson.json["starter"] as? String))
        XCTAssertEqual(ran.done["ok"] as? Bool, true, ran.body)
        let check = try await PlaygroundClient.call(server, "POST", "/api/lessons/01-first-deploy/check", token: alice)
        XCTAssertEqual(check.json["done"] as? Bool, true, check.body)
        _ = try await PlaygroundClient.run(server, alice, "print nope")
        _ = try await PlaygroundClient.run(server, bob, "print 1")
        let after = try await Self.learners(server)
        let first = try XCTUnwrap(after.first)
        XCTAssertEqual(first["runs"] as? Int, 2)
        XCTAssertEqual(first["lessons_done"] as? [String], ["01-first-deploy"])
        XCTAssertTrue((first["last_error"] as? String ?? "").hasPrefix("NAME_ERROR: "), "\(first)")
        XCTAssertNotNil(first["spent"] as? Double, "\(first)")
        XCTAssertEqual(first["currency"] as? String, "USD")
        XCTAssertFalse(String(describing: after).contains("print nope"), "the teacher sees progress, not code")

        let snippet = try await Self.teacher(server, "POST", "/api/teacher/send", body: "{\"snippet\":\"print \\\"hello, class\\\"\"}")
        let seq = try XCTUnwrap(snippet.json["seq"] as? Int, snippet.body)
        let opened = try await Self.teacher(server, "POST", "/api/teacher/send", body: "{\"lesson\":\"02-wait-active\"}")
        XCTAssertEqual(opened.status, 200, opened.body)
        let messages = try await PlaygroundClient.call(server, "GET", "/api/class/messages?after=0", token: alice)
        let received = try XCTUnwrap(messages.json["messages"] as? [[String: Any]], messages.body)
        XCTAssertEqual(received.compactMap { $0["kind"] as? String }, ["snippet", "lesson"])
        XCTAssertEqual(received.first?["body"] as? String, "print \"hello, class\"")
        let later = try await PlaygroundClient.call(server, "GET", "/api/class/messages?after=\(seq)", token: alice)
        XCTAssertEqual((later.json["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String }, ["02-wait-active"])
        let outsider = try await PlaygroundClient.call(server, "GET", "/api/class/messages?after=0", token: bob)
        XCTAssertEqual(outsider.status, 403, outsider.body)
        XCTAssertEqual(outsider.error["code"] as? String, "NOT_IN_CLASS")

        let cases: [(String, String, Int, String)] = [
            ("/api/teacher/send", "{\"lesson\":\"99-nope\"}", 404, "NOT_FOUND"),
            ("/api/teacher/send", "{}", 400, "BAD_REQUEST"),
            ("/api/teacher/send", "{\"snippet\":\"a\",\"lesson\":\"02-wait-active\"}", 400, "BAD_REQUEST"),
        ]
        for (path, body, status, code) in cases {
            let answer = try await Self.teacher(server, "POST", path, body: body)
            XCTAssertEqual(answer.status, status, "\(body): \(answer.body)")
            XCTAssertEqual(answer.error["code"] as? String, code, answer.body)
        }
        let badAfter = try await PlaygroundClient.call(server, "GET", "/api/class/messages?after=-1", token: alice)
        XCTAssertEqual(badAfter.status, 400, badAfter.body)
        let otherClass = try await PlaygroundClient.call(server, "GET", "/c/another-class", token: alice)
        XCTAssertEqual(otherClass.status, 404, otherClass.body)
        let page = try await PlaygroundClient.call(server, "GET", "/teacher")
        XCTAssertTrue(page.body.contains("id=\"teacher-key\""), "the teacher's page asks for the key")
    }

    func testWithoutAClassThereIsNoTeachersViewAndTheFlagsGoTogether() async throws {
        let (server, folder) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let teacher = try await Self.teacher(server, "GET", "/api/teacher/learners")
        XCTAssertEqual(teacher.status, 404, teacher.body)
        XCTAssertTrue((teacher.error["message"] as? String ?? "").contains("--class NAME --teacher-key KEY"), teacher.body)
        let join = try await PlaygroundClient.call(server, "GET", "/c/gpu-101", token: token)
        XCTAssertEqual(join.status, 404)
        let info = try await PlaygroundClient.call(server, "GET", "/api/class", token: token)
        XCTAssertTrue(info.json["class"] is NSNull, info.body)

        let binary = try XCTUnwrap(TestPaths.binary())
        let refusals: [([String], String)] = [
            (["--class", "gpu-101"], "--class needs --teacher-key"),
            (["--teacher-key", Self.key], "--teacher-key needs --class"),
            (["--class", "gpu 101", "--teacher-key", Self.key], "--class must be 1 to 40 letters"),
            (["--class", "gpu-101", "--teacher-key", "short"], "at least 8 characters"),
        ]
        for (options, message) in refusals {
            let run = ScriptRun.execute(binary: binary, arguments: ["playground", "serve", "--port", "0", "--data", folder.path] + options,
                                        in: folder, timeout: 20)
            XCTAssertNotEqual(run.status, 0, "\(options)")
            XCTAssertTrue(run.standardError.contains(message), "\(options): \(run.standardError)")
        }
    }
}
