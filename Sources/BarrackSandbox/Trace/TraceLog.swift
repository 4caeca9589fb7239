import BarrackAPI
import Foundation

/// Appends one JSON line per request the sandbox answers to a file: the request (method, path,
/// query, body) and the answer (status, body), never the headers, so never the API key.
///
/// `BARRACK_SANDBOX_TRACE=FILE` switches it on for `barrack` and `barrack sandbox serve`; the
/// conformance check (`api/check-conformance`) validates every traced request and answer against
/// the OpenAPI document.
public final class TraceLog: @unchecked Sendable {
    /// The file the lines go to.
    public let file: URL
    private let lock = NSLock()

    /// Appends to `file`, creating it when missing.
    public init(file: URL) {
        self.file = file
    }

    /// Records one exchange; a failure to write is ignored, as a trace must never fail a request.
    func record(method: String, path: String, query: [QueryItem], body: Data?, response: TransportResponse) {
        var line = JSONObject()
        line["method"] = .string(method)
        line["path"] = .string(path)
        line["query"] = .object(JSONObject(query.map { JSONObject.Member(key: $0.name, value: .string($0.value)) }))
        line["request"] = Self.content(body)
        line["status"] = .int(response.status)
        line["response"] = Self.content(response.body)
        var data = JSONValue.object(line).jsonData()
        data.append(0x0A)
        lock.withLock {
            if !FileManager.default.fileExists(atPath: file.path) {
                _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            }
            guard let handle = try? FileHandle(forWritingTo: file) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        }
    }

    /// A body as JSON when it parses, else as `{"text": …}`; `null` when there is none.
    private static func content(_ body: Data?) -> JSONValue {
        guard let body, !body.isEmpty else { return .null }
        if let value = try? JSONValue(parsing: body) { return value }
        return ["text": .string(String(decoding: body, as: UTF8.self))]
    }
}
