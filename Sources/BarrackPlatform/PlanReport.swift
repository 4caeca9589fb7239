import BarrackAPI
import BarrackScript

/// What `barrack plan` reports about a rehearsal: the changes the script made to the throw-away
/// copy, the hourly spend before and after, and the runway (hours until the balance runs out at
/// the new rate).
///
///     let report = try PlanReport(rehearsal)
///     print(report.json)   // {"changes": [...], "hourly_before": 0, "hourly_after": 19.95, ...}
public struct PlanReport: Sendable {
    /// The operations that changed the copy, in order.
    public var changes: [PlannedChange]
    /// The hourly spend of the platform before the script, and after it (every change under way
    /// counted as finished).
    public var hourlyBefore: Double
    public var hourlyAfter: Double
    /// The balance when the plan began, and its currency.
    public var balance: Double
    public var currency: String

    /// Hours until `balance` runs out at `hourlyAfter`; nil when nothing is billed.
    public var runwayHours: Double? {
        hourlyAfter > 0 ? max(0, balance) / hourlyAfter : nil
    }

    /// The report of a rehearsal that has been seeded (`Rehearsal.seed()`); nil before.
    public init?(_ rehearsal: Rehearsal) {
        guard let spend = rehearsal.hourlySpend, let balance = rehearsal.balanceBefore else { return nil }
        changes = rehearsal.changes
        hourlyBefore = spend.before
        hourlyAfter = spend.after
        self.balance = balance.amount
        currency = balance.currency
    }

    /// The report as `barrack plan --json` prints it: `changes` (each with `operation`, `name`,
    /// `region`, `gpus`, `hourly_cost` and `resource_id`), `hourly_before`, `hourly_after`,
    /// `currency`, `balance` and `runway_hours` (null when nothing is billed).
    public var json: JSONValue {
        let rows: [JSONValue] = changes.map { change in
            .object(JSONObject([
                .init(key: "operation", value: .string(change.operation.rawValue)),
                .init(key: "name", value: change.name.map(JSONValue.string) ?? .null),
                .init(key: "region", value: change.region.map(JSONValue.string) ?? .null),
                .init(key: "gpus", value: change.gpus.map(JSONValue.string) ?? .null),
                .init(key: "hourly_cost", value: .double(change.hourlyDelta)),
                .init(key: "resource_id", value: change.resourceID.map(JSONValue.string) ?? .null),
            ]))
        }
        return .object(JSONObject([
            .init(key: "changes", value: .array(rows)),
            .init(key: "hourly_before", value: .double(hourlyBefore)),
            .init(key: "hourly_after", value: .double(hourlyAfter)),
            .init(key: "currency", value: .string(currency)),
            .init(key: "balance", value: .double(balance)),
            .init(key: "runway_hours", value: runwayHours.map { .double(Self.rounded($0, places: 1)) } ?? .null),
        ]))
    }

    /// The changes as rows for a table: operation, resource, region, GPUs, $/h added or removed.
    public var rows: Value {
        .list(changes.map { change in
            let row = MapObject()
            row["operation"] = .string(change.operation.rawValue)
            row["resource"] = .string(change.name ?? change.resourceID ?? "")
            row["region"] = .string(change.region ?? "")
            row["gpus"] = .string(change.gpus ?? "")
            row["$/h"] = .string(Self.signed(change.hourlyDelta))
            return .map(row)
        })
    }

    /// The lines under the table: the hourly spend before and after, the balance and the runway.
    public var summary: String {
        var text = "hourly spend: \(Self.amount(hourlyBefore)) → \(Self.amount(hourlyAfter)) \(currency)/h"
        if hourlyAfter != hourlyBefore { text += " (\(Self.signed(hourlyAfter - hourlyBefore)))" }
        text += "\nbalance: \(Self.amount(balance)) \(currency); runway at the new rate: "
        text += runwayHours.map { "\(Self.rounded($0, places: 1)) h" } ?? "unlimited (nothing billed)"
        return text
    }

    /// `+19.95`, `-0.15`, `0`.
    static func signed(_ amount: Double) -> String {
        amount > 0 ? "+" + Self.amount(amount) : Self.amount(amount)
    }

    /// Money to at most 4 decimals, without trailing zeros.
    public static func amount(_ value: Double) -> String {
        let rounded = rounded(value, places: 4)
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// `value` rounded to `places` decimals: sums of per-minute rates come out as 39.900000000000006.
    public static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
