import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// Malformed requests of every kind get a 4xx with the error envelope and a code, never a 5xx:
/// bodies that are not JSON or not objects, members of the wrong type, missing members, huge
/// strings, bad query values. Cases api/fuzz-sandbox (schemathesis) found are here too.
@Suite struct MalformedRequestTests {
    /// The envelope of every error: `success: false`, a message, a code of the contract, a request id.
    static func expectEnvelope(_ answer: Answer, status: ClosedRange<Int> = 400...499,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status.contains(answer.status), "status \(answer.status): \(answer.json)", sourceLocation: sourceLocation)
        #expect(answer["success"] == false, sourceLocation: sourceLocation)
        #expect(!answer.message.isEmpty, sourceLocation: sourceLocation)
        #expect(answer.code.flatMap(ErrorCode.init(rawValue:))?.httpStatus != nil, "code \(answer.code ?? "none")",
                sourceLocation: sourceLocation)
        #expect(answer["request_id"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    }

    private func raw(_ sandbox: Harness, _ method: String, _ path: String, _ body: String,
                     query: [QueryItem] = []) -> Answer {
        let response = sandbox.sandbox.handle(method: method, path: path, query: query, body: Data(body.utf8))
        return Answer(status: response.status, json: (try? JSONValue(parsing: response.body)) ?? .null,
                      headers: response.headers)
    }

    @Test func bodiesThatAreNotJSONObjects() throws {
        let sandbox = try Harness()
        for body in ["{", "not json", "[1, 2]", "\"text\"", "42", "null", "{\"name\": }", "\u{FEFF}{}", "{\"a\":1}{}"] {
            let answer = raw(sandbox, "POST", "/api/volumes/", body)
            Self.expectEnvelope(answer)
        }
    }

    @Test func membersOfTheWrongType() throws {
        let sandbox = try Harness()
        let cases: [(String, JSONValue)] = [
            ("/api/volumes/", ["name": 5, "region": "FINLAND-1", "size_gb": 100, "volume_type": "HDD"]),
            ("/api/volumes/", ["name": "v", "region": "FINLAND-1", "size_gb": "100", "volume_type": "HDD"]),
            ("/api/volumes/", ["name": "v", "region": "FINLAND-1", "size_gb": 100.5, "volume_type": "HDD"]),
            ("/api/volumes/", ["name": "v", "region": ["FINLAND-1"], "size_gb": 100, "volume_type": "HDD"]),
            ("/api/instances/", sandbox.deployBody(["gpu_count": true])),
            ("/api/instances/", sandbox.deployBody(["boot_source": "os_image"])),
            ("/api/instances/", sandbox.deployBody(["ssh_key_ids": "BRK-000001K"])),
            ("/api/instances/", sandbox.deployBody(["ssh_key_ids": [1]])),
            ("/api/instances/", sandbox.deployBody(["new_data_volumes": [5]])),
            ("/api/scripts/bulk-delete/", ["script_ids": [["id": 1]]]),
            ("/api/pricing/", ["gpu_count": "four"]),
            ("/api/ai/chat/completions/", ["model": "m", "messages": "hello"]),
            ("/api/ssh-keys/", ["name": "k", "public_key": 12]),
        ]
        for (path, body) in cases {
            Self.expectEnvelope(sandbox.post(path, body))
        }
    }

    @Test func missingMembersAndEmptyBodies() throws {
        let sandbox = try Harness()
        for path in ["/api/volumes/", "/api/firewalls/", "/api/scripts/", "/api/ssh-keys/", "/api/snapshots/",
                     "/api/images/", "/api/scripts/bulk-delete/", "/api/snapshots/images/", "/api/ai/chat/completions/"] {
            Self.expectEnvelope(sandbox.post(path, nil))
            Self.expectEnvelope(sandbox.post(path, .object([:])))
        }
    }

    @Test func hugeStrings() throws {
        let sandbox = try Harness()
        let huge = JSONValue.string(String(repeating: "x", count: 1_000_000))
        Self.expectEnvelope(sandbox.post("/api/volumes/", ["name": huge, "region": "FINLAND-1", "size_gb": 100,
                                                           "volume_type": "HDD"]))
        Self.expectEnvelope(sandbox.post("/api/firewalls/", ["name": "f", "region": "FINLAND-1", "description": huge]))
        Self.expectEnvelope(sandbox.post("/api/scripts/", ["name": "s", "content": huge]))
        Self.expectEnvelope(sandbox.post("/api/ssh-keys/", ["name": "k", "public_key": huge]))
        Self.expectEnvelope(sandbox.get("/api/instances/\(String(repeating: "9", count: 100_000))/"))
        Self.expectEnvelope(sandbox.get("/api/instances/", query: ["region": String(repeating: "R", count: 100_000)]))
    }

    @Test func badQueryValues() throws {
        let sandbox = try Harness()
        for query in [["page": "0"], ["page": "-1"], ["page": "x"], ["limit": "0"], ["limit": "1e9"],
                      ["limit": "99999999999999999999999"], ["status": "RUNNING"], ["region": "MARS-1"]] {
            Self.expectEnvelope(sandbox.get("/api/instances/", query: query))
        }
        Self.expectEnvelope(sandbox.get("/api/pricing/", query: ["gpu_count": "3"]))
        Self.expectEnvelope(sandbox.get("/api/ai/usage/summary/", query: ["from": "yesterday"]))
    }

    @Test func numbersAtTheEdges() throws {
        let sandbox = try Harness()
        for size: JSONValue in [.int(Int.max), .int(Int.min), .double(1e300), .double(-0.5), 0] {
            Self.expectEnvelope(sandbox.post("/api/volumes/", ["name": "v", "region": "FINLAND-1", "size_gb": size,
                                                               "volume_type": "HDD"]))
            Self.expectEnvelope(sandbox.deploy(["os_volume_size_gb": size]))
        }
        Self.expectEnvelope(sandbox.post("/api/pricing/", ["volume_type": "HDD", "volume_size_gb": .int(Int.max)]))
    }

    // Found by api/fuzz-sandbox (schemathesis).

    @Test func aPageFarPastTheEndIsRefusedNotACrash() throws {
        let sandbox = try Harness()
        let answer = sandbox.get("/api/volumes/", query: ["page": "288230376151711744", "limit": "36"])
        Self.expectEnvelope(answer)
        #expect(answer["error"]?["details"]?["field"] == "page")
        Self.expectEnvelope(sandbox.get("/api/instances/", query: ["page": String(Int.max), "limit": "100"]))
        #expect(sandbox.get("/api/volumes/", query: ["page": "1000"])["volumes"] == [])
    }

    @Test func aLiteralPathAllowsOnlyItsOwnMethods() throws {
        let sandbox = try Harness()
        for (method, path, allowed) in [("OPTIONS", "/api/firewalls/protocols/", "GET"), ("DELETE", "/api/volumes/types/", "GET"),
                                        ("GET", "/api/snapshots/images/", "POST"),
                                        ("PUT", "/api/scripts/bulk-delete/", "POST")] {
            let answer = sandbox.request(method, path)
            #expect(answer.status == 405, "\(method) \(path)")
            #expect(answer.headers["Allow"] == allowed, "\(method) \(path)")
            Self.expectEnvelope(answer, status: 405...405)
        }
    }

    @Test func anEmptyQueryValueIsRefused() throws {
        let sandbox = try Harness()
        let answer = sandbox.get("/api/pricing/", query: ["gpu_model": "", "volume_type": ""])
        Self.expectEnvelope(answer)
        #expect(answer.code == "INVALID_VALUE")
        Self.expectEnvelope(sandbox.get("/api/instances/", query: ["region": ""]))
    }

    @Test func anOperationWithABodyNeedsOne() throws {
        let sandbox = try Harness()
        let answer = sandbox.post("/api/pricing/", nil)
        #expect(answer.code == "MISSING_FIELD")
        #expect(sandbox.post("/api/pricing/", .object([:])).status == 200)
    }

    @Test func aNullMemberIsAsIfLeftOut() throws {
        let sandbox = try Harness()
        let answer = sandbox.post("/api/ssh-keys/", ["name": "generated", "public_key": .null])
        #expect(answer.status == 201)
        #expect(answer["ssh_key"]?["private_key"]?.stringValue?.isEmpty == false)
    }

    @Test func anEmptyIDInAListIsRefused() throws {
        let sandbox = try Harness()
        let answer = sandbox.post("/api/scripts/bulk-delete/", ["script_ids": [""]])
        Self.expectEnvelope(answer)
        #expect(answer["error"]?["details"]?["field"] == "script_ids")
        Self.expectEnvelope(sandbox.deploy(["ssh_key_ids": ["", "BRK-000001K"]]))
    }
}

