import BarrackAPI
import BarrackScript

/// `--dry-run`: what a script would do to the platform, without doing it.
enum DryRun {
    /// Whether an operation costs money or destroys data, and so is only previewed in a dry run.
    static func previews(_ operation: OperationID) -> Bool {
        let id = operation.rawValue
        return operation == .deployInstance || id.hasPrefix("delete_") || id.hasPrefix("restore_")
    }

    /// Prints the request on standard error (`dry run: POST /api/instances/ {…}`), with the
    /// hourly cost for a deploy, and returns the plan as a map: `dry_run`, `operation`,
    /// `method`, `path`, `body`, and for a deploy `hourly_cost` and `currency`.
    static func preview(_ operation: OperationID, path: [String: String], body: JSONValue?,
                        connection: any PlatformConnection, call: BuiltinCall) throws -> Value {
        let endpoint = operation.endpoint
        let filled = endpoint.path(filling: path) ?? endpoint.pathTemplate
        let plan = MapObject()
        plan["dry_run"] = .bool(true)
        plan["operation"] = .string(operation.rawValue)
        plan["method"] = .string(endpoint.method.rawValue)
        plan["path"] = .string(filled)
        plan["body"] = body.map(ValueConversion.value) ?? .null
        var line = "dry run: \(endpoint.method.rawValue) \(filled)"
        if let body { line += " " + String(decoding: body.jsonData(), as: UTF8.self) }
        if operation == .deployInstance, let estimate = try hourlyCost(body, connection: connection, call: call) {
            plan["hourly_cost"] = .float(estimate.hourly)
            plan["currency"] = .string(estimate.currency)
            line += "; it would cost \(estimate.hourly) \(estimate.currency) per hour"
        }
        StandardStreams.writeError(line + "\n")
        return .map(plan)
    }

    /// The hourly cost of a deploy's GPUs and OS volume, from the platform's own quote.
    static func hourlyCost(_ body: JSONValue?, connection: any PlatformConnection,
                           call: BuiltinCall) throws -> (hourly: Double, currency: String)? {
        guard let model = body?["gpu_model"], let count = body?["gpu_count"] else { return nil }
        var request = JSONObject([.init(key: "gpu_model", value: model), .init(key: "gpu_count", value: count)])
        if body?["boot_source"]?["type"]?.stringValue != "volume" {
            request["volume_type"] = .string("NVMe")
            request["volume_size_gb"] = body?["os_volume_size_gb"] ?? .int(100)
        }
        let quote: JSONValue
        let sent = JSONValue.object(request)
        do {
            quote = try BlockingBridge.run(call) {
                try await connection.call(.quotePricing, pathParameters: [:], query: [], body: sent)
            }
        } catch let error as BarrackAPIError {
            throw PlatformCall.scriptError(error)
        }
        guard let estimate = quote["estimate"], let hourly = estimate["hourly"]?.doubleValue,
              let currency = estimate["currency"]?.stringValue else { return nil }
        return (hourly, currency)
    }
}
