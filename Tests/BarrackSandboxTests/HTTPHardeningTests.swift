import BarrackAPI
import BarrackSandboxServer
import Foundation
import Testing

@testable import BarrackSandbox

/// `barrack sandbox serve` against clients that are slow or sloppy, over real sockets: issue 29's
/// findings, each a regression test that failed before its fix.
@Suite(.serialized) struct HTTPHardeningTests {
    /// A server on a free port with `limits`, stopped after `body`.
    private func withServer(limits: ServerLimits = ServerLimits(),
                            _ body: (SandboxServer) async throws -> Void) async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let server = try await SandboxServer.start(sandbox: sandbox, port: 0, limits: limits)
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    private func request(_ method: String, _ path: String, headers: [String] = [], body: String = "") -> String {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: sandbox", "Authorization: Bearer test"] + headers
        if !body.isEmpty || method == "POST" { lines.append("Content-Length: \(body.utf8.count)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private func code(_ response: RawConnection.Response) -> String? {
        (try? JSONValue(parsing: response.body))?["error"]?["code"]?.stringValue
    }

    // MARK: HEAD

    /// Was 405: `HEAD` is the `GET` without its body, with the `GET`'s `Content-Length`.
    @Test func headAnswersEveryGetWithoutABody() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(request("GET", "/api/regions/"))
            let get = try connection.readResponse()
            try connection.send(request("HEAD", "/api/regions/"))
            let head = try connection.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == "application/json")
            // No body bytes followed the head: the next answer on the connection parses cleanly.
            try connection.send(request("GET", "/api/balance/"))
            let next = try connection.readResponse()
            #expect(next.status == 200)
            #expect((try JSONValue(parsing: next.body))["balance"] != nil)
        }
    }

    @Test func headOfAPathWithoutGetIsA405AndAllowNamesHead() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(request("HEAD", "/api/instances/BRK-000001VM/start/"))
            let head = try connection.readResponse(head: true)
            #expect(head.status == 405)
            #expect(head.headers["allow"] == "POST")
            try connection.send(request("DELETE", "/api/balance/"))
            let delete = try connection.readResponse()
            #expect(delete.status == 405)
            #expect(delete.headers["allow"] == "GET, HEAD")
        }
    }

    // MARK: Paths

    /// Was `no operation at GET /balance/`: a target starting with `//` was read as a host.
    @Test func aLeadingEmptySegmentIsA404OfItsOwn() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(request("GET", "//api/balance/"))
            let answer = try connection.readResponse()
            #expect(answer.status == 404)
            #expect(code(answer) == "NOT_FOUND")
            #expect(answer.text.contains("//api/balance/"))
            #expect(answer.text.contains("empty"))
        }
    }

    /// Was "no snapshot with id 'image'": `//` collapsed, so the path read as another operation's.
    @Test func anInnerEmptySegmentIsA404OfItsOwn() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(request("GET", "/api/snapshots//image/"))
            let answer = try connection.readResponse()
            #expect(answer.status == 404)
            #expect(answer.text.contains("segment 3 of the path is empty"))
            #expect(!answer.text.contains("no snapshot with id"))
        }
    }

    // MARK: Bodies

    /// Was accepted: a JSON body sent as `text/plain`, or with no `Content-Type`, is 415.
    @Test func aBodyThatIsNotDeclaredJSONIs415() async throws {
        try await withServer { server in
            let body = #"{"name": "laptop"}"#
            for contentType in ["Content-Type: text/plain", nil] {
                let connection = try RawConnection(port: server.port)
                try connection.send(request("POST", "/api/ssh-keys/", headers: contentType.map { [$0] } ?? [], body: body))
                let answer = try connection.readResponse()
                #expect(answer.status == 415, "\(contentType ?? "no Content-Type")")
                #expect(code(answer) == "INVALID_VALUE")
                #expect(answer.headers["connection"] == "close")
            }
            let connection = try RawConnection(port: server.port)
            try connection.send(request("POST", "/api/ssh-keys/", headers: ["Content-Type: Application/JSON; charset=utf-8"],
                                        body: body))
            #expect(try connection.readResponse().status == 201)
            // A POST without a body needs no Content-Type.
            try connection.send(request("POST", "/api/instances/BRK-000001VM/start/"))
            #expect(try connection.readResponse().status == 404)
        }
    }

    /// Was parsed for 1.5 s and then a 400: a body said to be larger than the limit is refused
    /// with 413 on its head alone; the body is never sent here, so only a refusal before reading
    /// can answer.
    @Test func aBodyAboveTheLimitIsRefusedBeforeItIsRead() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            let size = ServerLimits.defaultMaxBodyBytes + 1
            try connection.send("POST /api/ssh-keys/ HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n"
                                + "Content-Length: \(size)\r\n\r\n{")
            let answer = try connection.readResponse(timeout: 2)
            #expect(answer.status == 413)
            #expect(code(answer) == "INVALID_VALUE")
            #expect((try JSONValue(parsing: answer.body))["error"]?["details"]?["limit_bytes"]?.intValue
                    == ServerLimits.defaultMaxBodyBytes)
            #expect(try connection.readUntilClosed(deadline: Date().addingTimeInterval(2)) != nil)
        }
    }

    /// A chunked body has no `Content-Length`: it is refused as soon as it grows past the limit.
    @Test func aChunkedBodyIsRefusedWhenItGrowsPastTheLimit() async throws {
        try await withServer(limits: ServerLimits(maxBodyBytes: 1_000)) { server in
            let connection = try RawConnection(port: server.port)
            try connection.send("POST /api/ssh-keys/ HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n")
            let chunk = String(repeating: " ", count: 600)
            try connection.send("258\r\n\(chunk)\r\n")
            try connection.send("258\r\n\(chunk)\r\n")
            let answer = try connection.readResponse(timeout: 2)
            #expect(answer.status == 413)
            #expect(answer.text.contains("larger than 1000 bytes"))
        }
    }

    /// Was "the last wins": a key given twice is refused, over HTTP as in-process.
    @Test func aDuplicateKeyIsA400() async throws {
        try await withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(request("POST", "/api/ssh-keys/", headers: ["Content-Type: application/json"],
                                        body: #"{"name": "one", "name": "two"}"#))
            let answer = try connection.readResponse()
            #expect(answer.status == 400)
            #expect(code(answer) == "INVALID_VALUE")
            #expect(answer.text.contains(#"the key \"name\" appears twice"#))
        }
    }

    // MARK: Slow clients

    /// Was held forever: a body that never arrives is answered 408 and closed at the body timeout.
    @Test func aBodyThatNeverArrivesIsClosedAtTheTimeout() async throws {
        try await withServer(limits: ServerLimits(headerTimeout: .seconds(5), bodyTimeout: .milliseconds(500))) { server in
            let connection = try RawConnection(port: server.port)
            try connection.send("POST /api/ssh-keys/ HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n")
            let answer = try connection.readResponse(timeout: 3)
            #expect(answer.status == 408)
            #expect(answer.text.contains("did not arrive within 0.5 s"))
            #expect(try connection.readUntilClosed(deadline: Date().addingTimeInterval(2)) != nil)
        }
    }

    /// The issue's goal: 200 stalled connections (half stuck in their headers, half in their
    /// bodies) do not keep a normal request from answering in 50 ms, and each is closed within
    /// the read timeout.
    @Test func twoHundredStalledConnectionsNeitherBlockNorLinger() async throws {
        let timeout = Duration.seconds(1)
        try await withServer(limits: ServerLimits(headerTimeout: timeout, bodyTimeout: timeout)) { server in
            var stalled: [RawConnection] = []
            defer { stalled.forEach { $0.close() } }
            let opened = Date()
            for index in 0..<200 {
                let connection = try RawConnection(port: server.port)
                if index.isMultiple(of: 2) {
                    try connection.send("GET /api/balance/ HTTP/1.1\r\nHost: sandbox\r\nX-Slow: ")
                } else {
                    try connection.send("POST /api/ssh-keys/ HTTP/1.1\r\nHost: sandbox\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                }
                stalled.append(connection)
            }

            // Normal requests while all 200 are held: the median of five answers within 50 ms.
            var latencies: [TimeInterval] = []
            for _ in 0..<5 {
                let started = Date()
                let connection = try RawConnection(port: server.port)
                try connection.send(request("GET", "/api/balance/"))
                let answer = try connection.readResponse(timeout: 2)
                latencies.append(Date().timeIntervalSince(started))
                #expect(answer.status == 200)
                connection.close()
            }
            let median = latencies.sorted()[2]
            #expect(median <= 0.05, "a normal request took \(Int(median * 1000)) ms beside 200 stalled connections")

            // Each stalled connection is closed by the server within the timeout (and a margin
            // for a loaded machine); none is left open.
            let deadline = opened.addingTimeInterval(1 + 2)
            var stillOpen = 0
            var timedOutBodies = 0
            for connection in stalled {
                guard let sent = try connection.readUntilClosed(deadline: deadline) else {
                    stillOpen += 1
                    continue
                }
                if String(decoding: sent, as: UTF8.self).hasPrefix("HTTP/1.1 408") { timedOutBodies += 1 }
            }
            #expect(stillOpen == 0, "\(stillOpen) of 200 stalled connections were still open after the timeout")
            #expect(timedOutBodies == 100)
            #expect(Date().timeIntervalSince(opened) >= 0.9, "the stalled connections were closed before their timeout")
        }
    }
}
