import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// Issue 29's findings in the sandbox itself (in-process, as over HTTP): duplicate keys, empty
/// path segments and RFC 3339 offsets.
@Suite struct RequestStrictnessTests {
    @Test func aKeyGivenTwiceIsRefusedNotGuessed() throws {
        let sandbox = try Harness()
        let response = sandbox.sandbox.handle(method: "POST", path: "/api/ssh-keys/",
                                              body: Data(#"{"name": "one", "name": "two"}"#.utf8))
        #expect(response.status == 400)
        let answer = try JSONValue(parsing: response.body)
        #expect(answer["error"]?["code"] == "INVALID_VALUE")
        #expect(sandbox.get("/api/ssh-keys/")["total"] == 1, "nothing was created")
    }

    @Test func anEmptySegmentAnywhereIsNotFound() throws {
        let sandbox = try Harness()
        for path in ["/api/snapshots//image/", "//api/balance/", "/api//balance/", "/api/balance//"] {
            let answer = sandbox.get(path)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.message.contains("is empty"), "\(path): \(answer.message)")
        }
        #expect(sandbox.get("/api/balance/").status == 200)
        #expect(sandbox.get("/api/balance").status == 200, "the trailing / stays optional")
    }

    /// Was 400: `+18:31` is a valid RFC 3339 offset that Foundation's ISO-8601 parser refuses.
    @Test func queryDatesTakeAnyRFC3339Offset() throws {
        let sandbox = try Harness()
        for date in ["2026-01-01T12:00:00+18:31", "2026-01-01T12:00:00-23:59", "2026-01-01t12:00:00.123456z",
                     "2026-01-01T12:00:00Z", "2024-02-29", "0001-01-01T00:00:00+00:00"] {
            let answer = sandbox.get("/api/ai/usage/summary/", query: ["from": date])
            #expect(answer.status == 200, "\(date): \(answer.message)")
        }
        for date in ["2026-01-01T12:00:00+24:00", "2026-01-01T12:00:00+05:60", "2026-02-30", "2025-02-29",
                     "2026-01-01T24:00:00Z", "2026-01-01T12:00:00", "2026-01-01T12:00Z", "2026-1-01", "yesterday"] {
            let answer = sandbox.get("/api/ai/usage/summary/", query: ["from": date])
            #expect(answer.status == 400 && answer.code == "INVALID_VALUE", "\(date)")
        }
        // The offset is applied: 12:00 at +18:31 is 17:29 the day before in UTC.
        let summary = sandbox.get("/api/ai/usage/summary/", query: ["from": "2026-01-01T12:00:00+18:31"])
        #expect(summary["summary"]?["from"] == "2025-12-31T17:29:00Z")
    }

    /// Found by schemathesis once the document bounded what it had left open: a page the document
    /// allows must be answered, and one it forbids refused.
    @Test func pagesStopAtABillion() throws {
        let sandbox = try Harness()
        #expect(sandbox.get("/api/ssh-keys/", query: ["page": "1000000000", "limit": "100"]).status == 200)
        let past = sandbox.get("/api/ssh-keys/", query: ["page": "1000000001"])
        #expect(past.status == 400 && past.message.contains("1 to 1000000000"), "\(past.message)")
    }

    /// A reply longer than the model's context window could never be written, so max_tokens is
    /// bounded by it (the document says so per model).
    @Test func maxTokensStopsAtTheContextWindow() throws {
        let sandbox = try Harness()
        func chat(_ model: String, _ maxTokens: Int) -> Answer {
            sandbox.post("/api/ai/chat/completions/", ["model": .string(model), "max_tokens": .int(maxTokens),
                                                       "messages": [["role": "user", "content": "hello"]]])
        }
        #expect(chat("barrack-chat-small", 8_192).status == 200)
        #expect(chat("barrack-chat-small", 8_193).code == "INVALID_VALUE")
        #expect(chat("barrack-chat-large", 32_768).status == 200)
        #expect(chat("barrack-chat-large", 32_769).message.contains("1 to 32768"))
    }
}
