import BarrackAPI
import BarrackSandbox
import Foundation

/// What `GET /api/resources` shows of a learner's sandbox: instances and volumes with what each
/// costs an hour, what the account spends an hour in all, the balance, how long it lasts at that
/// rate (the runway), and the sandbox clock.
enum ResourceSummary {
    static func of(_ sandbox: Sandbox) throws -> JSONValue {
        // Saved as it is shown: the clock a learner has seen is where a restarted server resumes.
        let status = try sandbox.savedStatus()
        let instances = try items(sandbox, "/api/instances/", key: "instances").map { item -> JSONValue in
            ["id": item["id"] ?? .null, "name": item["name"] ?? .null, "status": item["status"] ?? .null,
             "gpu": item["gpu_model"] ?? .null, "gpu_count": item["gpu_count"] ?? .null,
             "region": item["region"] ?? .null, "hourly_cost": item["hourly_cost"] ?? .null]
        }
        let volumes = try items(sandbox, "/api/volumes/", key: "volumes").map { item -> JSONValue in
            ["id": item["id"] ?? .null, "name": item["name"] ?? .null, "status": item["status"] ?? .null,
             "size_gb": item["size_gb"] ?? .null, "hourly_cost": item["hourly_cost"] ?? .null]
        }
        // The rate once the changes under way have finished: a CREATING instance counts in full.
        let hourly = sandbox.steadyHourlySpend
        let runway: JSONValue = hourly > 0 ? .double(max(0, status.balance) / hourly) : .null
        return ["instances": .array(instances), "volumes": .array(volumes),
                "hourly_total": .double(hourly), "runway_hours": runway,
                "balance": .double(status.balance), "currency": .string(status.currency),
                "clock": .string(status.simulatedTime.formatted(.iso8601))]
    }

    /// Every item of a list operation, page by page, as the sandbox answers it over its API.
    private static func items(_ sandbox: Sandbox, _ path: String, key: String) throws -> [JSONValue] {
        var all: [JSONValue] = []
        for page in 1...1_000 {
            let answer = sandbox.handle(method: "GET", path: path, query: [QueryItem(name: "page", value: String(page)),
                                                                            QueryItem(name: "limit", value: "100")])
            let value = try JSONValue(parsing: String(decoding: answer.body, as: UTF8.self))
            let items = value[key]?.arrayValue ?? []
            all += items
            if items.count < 100 { break }
        }
        return all
    }
}
