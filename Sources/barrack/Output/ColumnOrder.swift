import BarrackScript

/// Which columns of a table come first: what a person scans a list of resources for.
///
/// The keys of all rows, ranked: `id`, `name`, `status`, the GPUs (`gpu_model`, `gpu_count`, …),
/// `region`, money (`hourly_cost`, `total_cost`, `price`, `balance`, `amount`), `currency`, then every other
/// plain value, and last the columns that hold a list or a map (`boot_source`, `ssh_key_ids`),
/// which are the widest and the least read in a table. Keys of one rank keep the order in which
/// they are first seen, which is the platform's own order.
///
///     ColumnOrder.columns(of: instances)  // id, name, status, gpu_model, gpu_count, region, hourly_cost, …
enum ColumnOrder {
    /// The columns of `rows`, most important first.
    static func columns(of rows: [MapObject]) -> [String] {
        var seen: [String] = []
        var known: Set<String> = []
        var compound: Set<String> = []
        for row in rows {
            for (key, value) in row.entries {
                if known.insert(key).inserted { seen.append(key) }
                switch value {
                case .map, .list: compound.insert(key)
                default: break
                }
            }
        }
        return seen.enumerated()
            .sorted { left, right in
                let leftRank = rank(left.element, compound: compound.contains(left.element))
                let rightRank = rank(right.element, compound: compound.contains(right.element))
                return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
            }
            .map(\.element)
    }

    /// Lower comes first.
    static func rank(_ key: String, compound: Bool) -> Int {
        if compound { return 9 }
        switch key {
        case "id": return 0
        case "name": return 1
        case "status": return 2
        case "region": return 4
        case "currency": return 6
        default:
            if key.hasPrefix("gpu") { return 3 }
            if key.contains("cost") || key.contains("price") || key == "balance" || key == "amount" { return 5 }
            return 7
        }
    }
}
