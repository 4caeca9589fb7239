import Foundation
import Logging

/// The single request pipeline under every call: build, send, trace, retry, interpret.
extension BarrackClient {
    /// Sends one operation with retries and returns its success answer and that answer's JSON.
    ///
    /// A failure that certainly changed nothing (a 429, no connection) is retried for any
    /// operation; one that leaves the outcome unknown (a dropped answer, a timeout, a 5xx) only for
    /// reads, and for changes through `LostAnswerRecovery`, so that nothing is done twice.
    func perform(
        _ operation: OperationID, path: [String: String], query: [String: String], body: Data?
    ) async throws -> (TransportResponse, JSONValue) {
        let endpoint = operation.endpoint
        var body = body
        if retryPolicy.maxAttempts > 1, transport.losesAnswers, let named = NamelessCreate.named(operation, body: body) { body = named }
        let request = try builder.request(for: endpoint, pathParameters: path, query: query, body: body)
        warnAboutUnknownFields(in: body, for: operation)
        let recovery = LostAnswerRecovery.of(operation)
        let maxAttempts = retryPolicy.attempts(for: endpoint)
        var attempt = 0
        var outcomeUnknown = false
        while true {
            attempt += 1
            let outcome = try await attemptOnce(request, operation: operation, attempt: attempt)
            switch outcome {
            case .success(let response, let json):
                return (response, json)
            case .failure(let error, let retry):
                var wait: Duration
                switch retry {
                case .never:
                    if outcomeUnknown, let settled = try await settle(operation, recovery, path: path, body: body, after: error) {
                        return settled
                    }
                    throw error
                case .always(let delay):
                    wait = delay ?? retryPolicy.backoff(afterAttempt: attempt)
                case .ifSafe:
                    if !endpoint.isSafeToRepeat {
                        switch recovery {
                        case .adopt(let adoption)?:
                            guard let body else { throw error }
                            if let found = try await adopt(operation, adoption, body: body, after: error) { return found }
                        case .verify(let verification)?:
                            if let done = try await verify(operation, verification, path: path, body: body, after: error) {
                                return done
                            }
                        case .repeatAction?:
                            break
                        case nil:
                            throw error.notRetried(
                                operation, "\(operation) may have been carried out, and sending it again could repeat it")
                        }
                        outcomeUnknown = true
                    }
                    wait = retryPolicy.backoff(afterAttempt: attempt)
                }
                guard attempt < maxAttempts else { throw error }
                if case .rateLimited = ErrorCode(rawValue: error.code), wait > retryPolicy.maxRetryAfter {
                    throw error
                }
                wait = min(wait, max(retryPolicy.maxRetryAfter, retryPolicy.maxDelay))
                logger.debug(
                    "retrying \(operation) in \(Self.milliseconds(wait)) ms after \(error.code) (attempt \(attempt) of \(maxAttempts))")
                try await retryPolicy.sleep(wait)
            }
        }
    }

    /// Warns about each body member the API document does not name: the platform refuses it
    /// (`INVALID_VALUE`), and a misspelt optional field would otherwise look like a default.
    private func warnAboutUnknownFields(in body: Data?, for operation: OperationID) {
        guard let body, let json = try? JSONValue(parsing: body) else { return }
        for unknown in RequestSchema.unknownFields(in: json, for: operation) {
            logger.warning("\(operation): \(unknown)")
        }
    }

    /// What to do after a failed attempt.
    enum Retry {
        /// Not a failure a retry can fix.
        case never
        /// The server certainly did not act (a 429, no connection): retry any operation, after
        /// `delay` when the server named one.
        case always(delay: Duration?)
        /// The outcome is unknown: retry only what is safe to repeat, or recoverable.
        case ifSafe
    }

    enum Outcome {
        case success(TransportResponse, JSONValue)
        case failure(BarrackAPIError, Retry)
    }

    private func attemptOnce(_ request: TransportRequest, operation: OperationID, attempt: Int) async throws -> Outcome {
        let started = ContinuousClock.now
        let trace = redaction.apply("\(request.method.rawValue) \(request.target)")
        do {
            let response = try await sendWithTimeout(request)
            let elapsed = Self.milliseconds(ContinuousClock.now - started)
            let json = try interpreter.json(of: response, operation: operation, required: response.isSuccess)
            let requestID = json?["request_id"]?.stringValue ?? response.header(named: "X-Request-ID")
            logger.debug(
                "\(trace) -> \(response.status) in \(elapsed) ms",
                metadata: ["operation": "\(operation)", "attempt": "\(attempt)", "request_id": "\(requestID ?? "-")"])
            if let error = interpreter.error(in: response, json: json, operation: operation) {
                return .failure(error, retryDecision(for: error, response: response))
            }
            return .success(response, json ?? .null)
        } catch let error as BarrackAPIError {
            return .failure(error, .never)
        } catch let error as TransportError {
            let elapsed = Self.milliseconds(ContinuousClock.now - started)
            logger.debug(
                "\(trace) -> \(error.kind) in \(elapsed) ms",
                metadata: ["operation": "\(operation)", "attempt": "\(attempt)"])
            return transportFailure(error, operation: operation)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return .failure(
                BarrackAPIError(.network, message: redaction.apply("\(operation) failed: \(error)"), operation: operation),
                .ifSafe)
        }
    }

    private func retryDecision(for error: BarrackAPIError, response: TransportResponse) -> Retry {
        switch response.status {
        case 429: return .always(delay: Self.retryAfter(response))
        case 500, 502, 503, 504: return .ifSafe
        default: return .never
        }
    }

    private func transportFailure(_ error: TransportError, operation: OperationID) -> Outcome {
        let message = redaction.apply(error.message)
        switch error.kind {
        case .notConnected:
            return .failure(BarrackAPIError(.network, message: message, operation: operation), .always(delay: nil))
        case .connectionLost:
            return .failure(BarrackAPIError(.network, message: message, operation: operation), .ifSafe)
        case .timedOut:
            return .failure(BarrackAPIError(.timeout, message: message, operation: operation), .ifSafe)
        case .refused:
            return .failure(BarrackAPIError(.invalidRequest, message: message, operation: operation), .never)
        }
    }

    /// Sends with `timeout` as a deadline for the whole attempt, whatever the transport does.
    private func sendWithTimeout(_ request: TransportRequest) async throws -> TransportResponse {
        let transport = self.transport
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: TransportResponse?.self) { group in
            group.addTask { try await transport.send(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw TransportError(.timedOut, "no answer within \(Self.milliseconds(timeout)) ms")
            }
            return response
        }
    }

    /// The wait a 429 asks for: `Retry-After` in seconds (an HTTP date is ignored).
    static func retryAfter(_ response: TransportResponse) -> Duration? {
        guard let text = response.header(named: "Retry-After")?.trimmingCharacters(in: .whitespaces),
            let seconds = Double(text), seconds >= 0, seconds.isFinite
        else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
