import ArgumentParser
import BarrackPlatform
import BarrackScript

/// `barrack gpus`: what can be rented now, where and for how much — one table joining the GPU
/// specs, the stock and the prices (`offers()`), the cheapest first, as `sky show-gpus` and
/// `vastai search offers` show theirs.
struct GPUsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gpus",
        abstract: "Show what can be rented now: each GPU model and count in stock, its specs, price and regions, the cheapest first.",
        discussion: """
            One row per GPU model and count in stock somewhere: the model, the GPUs, the memory per \
            GPU (vram_gb), the vCPUs and RAM of that size, the price per GPU-hour and per hour for \
            all its GPUs in the chosen currency (the account's by default), the regions that have \
            it in stock now and its tier. With --output json or yaml, the records offers() gives a \
            script, which deploys one with: let o = offers(count: 8)[0]; deploy gpu: o.gpu in o.regions[0]

            Example: barrack gpus --count 8 --min-vram 80 --max-price 30 --currency EUR
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only offers of this many GPUs (1, 2, 4 or 8).")
    var count: Int?

    @Option(name: .customLong("min-vram"), help: ArgumentHelp("Only GPUs with at least this much memory per GPU.", valueName: "GB"))
    var minVRAM: Int?

    @Option(help: "Only offers in stock in this region.")
    var region: String?

    @Option(name: .customLong("max-price"), help: ArgumentHelp("Only offers costing at most this per hour, for all their GPUs.", valueName: "amount"))
    var maxPrice: Double?

    @Option(help: "Prices in this currency (USD, EUR, …); the account's by default.")
    var currency: String?

    /// The columns of the table, in the order a buyer reads them.
    static let columns = ["model", "count", "vram_gb", "vcpus", "ram_gb", "price_per_gpu", "hourly_cost", "currency", "regions", "tier"]

    func run() throws {
        let environment: ScriptEnvironment
        do {
            environment = try ScriptEnvironment.open(global, notices: false)
        } catch {
            StandardStreams.writeError("barrack: \(error)\n")
            throw ExitCode(1)
        }
        defer { environment.close() }
        let report = ErrorReport(format: environment.output)
        let interpreter = environment.interpreter
        guard let offers = interpreter.global("offers") else { throw ExitCode(1) }
        let arguments: [Value] = [
            count.map { .int($0) } ?? .null, minVRAM.map { .int($0) } ?? .null, region.map { .string($0) } ?? .null,
            maxPrice.map { .float($0) } ?? .null, currency.map { .string($0.uppercased()) } ?? .null,
        ]
        final class Outcome: @unchecked Sendable {
            var value: Value = .null
            var error: (any Error)?
        }
        let outcome = Outcome()
        ThreadLauncher.runAndWait {
            do { outcome.value = try interpreter.call(offers, arguments) } catch { outcome.error = error }
        }
        if let error = outcome.error {
            if let message = GPUsCommand.usageMessage(for: error) {
                StandardStreams.writeError("barrack gpus: \(message)\n")
                throw ExitCode(2)
            }
            throw ExitCode(report.write(error))
        }
        var output = OutputOptions()
        output.format = environment.output
        if output.format == .table {
            output.columns = GPUsCommand.columns
            StandardStreams.write(output.render(GPUsCommand.tableRows(outcome.value)))
            if case .list(let list) = outcome.value, list.elements.isEmpty { StandardStreams.write("No offer in stock matches.\n") }
        } else {
            StandardStreams.write(output.render(outcome.value))
        }
        StandardStreams.flush()
    }

    /// The offers with their regions as one cell (`FINLAND-1, ICELAND-1`) rather than a list literal.
    static func tableRows(_ offers: Value) -> Value {
        guard case .list(let list) = offers else { return offers }
        return .list(ListObject(list.elements.map { element in
            guard case .map(let record) = element else { return element }
            let row = record.copy()
            if case .list(let regions)? = record["regions"] {
                row["regions"] = .string(regions.elements.map(\.description).joined(separator: ", "))
            }
            return .map(row)
        }))
    }

    /// An argument `offers` refused, as a usage error naming the option typed (`--region …`).
    static func usageMessage(for error: any Error) -> String? {
        guard let error = error as? ErrorObject, error.code == ErrorCode.argument, let parameter = error.parameter else { return nil }
        let option = "--" + PlatformCommand.verbName(parameter)
        let prefix = "offers: '\(parameter)' "
        return error.message.hasPrefix(prefix) ? option + " " + error.message.dropFirst(prefix.count) : option + ": " + error.message
    }
}
