/// Faults to inject into the sandbox's answers, for testing clients against a misbehaving
/// platform.
///
/// The text form is a comma-separated list of `name=value` settings, each optional:
///
/// | setting | value | effect |
/// |---|---|---|
/// | `latency` | `20ms`, `1.5s`, or a range `10ms-200ms` | every answer waits that long (uniform in a range) |
/// | `error` | rate 0–1 | that share of requests get 500, 502 or 503 (`SERVER_ERROR`), equally often |
/// | `ratelimit` | rate 0–1 | that share get 429 `RATE_LIMITED` with `Retry-After` |
/// | `retry-after` | whole seconds, default 1 | the `Retry-After` of those 429s |
/// | `drop` | rate 0–1 | that share have their connection closed with no answer, the request not acted on |
/// | `drop-after` | rate 0–1 | that share are acted on, then their connection is closed with no answer |
/// | `seed` | whole number, default 0 | the same seed gives the same faults in the same order |
///
/// The rates together may not exceed 1. A request faulted by `error`, `ratelimit` or `drop`
/// never reaches the platform, so it changes nothing; `drop-after` is the lost answer of a request
/// that did happen (a create the client must not send twice). Example:
/// `latency=20ms,error=0.1,ratelimit=0.05,drop=0.01,drop-after=0.01,seed=7`.
public struct FaultSpec: Sendable, Equatable {
    public var latency: ClosedRange<Double> = 0...0
    public var errorRate: Double = 0
    public var rateLimitRate: Double = 0
    public var retryAfterSeconds: Int = 1
    public var dropRate: Double = 0
    public var dropAfterRate: Double = 0
    public var seed: UInt64 = 0

    public init() {}

    /// Whether any fault is switched on.
    public var isActive: Bool {
        latency.upperBound > 0 || errorRate > 0 || rateLimitRate > 0 || dropRate > 0 || dropAfterRate > 0
    }

    /// Parses the text form, or throws a `FaultSpecError` naming the bad setting.
    public init(parsing text: String) throws(FaultSpecError) {
        self.init()
        var seen: Set<String> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let setting = part.trimmingCharacters(in: .whitespaces)
            guard !setting.isEmpty else { continue }
            let pieces = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw FaultSpecError("'\(setting)' is not name=value") }
            let name = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = pieces[1].trimmingCharacters(in: .whitespaces)
            guard seen.insert(name).inserted else { throw FaultSpecError("'\(name)' is given twice") }
            switch name {
            case "latency": latency = try Self.parseLatency(value)
            case "error": errorRate = try Self.parseRate(name, value)
            case "ratelimit": rateLimitRate = try Self.parseRate(name, value)
            case "drop": dropRate = try Self.parseRate(name, value)
            case "drop-after": dropAfterRate = try Self.parseRate(name, value)
            case "retry-after":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw FaultSpecError("retry-after must be a whole number of seconds, not '\(value)'")
                }
                retryAfterSeconds = seconds
            case "seed":
                guard let seed = UInt64(value) else { throw FaultSpecError("seed must be a whole number, not '\(value)'") }
                self.seed = seed
            default:
                throw FaultSpecError("unknown setting '\(name)'; settings are latency, error, ratelimit, retry-after, drop, drop-after, seed")
            }
        }
        let total = errorRate + rateLimitRate + dropRate + dropAfterRate
        guard total <= 1 else {
            throw FaultSpecError("error, ratelimit, drop and drop-after add up to \(total); together they may be at most 1")
        }
    }

    private static func parseRate(_ name: String, _ value: String) throws(FaultSpecError) -> Double {
        guard let rate = Double(value), (0...1).contains(rate) else {
            throw FaultSpecError("\(name) must be a rate from 0 to 1, not '\(value)'")
        }
        return rate
    }

    private static func parseLatency(_ value: String) throws(FaultSpecError) -> ClosedRange<Double> {
        let bounds = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 1 || bounds.count == 2 else {
            throw FaultSpecError("latency must be a duration such as 20ms or a range such as 10ms-200ms, not '\(value)'")
        }
        let seconds = try bounds.map { (bound: String) throws(FaultSpecError) -> Double in try parseDuration(bound) }
        guard let low = seconds.first, let high = seconds.last, low <= high else {
            throw FaultSpecError("latency range '\(value)' runs backwards")
        }
        return low...high
    }

    /// `250ms`, `2s`, `1.5s` in seconds.
    static func parseDuration(_ text: String) throws(FaultSpecError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (number, scale): (Substring, Double) =
            trimmed.hasSuffix("ms") ? (trimmed.dropLast(2), 0.001) : trimmed.hasSuffix("s") ? (trimmed.dropLast(), 1) : ("", 0)
        guard scale > 0, let value = Double(number), value >= 0 else {
            throw FaultSpecError("'\(text)' is not a duration; write it like 20ms or 1.5s")
        }
        return value * scale
    }
}

/// A fault specification that cannot be read, and why.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "invalid --faults: \(message)" }
}
