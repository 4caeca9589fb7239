import BarrackScript

/// The catalogue's nested answers as flat tables for the command line: `barrack pricing`,
/// `quote`, `gpu-stock` and `gpu-specs` printed one map per line (`gpus {pricing: {advanced:
/// {"B200-180GB": {prices: {EUR: 4.69, …`), which nobody could read.
///
/// - A list of records with a list of records inside (a model's `flavors`, a region's
///   `configurations`) becomes one row per inner record, the outer fields repeated; a list of
///   plain values is one cell (`1, 2, 4, 8`), and a column empty in every row is left out.
/// - A price list (`pricing`, and the prices of `quote`) becomes one row per price: resource,
///   tier, name, a column per currency, the unit and the largest count. A quote's estimate
///   follows as a table of its parts and a total line.
///
/// JSON and YAML, and a table with `--columns`, keep the platform's shape.
enum FlatTable {
    /// The built-ins whose answers print flat.
    static let builtins: Set<String> = ["pricing", "quote", "gpu_stock", "gpu_specs"]

    /// The tables to print for `value`, the answer of `builtin`, one after the other.
    static func tables(for builtin: String, _ value: Value) -> [Value] {
        switch builtin {
        case "gpu_stock", "gpu_specs":
            return [exploded(value)]
        case "quote":
            var tables = [priceRows(field(value, "pricing_data") ?? .null)]
            if let estimate = field(value, "estimate") {
                if let parts = field(estimate, "breakdown") { tables.append(parts) }
                let total = MapObject()
                total["hourly"] = field(estimate, "hourly") ?? .null
                total["currency"] = field(estimate, "currency") ?? .null
                tables.append(.map(total))
            }
            return tables
        default:
            return [priceRows(value)]
        }
    }

    /// Each record of a list, with its first list of records spread into one row per element.
    static func exploded(_ value: Value) -> Value {
        guard case .list(let list) = value, let records = ResultFormatter.rows(of: list) else { return value }
        var rows: [MapObject] = []
        for record in records {
            let inner = record.entries.first { _, field in
                if case .list(let items) = field, !items.elements.isEmpty, ResultFormatter.rows(of: items) != nil { return true }
                return false
            }
            let outer = MapObject()
            for (key, field) in record.entries where key != inner?.0 { outer[key] = cell(field) }
            guard case .list(let items)? = inner?.1 else {
                rows.append(outer)
                continue
            }
            for case .map(let item) in items.elements {
                let row = outer.copy()
                for (key, field) in item.entries { row[outer[key] == nil ? key : "\(inner?.0 ?? "").\(key)"] = cell(field) }
                rows.append(row)
            }
        }
        return table(rows)
    }

    /// One row per price record (a map with `prices`) under `value`: resource, tier and name from
    /// its path, then a column per currency, the unit and the largest count.
    static func priceRows(_ value: Value) -> Value {
        var rows: [MapObject] = []
        func walk(_ value: Value, _ path: [String]) {
            guard case .map(let map) = value else { return }
            if case .map(let prices)? = map["prices"] {
                let row = MapObject()
                for (index, column) in ["resource", "tier", "name"].enumerated() {
                    row[column] = index < path.count ? .string(path[index]) : .null
                }
                for (currency, price) in prices.entries { row[currency] = price }
                for key in ["unit", "max_count", "fixed_size_gb"] { row[key] = map[key] ?? .null }
                rows.append(row)
                return
            }
            for (key, child) in map.entries {
                // `pricing` only groups the tiers: it is no part of what a price is for.
                walk(child, key == "pricing" ? path : path + [key])
            }
        }
        walk(value, [])
        return rows.isEmpty ? value : table(rows)
    }

    /// Rows with the same columns, in first-seen order, leaving out the columns nil in every row.
    private static func table(_ rows: [MapObject]) -> Value {
        var columns: [String] = []
        for row in rows {
            for key in row.keys where !columns.contains(key) && rows.contains(where: { $0[key].map { $0 != .null } ?? false }) {
                columns.append(key)
            }
        }
        return .list(ListObject(rows.map { row in
            let shaped = MapObject()
            for column in columns { shaped[column] = row[column] ?? .null }
            return .map(shaped)
        }))
    }

    /// A list of plain values as one cell (`1, 2, 4, 8`); anything else as it is.
    private static func cell(_ value: Value) -> Value {
        guard case .list(let items) = value, ResultFormatter.rows(of: items) == nil else { return value }
        return .string(items.elements.map(\.description).joined(separator: ", "))
    }

    private static func field(_ value: Value, _ key: String) -> Value? {
        guard case .map(let map) = value else { return nil }
        return map[key]
    }
}
