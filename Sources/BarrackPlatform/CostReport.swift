import BarrackAPI
import BarrackScript

/// What the account is paying: every billed resource with its hourly rate now, how long it has
/// been billed and what it has cost, the total per hour, the balance and the runway. Read through
/// the platform's own read operations: the listings, then each resource's billing records.
///
/// `costs()` gives it as a map; `barrack costs` as a table or JSON.
public struct CostReport: Sendable {
    /// One billed resource.
    public struct Line: Sendable {
        public var kind: String
        public var id: String
        public var name: String
        public var status: String
        /// Per hour now: the open billing record's rate (0 when nothing bills right now).
        public var hourlyRate: Double
        /// Hours billed so far (the longest of its billing records), and what they cost.
        public var hours: Double
        public var cost: Double
    }

    public var lines: [Line]
    public var balance: Double
    public var currency: String

    /// What the account spends per hour now.
    public var hourlyTotal: Double { PlanReport.rounded(lines.reduce(0) { $0 + $1.hourlyRate }, places: 6) }

    /// Hours until the balance runs out at `hourlyTotal`; nil when nothing bills.
    public var runwayHours: Double? { hourlyTotal > 0 ? PlanReport.rounded(max(0, balance) / hourlyTotal, places: 1) : nil }

    /// Reads the report through `connection`.
    public static func read(from connection: any PlatformConnection) async throws -> CostReport {
        func items(_ operation: OperationID) async throws -> [JSONValue] {
            let answer = try await connection.call(operation, pathParameters: [:], query: [], body: nil)
            guard let key = operation.endpoint.itemsKey, case .array(let list)? = answer[key] else { return [] }
            return list
        }
        let balanceAnswer = try await connection.call(.getBalance, pathParameters: [:], query: [], body: nil)
        let kinds: [(kind: String, list: OperationID, billing: OperationID)] = [
            ("instance", .listInstances, .getInstanceBilling), ("volume", .listVolumes, .getVolumeBilling),
            ("snapshot", .listSnapshots, .getSnapshotBilling),
        ]
        var lines: [Line] = []
        for entry in kinds {
            for resource in try await items(entry.list) {
                guard let id = resource["id"]?.stringValue else { continue }
                let billing = try await connection.call(entry.billing, pathParameters: ["id": id], query: [], body: nil)
                guard case .array(let records)? = billing["records"], !records.isEmpty else { continue }
                var line = Line(kind: entry.kind, id: id, name: resource["name"]?.stringValue ?? "",
                                status: resource["status"]?.stringValue ?? "", hourlyRate: 0, hours: 0, cost: 0)
                for record in records {
                    // An instance bills its GPUs and its OS volume as two records of the same span.
                    line.hours = max(line.hours, (record["total_duration_minutes"]?.doubleValue ?? 0) / 60)
                    line.cost += record["total_cost"]?.doubleValue ?? 0
                    if record["end_time"] == nil || record["end_time"] == .null {
                        line.hourlyRate += (record["per_minute_rate"]?.doubleValue ?? 0) * 60
                    }
                }
                line.hourlyRate = PlanReport.rounded(line.hourlyRate, places: 6)
                line.hours = PlanReport.rounded(line.hours, places: 2)
                line.cost = PlanReport.rounded(line.cost, places: 6)
                lines.append(line)
            }
        }
        return CostReport(lines: lines, balance: balanceAnswer["balance"]?["amount"]?.doubleValue ?? 0,
                          currency: balanceAnswer["balance"]?["currency"]?.stringValue ?? "")
    }

    /// The report as a script value: `resources` (each with `kind`, `id`, `name`, `status`,
    /// `hourly_cost`, `hours`, `cost`), `hourly_total`, `balance`, `currency`, `runway_hours`.
    public var value: Value {
        let report = MapObject()
        report["resources"] = .list(lines.map { line in
            let row = MapObject()
            row["kind"] = .string(line.kind)
            row["id"] = .string(line.id)
            row["name"] = .string(line.name)
            row["status"] = .string(line.status)
            row["hourly_cost"] = .float(line.hourlyRate)
            row["hours"] = .float(line.hours)
            row["cost"] = .float(line.cost)
            return .map(row)
        })
        report["hourly_total"] = .float(hourlyTotal)
        report["balance"] = .float(balance)
        report["currency"] = .string(currency)
        report["runway_hours"] = runwayHours.map { .float($0) } ?? .null
        return .map(report)
    }

    /// `value` as indented JSON (`barrack costs --output json`).
    public var jsonText: String {
        guard let json = try? ValueConversion.json(value) else { return "{}" }
        return String(decoding: json.jsonData(pretty: true), as: UTF8.self)
    }

    /// The line under the table: the total per hour, the balance and the runway.
    public var summary: String {
        "total: \(PlanReport.amount(hourlyTotal)) \(currency)/h; balance: \(PlanReport.amount(balance)) \(currency); runway: "
            + (runwayHours.map { "\($0) h" } ?? "unlimited (nothing billed)")
    }

    /// `costs()`.
    static func builtin(connection: any PlatformConnection) -> BuiltinFunction {
        let help = BuiltinHelp(
            summary: "What the account is paying: each billed resource with its hourly rate, hours billed and cost so far, the total per hour, the balance and the runway.",
            returns: "map {resources, hourly_total, balance, currency, runway_hours}",
            example: "print \"{costs().hourly_total} per hour, {costs().runway_hours} h left\"",
            group: "account")
        return BuiltinFunction(name: "costs", help: help) { call in
            do {
                return try BlockingBridge.run(call) { try await CostReport.read(from: connection) }.value
            } catch let error as BarrackAPIError {
                throw PlatformCall.scriptError(error)
            }
        }
    }
}
