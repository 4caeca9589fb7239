import Foundation

/// Decides, request by request, which fault of a `FaultSpec` strikes; the same seed gives the same
/// sequence of decisions.
public final class FaultInjector: @unchecked Sendable {
    /// What happens to one request.
    public enum Outcome: Sendable, Equatable {
        /// The request goes through.
        case pass
        /// The request is answered with this 5xx status.
        case serverError(status: Int)
        /// The request is answered 429 with `Retry-After`.
        case rateLimited(retryAfterSeconds: Int)
        /// The connection closes with no answer; the request is not acted on.
        case drop
        /// The request is acted on, then the connection closes with no answer.
        case dropAfter
    }

    /// One request's fate: a delay, then an outcome.
    public struct Decision: Sendable, Equatable {
        public var delaySeconds: Double
        public var outcome: Outcome

        public init(delaySeconds: Double, outcome: Outcome) {
            self.delaySeconds = delaySeconds
            self.outcome = outcome
        }
    }

    public let spec: FaultSpec
    private let lock = NSLock()
    private var random: SeededRandom

    public init(spec: FaultSpec) {
        self.spec = spec
        random = SeededRandom(seed: spec.seed)
    }

    /// The fate of the next request.
    public func decide() -> Decision {
        lock.withLock {
            let delay = spec.latency.lowerBound == spec.latency.upperBound
                ? spec.latency.lowerBound : Double.random(in: spec.latency, using: &random)
            let roll = Double.random(in: 0..<1, using: &random)
            let outcome: Outcome
            if roll < spec.errorRate {
                let statuses = [500, 502, 503]
                outcome = .serverError(status: statuses[Int.random(in: 0..<statuses.count, using: &random)])
            } else if roll < spec.errorRate + spec.rateLimitRate {
                outcome = .rateLimited(retryAfterSeconds: spec.retryAfterSeconds)
            } else if roll < spec.errorRate + spec.rateLimitRate + spec.dropRate {
                outcome = .drop
            } else if roll < spec.errorRate + spec.rateLimitRate + spec.dropRate + spec.dropAfterRate {
                outcome = .dropAfter
            } else {
                outcome = .pass
            }
            return Decision(delaySeconds: delay, outcome: outcome)
        }
    }
}
