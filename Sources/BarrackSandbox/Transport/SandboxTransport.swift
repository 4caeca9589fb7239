import BarrackAPI
import Foundation

/// The in-process way to the sandbox: a `Transport` that answers requests without sockets.
///
/// Faults apply as over HTTP: a dropped request throws `TransportError(.connectionLost)`, before
/// the sandbox acts (`drop`) or after (`drop-after`).
///
/// ```swift
/// let sandbox = try Sandbox(configuration: .init(dataDirectory: folder))
/// let transport = SandboxTransport(sandbox: sandbox)
/// let response = try await transport.send(TransportRequest(method: .get, path: "/api/balance/"))
/// ```
public struct SandboxTransport: Transport {
    public let sandbox: Sandbox
    public let faults: FaultInjector?

    public init(sandbox: Sandbox, faults: FaultInjector? = nil) {
        self.sandbox = sandbox
        self.faults = faults
    }

    /// In-process, an answer is lost only by an injected fault.
    public var losesAnswers: Bool { faults != nil }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let decision = faults?.decide()
        if let decision {
            if decision.delaySeconds > 0 { try await Task.sleep(nanoseconds: UInt64(decision.delaySeconds * 1_000_000_000)) }
            if let response = FaultResponse.response(for: decision.outcome) { return response }
            if decision.outcome == .drop { throw TransportError(.connectionLost, "the sandbox dropped the connection (fault injection)") }
        }
        try Task.checkCancellation()
        let response = sandbox.handle(method: request.method.rawValue, path: request.path, query: request.query,
                                      headers: request.headers, body: request.body)
        if decision?.outcome == .dropAfter {
            throw TransportError(.connectionLost, "the sandbox acted, then dropped the connection (fault injection)")
        }
        return response
    }
}

/// The answers of injected faults, shared by the in-process transport and the HTTP server.
public enum FaultResponse {
    /// The answer for an outcome that answers (5xx, 429); `nil` for `pass` and the drops.
    public static func response(for outcome: FaultInjector.Outcome) -> TransportResponse? {
        let requestID = "req_fault_" + UUID().uuidString.prefix(8).lowercased()
        switch outcome {
        case .pass, .drop, .dropAfter:
            return nil
        case .serverError(let status):
            let error = SandboxError(.serverError, "the platform failed to answer (injected fault \(status))")
            return TransportResponse(status: status, headers: ["Content-Type": "application/json"],
                                     body: error.envelope(requestID: requestID).jsonData())
        case .rateLimited(let seconds):
            let error = SandboxError(.rateLimited, "too many requests; retry after \(seconds) s (injected fault)",
                                     ["retry_after": .int(seconds)])
            return TransportResponse(status: 429, headers: ["Content-Type": "application/json",
                                                            "Retry-After": String(seconds)],
                                     body: error.envelope(requestID: requestID).jsonData())
        }
    }
}
