import BarrackScript

/// The one line a call that spends or deletes (a deploy, a start, a restore, a new volume, a
/// deletion) leaves on a terminal, so that a script that spends or destroys says so even when it
/// prints nothing: `deploy: BRK-482913VM "train-1" CREATING, 8 x H100-SXM5-80GB in FINLAND-1,
/// 19.95 USD per hour`.
enum MutationNotice {
    /// Whether calls of `spec` are told: those that may add an hourly charge, and deletions.
    static func isNoted(_ spec: PlatformBuiltinSpec) -> Bool {
        spec.effect == .spend || spec.operation.rawValue.hasPrefix("delete_")
    }

    /// The line for `builtin`'s `result`; `id` is the resource the request named, for answers
    /// that do not repeat it.
    static func line(_ builtin: String, result: Value, id: String?) -> String {
        var parts: [String] = []
        guard case .map(let record) = result else { return "\(builtin): \(id ?? "done")" }
        if case .string(let resourceID)? = record["id"] { parts.append(resourceID) } else if let id { parts.append(id) }
        if case .string(let name)? = record["name"] { parts.append("\"\(name)\"") }
        if case .string(let status)? = record["status"] { parts.append(status) }
        var line = "\(builtin): " + (parts.isEmpty ? "done" : parts.joined(separator: " "))
        if case .string(let model)? = record["gpu_model"], case .int(let count)? = record["gpu_count"] {
            line += ", \(count) x \(model)"
            if case .string(let region)? = record["region"] { line += " in \(region)" }
        }
        if let cost = record["hourly_cost"], case .string(let currency)? = record["currency"], cost.isNumeric {
            line += ", \(cost.literal) \(currency) per hour"
        }
        return line
    }
}

extension Value {
    fileprivate var isNumeric: Bool {
        switch self {
        case .int, .float: return true
        default: return false
        }
    }
}
