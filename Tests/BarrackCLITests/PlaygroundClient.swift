import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the playground's tests need to meet `barrack playground serve` as a browser does: the
/// real binary on a free port, its JSON and NDJSON answers, sessions and runs.
enum PlaygroundClient {
    /// A playground on a free port with a data folder of its own (or `data`).
    static func serve(_ options: [String] = [], data: URL? = nil) throws -> (SandboxServerProcess, URL) {
        guard let binary = TestPaths.binary() else { throw XCTSkip("no barrack binary") }
        let folder = try data ?? FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                                         appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        let server = try SandboxServerProcess(binary: binary, options: options, timeout: 20,
                                              command: ["playground", "serve", "--port", "0", "--data", folder.path],
                                              suffix: "/")
        return (server, folder)
    }

    /// One answer: its status, body and headers (names in lower case), and the body read as JSON.
    struct Answer {
        var status: Int
        var body: String
        var headers: [String: String]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        /// The NDJSON lines of a run.
        var events: [[String: Any]] {
            body.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        }
        var done: [String: Any] { events.last ?? [:] }
        var error: [String: Any] { (done["error"] ?? json["error"]) as? [String: Any] ?? [:] }
        var printed: String { events.compactMap { $0["type"] as? String == "output" ? $0["text"] as? String : nil }.joined() }
    }

    /// A client without a cookie jar: each call sends exactly the session it is given.
    private static let client: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration)
    }()

    static func call(_ server: SandboxServerProcess, _ method: String, _ path: String, token: String? = nil,
                     body: String? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: try XCTUnwrap(URL(string: server.baseURL + path)))
        request.httpMethod = method
        request.timeoutInterval = 30
        if let token { request.setValue("barrack_playground=\(token)", forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await client.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers["\(name)".lowercased()] = "\(value)" }
        return Answer(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: headers)
    }

    /// A new session's token.
    static func session(_ server: SandboxServerProcess) async throws -> String {
        let answer = try await call(server, "POST", "/api/session")
        XCTAssertEqual(answer.status, 200, answer.body)
        XCTAssertTrue(answer.headers["set-cookie"]?.contains("HttpOnly") ?? false)
        return try XCTUnwrap(answer.json["token"] as? String)
    }

    /// Runs `source` as the page's Run does (or as a REPL line) in `token`'s session.
    static func run(_ server: SandboxServerProcess, _ token: String, _ source: String, repl: Bool = false) async throws -> Answer {
        let body = try JSONSerialization.data(withJSONObject: ["source": source, "repl": repl])
        return try await call(server, "POST", "/api/run", token: token, body: String(decoding: body, as: UTF8.self))
    }
}
