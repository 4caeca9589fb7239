import Foundation
import XCTest

/// Share links: `POST /api/share` stores the editor's script, `/s/ID` opens it in anyone's editor;
/// immutable, size-limited and rate-limited per session (issue 25).
final class PlaygroundShareTests: XCTestCase {
    private static func share(_ server: SandboxServerProcess, _ token: String, _ source: String) async throws -> PlaygroundClient.Answer {
        let body = try JSONSerialization.data(withJSONObject: ["source": source])
        return try await PlaygroundClient.call(server, "POST", "/api/share", token: token, body: String(decoding: body, as: UTF8.self))
    }

    func testAShareOpensInAnotherLearnersEditorAndOutlivesARestart() async throws {
        let (server, folder) = try PlaygroundClient.serve()
        let author = try await PlaygroundClient.session(server)
        let script = "let vm = deploy gpu: L40 x 2 in CANADA-1 name: \"shared\"\nprint \"{vm.name} ✓\""
        let made = try await Self.share(server, author, script)
        XCTAssertEqual(made.status, 200, made.body)
        let id = try XCTUnwrap(made.json["id"] as? String)
        XCTAssertEqual(made.json["url"] as? String, "/s/\(id)")

        let reader = try await PlaygroundClient.session(server)
        let opened = try await PlaygroundClient.call(server, "GET", "/api/share/\(id)", token: reader)
        XCTAssertEqual(opened.json["source"] as? String, script, opened.body)
        let page = try await PlaygroundClient.call(server, "GET", "/s/\(id)")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("id=\"editor\""))
        XCTAssertTrue(page.headers["set-cookie"]?.hasPrefix("barrack_playground=") ?? false, "a share link starts a session")
        let ran = try await PlaygroundClient.run(server, reader, try XCTUnwrap(opened.json["source"] as? String))
        XCTAssertEqual(ran.printed, "shared ✓\n", "the reader runs it in their own sandbox: \(ran.body)")
        let authors = try await PlaygroundClient.call(server, "GET", "/api/resources", token: author)
        XCTAssertFalse(authors.body.contains("\"shared\""), "the author's sandbox is not the reader's")

        let changed = try await PlaygroundClient.call(server, "PUT", "/api/share/\(id)", token: author, body: "{\"source\":\"x\"}")
        XCTAssertEqual(changed.status, 405, "a share cannot be changed: \(changed.body)")
        XCTAssertEqual(server.stop(), 0)

        let (again, _) = try PlaygroundClient.serve(data: folder)
        defer { again.stop() }
        let kept = try await PlaygroundClient.call(again, "GET", "/api/share/\(id)", token: reader)
        XCTAssertEqual(kept.json["source"] as? String, script, "a share outlives the server: \(kept.body)")
    }

    func testSharesAreSizeLimitedRateLimitedAndUnknownOnesAreNotFound() async throws {
        let (server, _) = try PlaygroundClient.serve(["--max-script", "1000"])
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let large = try await Self.share(server, token, String(repeating: "x", count: 1_001))
        XCTAssertEqual(large.status, 413, large.body)
        XCTAssertEqual(large.error["code"] as? String, "TOO_LARGE")
        let empty = try await Self.share(server, token, "  \n")
        XCTAssertEqual(empty.error["code"] as? String, "BAD_REQUEST", empty.body)
        let noSession = try await Self.share(server, "", "print 1")
        XCTAssertEqual(noSession.status, 401)

        for number in 1...5 {
            let made = try await Self.share(server, token, "print \(number)")
            XCTAssertEqual(made.status, 200, "share \(number): \(made.body)")
        }
        let sixth = try await Self.share(server, token, "print 6")
        XCTAssertEqual(sixth.status, 429, sixth.body)
        XCTAssertEqual(sixth.error["code"] as? String, "RATE_LIMITED")
        let other = try await Self.share(server, try await PlaygroundClient.session(server), "print 7")
        XCTAssertEqual(other.status, 200, "the limit is per session: \(other.body)")

        for id in ["ABCDEFGHJK", "nope", "../../etc"] {
            let missing = try await PlaygroundClient.call(server, "GET", "/api/share/\(id)", token: token)
            XCTAssertEqual(missing.status, 404, "\(id): \(missing.body)")
            XCTAssertEqual(missing.error["code"] as? String, "NOT_FOUND")
        }
    }
}
