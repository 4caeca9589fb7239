import Foundation
import Logging

/// The single request pipeline under every call: build, send, trace, retry, interpret.
extension BarrackClient {
    /// Sends one operation with retries and returns its success answer and that answer's JSON.
    func perform(
        _ operation: OperationID, path: [String: String], query: [String: String], body: Data?
    ) async throws -> (TransportResponse, JSONValue) {
        let endpoint = operation.endpoint
        let request = try builder.request(for: endpoint, pathParameters: path, query: query, body: body)
        warnAboutUnknownFields(in: body, for: operation)
        var attempt = 0
        var lookedUpDeploy = false
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
                    throw error
                case .always(let delay):
                    wait = delay ?? retryPolicy.backoff(afterAttempt: attempt)
                case .ifSafe:
                    if !endpoint.isSafeToRepeat {
                        guard operation == .deployInstance, let body else { throw error }
                        if let found = try await findDeployedInstance(body: body, after: error) {
                            return found
                        }
                        lookedUpDeploy = true
                    }
                    wait = retryPolicy.backoff(afterAttempt: attempt)
                case .ifDeployLookedUp:
                    // A retried deploy met its own first attempt: the platform had it after all.
                    guard lookedUpDeploy, let body,
                        let found = try await findDeployedInstance(body: body, after: error)
                    else { throw error }
                    return found
                }
                guard attempt < retryPolicy.maxAttempts else { throw error }
                if case .rateLimited = ErrorCode(rawValue: error.code), wait > retryPolicy.maxRetryAfter {
                    throw error
                }
                wait = min(wait, max(retryPolicy.maxRetryAfter, retryPolicy.maxDelay))
                logger.debug(
                    "retrying \(operation) in \(Self.milliseconds(wait)) ms after \(error.code) (attempt \(attempt) of \(retryPolicy.maxAttempts))")
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
        /// The outcome is unknown: retry only what is safe to repeat (and a deploy after a lookup).
        case ifSafe
        /// A `DUPLICATE_NAME` that may be the deploy's own earlier attempt.
        case ifDeployLookedUp
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
        case 409 where error.code == ErrorCode.duplicateName.rawValue: return .ifDeployLookedUp
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

    /// A deploy whose outcome is unknown: looks the instance up by its name, so a retry never
    /// creates a second one. Returns a success answer when it exists; `nil` when it certainly does
    /// not, so the deploy may be sent again; throws `error` when that cannot be known.
    private func findDeployedInstance(body: Data, after error: BarrackAPIError) async throws -> (TransportResponse, JSONValue)? {
        guard let request = try? JSONValue(parsing: body), let name = request["name"]?.stringValue else {
            throw BarrackAPIError(
                code: error.code, status: error.status,
                message: error.message + " (not retried: a deploy without a name cannot be looked up, so a retry could create a second instance)",
                operation: .deployInstance, requestID: error.requestID, details: error.details)
        }
        var query: [String: String] = [:]
        if let region = request["region"]?.stringValue { query["region"] = region }
        let found: JSONValue?
        let original = error
        do {
            let all = try await callAllPages(.listInstances, query: query)
            found = all["instances"]?.arrayValue?.first { instance in
                let status = instance["status"]?.stringValue ?? ""
                return instance["name"]?.stringValue == name
                    && status != VMStatus.deleted.rawValue && status != VMStatus.deleting.rawValue
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw BarrackAPIError(
                code: original.code, status: original.status,
                message: original.message + " (not retried: the lookup of instance '\(name)' failed too)",
                operation: .deployInstance, requestID: original.requestID, details: original.details)
        }
        guard let instance = found else {
            logger.debug("deploy_instance: no instance named '\(name)' after \(error.code); sending again")
            return nil
        }
        logger.debug("deploy_instance: instance '\(name)' exists after \(error.code); not sending again")
        let answer: JSONValue = [
            "success": true,
            "message": .string("Instance '\(name)' was found after an interrupted deploy"),
            "instance": instance,
        ]
        return (TransportResponse(status: 200, body: answer.jsonData()), answer)
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
