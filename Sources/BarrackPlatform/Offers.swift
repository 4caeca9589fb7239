import BarrackScript

/// `offers(count:, min_vram:, region:, max_price:, currency:)`: what can be rented now, where and
/// for how much — one record per GPU model and count, joining `gpu_specs()`, `gpu_stock()` and
/// `pricing()`, the cheapest first. `barrack gpus` prints the same as a table.
///
/// Each record holds `gpu` (the request `model x count`, ready for `deploy`), `model`, `count`,
/// `vram_gb` (per GPU), `vcpus`, `ram_gb`, `price_per_gpu` and `hourly_cost` (for all its GPUs)
/// in `currency`, `regions` (those with that count in stock now) and `tier`. Only offers in stock
/// somewhere are listed:
///
///     let offer = offers(count: 8, max_price: 30)[0]
///     deploy gpu: offer.gpu in offer.regions[0]
public enum Offers {
    /// The built-in. It reads through the platform built-ins registered in the same interpreter,
    /// so a dry run, a rehearsal and the sandbox answer it as they answer those.
    public static let builtin = BuiltinFunction(
        name: "offers",
        parameters: [
            BuiltinParameter(name: "count", isRequired: false, type: "int", summary: "Only offers of this many GPUs (1, 2, 4 or 8)."),
            BuiltinParameter(name: "min_vram", isRequired: false, type: "int", summary: "Only GPUs with at least this much memory, in GB per GPU."),
            BuiltinParameter(name: "region", isRequired: false, type: "string", summary: "Only offers in stock in this region.",
                             allowedValues: Catalogue.regions),
            BuiltinParameter(name: "max_price", isRequired: false, type: "number", summary: "Only offers costing at most this per hour, for all their GPUs."),
            BuiltinParameter(name: "currency", isRequired: false, type: "string", defaultDescription: "the account's",
                             summary: "Prices in this currency.", allowedValues: Catalogue.currencies),
        ],
        help: BuiltinHelp(
            summary: "What can be rented now: each GPU model and count in stock, with its memory, vCPUs, RAM, price per GPU-hour and per hour for all its GPUs, the regions that have it and its tier, the cheapest first.",
            returns: "list of {gpu, model, count, vram_gb, vcpus, ram_gb, price_per_gpu, hourly_cost, currency, regions, tier}",
            example: "let o = offers(count: 8, max_price: 30)[0]; deploy gpu: o.gpu in o.regions[0]",
            group: "catalogue")
    ) { call in
        try list(call)
    }

    private static func list(_ call: BuiltinCall) throws -> Value {
        let count = call.argument(0) == nil ? nil : try call.int(0)
        if let count, !Choice.gpuCounts.contains(count) { throw call.argumentError(0, "must be 1, 2, 4 or 8, not \(count)") }
        let minimumVRAM = call.argument(1) == nil ? nil : try call.int(1)
        let region = call.argument(2) == nil ? nil : try call.string(2)
        if let region, !Catalogue.regions.contains(region) {
            throw call.argumentError(2, "must be one of \(Catalogue.regions.joined(separator: ", ")), not \(region)"
                                     + Suggestion.didYouMean(region, among: Catalogue.regions))
        }
        var maximumPrice: Double?
        if let given = call.argument(3) {
            guard let price = number(given) else { throw call.typeError(3, "a number") }
            maximumPrice = price
        }
        let specs = try records(call, "gpu_specs")
        let stock = try records(call, "gpu_stock")
        let prices = try read(call, "pricing")
        let currency: String
        if call.argument(4) != nil {
            currency = try call.string(4)
            guard Catalogue.currencies.contains(currency) else {
                throw call.argumentError(4, "must be one of \(Catalogue.currencies.joined(separator: ", ")), not \(currency)")
            }
        } else {
            currency = text(field(try read(call, "balance"), "currency")) ?? "USD"
        }
        var offers: [(hourly: Double, price: Double, record: MapObject)] = []
        for spec in specs {
            guard let model = text(spec["gpu_model"]), case .int(let vram)? = spec["vram_gb"],
                  let tier = text(spec["tier"]), vram >= (minimumVRAM ?? 0),
                  case .list(let flavors)? = spec["flavors"] else { continue }
            let path = ["gpus", "pricing", tier, model, "prices", currency]
            guard let price = number(path.reduce(Optional(prices)) { value, key in field(value, key) }) else { continue }
            for case .map(let flavor) in flavors.elements {
                guard case .int(let gpus)? = flavor["gpu_count"], count == nil || count == gpus else { continue }
                let hourly = (price * Double(gpus) * 100).rounded() / 100
                if let maximumPrice, hourly > maximumPrice { continue }
                let regions = stock.filter { entry in
                    text(entry["gpu_model"]) == model && (region == nil || text(entry["region"]) == region)
                        && inStock(entry, count: gpus)
                }.compactMap { $0["region"] }
                guard !regions.isEmpty else { continue }
                let record = MapObject()
                record["gpu"] = .map(["model": .string(model), "count": .int(gpus)])
                record["model"] = .string(model)
                record["count"] = .int(gpus)
                record["vram_gb"] = .int(vram)
                record["vcpus"] = flavor["vcpus"] ?? .null
                record["ram_gb"] = flavor["ram_gb"] ?? .null
                record["price_per_gpu"] = .float(price)
                record["hourly_cost"] = .float(hourly)
                record["currency"] = .string(currency)
                record["regions"] = .list(ListObject(regions))
                record["tier"] = .string(tier)
                offers.append((hourly, price, record))
            }
        }
        let sorted = SortOrderOfOffers.sorted(offers)
        return .list(ListObject(sorted.map { .map($0.record) }))
    }

    /// Whether a stock entry has a configuration of `count` GPUs available.
    private static func inStock(_ entry: MapObject, count: Int) -> Bool {
        guard case .list(let configurations)? = entry["configurations"] else { return false }
        return configurations.elements.contains { configuration in
            guard case .map(let map) = configuration, case .int(let gpus)? = map["gpu_count"] else { return false }
            return gpus == count && map["available"] == .bool(true)
        }
    }

    private static func read(_ call: BuiltinCall, _ name: String) throws -> Value {
        guard let function = call.interpreter.global(name) else {
            throw ErrorObject(code: ErrorCode.name, message: "offers needs the platform built-in \(name)")
        }
        return try call.call(function, [])
    }

    private static func records(_ call: BuiltinCall, _ name: String) throws -> [MapObject] {
        guard case .list(let list) = try read(call, name) else { return [] }
        return list.elements.compactMap { if case .map(let map) = $0 { return map } else { return nil } }
    }

    private static func field(_ value: Value?, _ key: String) -> Value? {
        guard case .map(let map)? = value else { return nil }
        return map[key]
    }

    private static func text(_ value: Value?) -> String? {
        guard case .string(let text)? = value else { return nil }
        return text
    }

    private static func number(_ value: Value?) -> Double? {
        switch value {
        case .int(let number)?: return Double(number)
        case .float(let number)?: return number
        default: return nil
        }
    }
}

/// The order of offers: the cheapest per hour first, then the cheapest per GPU, then by model.
private enum SortOrderOfOffers {
    static func sorted(_ offers: [(hourly: Double, price: Double, record: MapObject)]) -> [(hourly: Double, price: Double, record: MapObject)] {
        offers.sorted { a, b in
            if a.hourly != b.hourly { return a.hourly < b.hourly }
            if a.price != b.price { return a.price < b.price }
            return a.record["model"]?.description ?? "" < b.record["model"]?.description ?? ""
        }
    }
}
