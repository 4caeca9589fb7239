import BarrackAPI
import Foundation
import Logging

/// A transport that records every request and answers from a script of responses.
///
/// Each `send` takes the next scripted outcome; when the script is empty, `fallback` answers.
final class RecordingTransport: Transport, @unchecked Sendable {
    // Guarded by `lock`: the client may send from any task.
    private let lock = NSLock()
    private var script: [(TransportRequest) throws -> TransportResponse]
    private var recorded: [TransportRequest] = []
    private let fallback: @Sendable (TransportRequest) throws -> TransportResponse

    init(
        _ script: [(TransportRequest) throws -> TransportResponse] = [],
        fallback: @escaping @Sendable (TransportRequest) throws -> TransportResponse = { _ in .json(200, #"{"success": true}"#) }
    ) {
        self.script = script
        self.fallback = fallback
    }

    var requests: [TransportRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let next = lock.withLock {
            recorded.append(request)
            return script.isEmpty ? nil : script.removeFirst()
        }
        return try (next ?? fallback)(request)
    }
}

extension TransportResponse {
    /// A JSON answer.
    static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> TransportResponse {
        TransportResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: Data(text.utf8))
    }

    /// A platform error envelope.
    static func failure(_ status: Int, code: String, message: String, headers: [String: String] = [:]) -> TransportResponse {
        .json(
            status,
            #"{"success": false, "message": "\#(message)", "error": {"code": "\#(code)", "details": {}}, "request_id": "req-\#(status)"}"#,
            headers: headers)
    }
}

/// Records every sleep instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var sleeps: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func policy(maxAttempts: Int = 3, readAttempts: Int = 6, deleteAttempts: Int = 10, random: Double = 0.5) -> RetryPolicy {
        RetryPolicy(
            maxAttempts: maxAttempts, readAttempts: readAttempts, deleteAttempts: deleteAttempts,
            sleep: { duration in
                self.lock.withLock { self.recorded.append(duration) }
            },
            random: { random })
    }
}

/// Collects log lines, to prove what tracing prints.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func append(_ line: String) {
        lock.lock()
        recorded.append(line)
        lock.unlock()
    }

    /// A logger at `debug` level whose every line, metadata included, lands here.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CollectingHandler(collector: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CollectingHandler: LogHandler {
    let collector: LogCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = all.map { "\($0)=\($1)" }.sorted().joined(separator: " ")
        collector.append("\(event.level) \(event.message) \(extra)")
    }
}
