@testable import BarrackAPI
import Foundation
import XCTest

final class HTTPTransportTests: XCTestCase {
    func testPathsResolveAgainstTheAPIRootWithoutRepeatingAPI() throws {
        let request = TransportRequest(method: .get, path: "/api/balance/", query: [QueryItem(name: "q", value: "a b&c")])
        XCTAssertEqual(
            try HTTPTransport(baseURL: "https://barrack.ai/api/").url(for: request).absoluteString,
            "https://barrack.ai/api/balance/?q=a%20b%26c")
        XCTAssertEqual(
            try HTTPTransport(baseURL: "http://127.0.0.1:8080").url(for: request).absoluteString,
            "http://127.0.0.1:8080/api/balance/?q=a%20b%26c")
        XCTAssertEqual(
            try HTTPTransport(baseURL: "https://proxy.example/barrack/api").url(for: request).absoluteString,
            "https://proxy.example/barrack/api/balance/?q=a%20b%26c")
        XCTAssertThrowsError(try HTTPTransport(baseURL: "ftp://barrack.ai/"))
        XCTAssertThrowsError(try HTTPTransport(baseURL: "barrack.ai"))
    }

    func testAKeyIsNeverSentOverPlainHTTPToAnotherHost() async throws {
        let transport = try HTTPTransport(baseURL: "http://192.0.2.1/api/")
        let client = BarrackClient(transport: transport, apiKey: APIKey("brk_secret_key_000000000"), retryPolicy: .none)
        await assertThrowsAPIError(code: "INVALID_REQUEST", containing: "refusing to send the API key over plain HTTP to 192.0.2.1") {
            _ = try await client.getBalance()
        }
    }

    func testLoopbackAddressesAreRecognised() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
            XCTAssertTrue(URLSecurity.isLoopback(host), host)
        }
        for host in ["128.0.0.1", "127.0.0.1.example", "localhost.example", "10.0.0.1"] {
            XCTAssertFalse(URLSecurity.isLoopback(host), host)
        }
    }

    func testARefusedConnectionIsANetworkErrorRetriedEvenForADeploy() async throws {
        // Port 9 on loopback: nothing listens there, so the connection is refused at once.
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:9/api/")
        let sleeps = SleepRecorder()
        let client = BarrackClient(transport: transport, apiKey: APIKey("k"), retryPolicy: sleeps.policy(maxAttempts: 2))
        await assertThrowsAPIError(code: "NETWORK", containing: "cannot connect") {
            _ = try await client.deployInstance(RetryTests.deploy)
        }
        XCTAssertEqual(sleeps.sleeps.count, 1, "the deploy never reached a server, so it was tried again")
    }

    func testAServerThatNeverAnswersTimesOutWithAnUnknownOutcome() async throws {
        // A listening socket that is never read: the connection is made, the answer never comes.
        let listener = try SilentListener()
        defer { listener.close() }
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:\(listener.port)/")
        let started = ContinuousClock.now
        do {
            _ = try await transport.send(TransportRequest(method: .post, path: "/api/instances/", timeout: .milliseconds(300)))
            XCTFail("a silent server gave an answer")
        } catch let error as TransportError {
            XCTAssertEqual(error.kind, .timedOut, error.message)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5), "the request's own timeout ended it")
    }

    func testTheAnswersStatusHeadersAndBodyComeBackWhole() async throws {
        let server = try OneAnswerServer(answer: "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Request-Id: r-1\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"id\": \"a\"}")
        defer { server.close() }
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:\(server.port)/")
        let response = try await transport.send(TransportRequest(method: .get, path: "/api/instances/"))
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.headers.first { $0.key.lowercased() == "x-request-id" }?.value, "r-1")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "{\"id\": \"a\"}")
    }
}
