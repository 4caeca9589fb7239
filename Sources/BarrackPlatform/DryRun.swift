import BarrackAPI
import BarrackScript

/// `--dry-run`: the script runs against a `Rehearsal` — a throw-away copy of the platform — and
/// each change it makes there is shown on standard error as the request that would have been sent.
enum DryRun {
    /// Prints `dry run: POST /api/instances/ {…}; it would cost 19.95 USD per hour` for a change
    /// made in the rehearsal; the cost is shown for an operation that may add to the hourly spend
    /// (`PlatformEffect.spend`) when its answer carries one.
    static func announce(_ operation: OperationID, path: [String: String], body: JSONValue?, payload: JSONValue) {
        let endpoint = operation.endpoint
        let filled = endpoint.path(filling: path) ?? endpoint.pathTemplate
        var line = "dry run: \(endpoint.method.rawValue) \(filled)"
        if let body { line += " " + String(decoding: body.jsonData(), as: UTF8.self) }
        if PlatformEffect.of(operation) == .spend, let hourly = payload["hourly_cost"]?.doubleValue, let currency = payload["currency"]?.stringValue {
            line += "; it would cost \(hourly) \(currency) per hour"
        }
        StandardStreams.writeError(line + "\n")
    }
}
