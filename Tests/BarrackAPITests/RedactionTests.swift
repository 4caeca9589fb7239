import BarrackAPI
import Foundation
import XCTest

/// The key never appears in an error, a log line or a description.
final class RedactionTests: XCTestCase {
    static let secret = "brk_live_SECRET_0123456789abcdef"

    func testTheKeyAppearsNowhere() async throws {
        let logs = LogCollector()
        // A hostile server echoes the key in its message, details and headers.
        let transport = RecordingTransport([
            { request in
                .failure(503, code: "SERVER_ERROR", message: "key \(Self.secret) overloaded")
            },
            { request in
                .json(401, #"{"success": false, "message": "bad key \#(Self.secret)", "error": {"code": "UNAUTHORIZED", "details": {"key": "\#(Self.secret)"}}}"#)
            },
        ])
        let client = BarrackClient(
            transport: transport, apiKey: APIKey(Self.secret), retryPolicy: SleepRecorder().policy(),
            logger: logs.logger())
        var texts: [String] = []
        do {
            _ = try await client.getBalance()
            XCTFail("expected an error")
        } catch let error as BarrackAPIError {
            XCTAssertEqual(error.code, "UNAUTHORIZED")
            texts += [error.description, String(reflecting: error), error.message, "\(error.details ?? .null)"]
            var dumped = ""
            dump(error, to: &dumped)
            texts.append(dumped)
        }
        XCTAssertEqual(transport.requests.first?.header(named: "Authorization"), "Bearer \(Self.secret)")
        for request in transport.requests {
            var dumped = ""
            dump(request, to: &dumped)
            texts += [request.description, request.debugDescription, dumped, "\(request)"]
        }
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        var dumpedKey = ""
        dump(APIKey(Self.secret), to: &dumpedKey)
        texts += [
            client.description, String(reflecting: client), dumpedClient, dumpedKey, "\(APIKey(Self.secret))",
            String(reflecting: APIKey(Self.secret)),
        ]
        XCTAssertFalse(logs.lines.isEmpty, "tracing must have printed something")
        texts += logs.lines
        for text in texts {
            XCTAssertFalse(text.contains(Self.secret), "the key leaked into: \(text)")
            XCTAssertFalse(text.contains("SECRET"), "part of the key leaked into: \(text)")
        }
        XCTAssertEqual(APIKey(Self.secret).redacted, "…cdef")
        XCTAssertEqual(APIKey("short").redacted, "<redacted>")
    }

    func testTracingPrintsMethodPathStatusAndTime() async throws {
        let logs = LogCollector()
        let transport = RecordingTransport { _ in RetryTests.balance }
        let client = BarrackClient(transport: transport, apiKey: APIKey(Self.secret), logger: logs.logger())
        _ = try await client.call(.getInstanceBilling, path: ["id": "BRK-1VM"], query: ["page": "2"])
        let line = try XCTUnwrap(logs.lines.first)
        XCTAssertTrue(line.hasPrefix("debug GET /api/instances/BRK-1VM/billing/?page=2 -> 200 in "), line)
        XCTAssertTrue(line.contains(" ms "), line)
        XCTAssertTrue(line.contains("operation=get_instance_billing"), line)
    }

    /// Issue 12: a one-character key redacted every such character of a trace
    /// (`GET /api/ssh-<redacted>eys/`); a short key is redacted only as a whole word.
    func testAShortKeyIsRedactedOnlyAsAWord() async throws {
        let logs = LogCollector()
        let transport = RecordingTransport { _ in .json(200, #"{"success": true, "ssh_keys": []}"#) }
        let client = BarrackClient(transport: transport, apiKey: APIKey("k"), logger: logs.logger())
        _ = try await client.call(.listSSHKeys)
        let line = try XCTUnwrap(logs.lines.first)
        XCTAssertTrue(line.hasPrefix("debug GET /api/ssh-keys/ -> 200 in "), line)
        let short = Redaction(secrets: ["k"])
        XCTAssertEqual(short.apply("GET /api/ssh-keys/"), "GET /api/ssh-keys/")
        XCTAssertEqual(short.apply("bad key k, 'k' or k"), "bad key <redacted>, '<redacted>' or <redacted>")
        XCTAssertEqual(short.apply("k"), "<redacted>")
        // A long key goes wherever it stands, glued to other text or not.
        XCTAssertEqual(Redaction(secrets: [Self.secret]).apply("x\(Self.secret)y"), "x<redacted>y")
    }

    /// Issue 12: a dump of the configuration (as a host's debug print shows it) hides the key.
    func testAConfigurationDumpHidesTheKey() throws {
        let configuration = try ConfigurationLoader.load(environment: ["BARRACK_API_KEY": Self.secret, "HOME": "/nonexistent"])
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [dumped, "\(configuration)", String(reflecting: configuration)] {
            XCTAssertFalse(text.contains("SECRET"), "the key leaked into: \(text)")
        }
        XCTAssertTrue(dumped.contains("…cdef"), dumped)
    }
}
