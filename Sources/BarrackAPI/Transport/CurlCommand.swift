import Foundation

extension TransportRequest {
    /// The request as a `curl` command a person can paste into a shell, against the platform at
    /// `baseURL`: the method, the URL with its query, the JSON body, and the key as the shell
    /// variable `$BARRACK_API_KEY`, never its value.
    ///
    /// ```
    /// curl -X POST 'https://barrack.ai/api/instances/' -H "Authorization: Bearer $BARRACK_API_KEY" \
    ///   -H 'Content-Type: application/json' -d '{"gpu_model":"H100-SXM5-80GB","gpu_count":8}'
    /// ```
    public func curlCommand(baseURL: URL) -> String {
        var root = baseURL.absoluteString
        if let range = root.range(of: "://") {
            let afterScheme = root[range.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") { root = String(root[..<slash]) }
        }
        var words = ["curl"]
        if method != .get { words += ["-X", method.rawValue] }
        words.append(Self.shellQuoted(root + target))
        words.append("-H \"Authorization: Bearer $BARRACK_API_KEY\"")
        if let body, !body.isEmpty {
            words.append("-H " + Self.shellQuoted("Content-Type: application/json"))
            words.append("-d " + Self.shellQuoted(String(decoding: body, as: UTF8.self)))
        }
        return words.joined(separator: " ")
    }

    /// `text` in single quotes for a POSIX shell (a quote inside becomes `'\''`).
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A transport that tells each request as a `curl` command before sending it (`--explain`).
public struct ExplainingTransport: Transport, CustomStringConvertible {
    /// The transport that sends.
    public let base: any Transport
    /// The platform the commands name.
    public let baseURL: URL
    /// Hears each command.
    public let explain: @Sendable (String) -> Void

    /// Wraps `base`.
    public init(base: any Transport, baseURL: URL, explain: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.baseURL = baseURL
        self.explain = explain
    }

    /// As the transport it wraps.
    public var losesAnswers: Bool { base.losesAnswers }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        explain(request.curlCommand(baseURL: baseURL))
        return try await base.send(request)
    }

    public var description: String { "\(base)" }
}
