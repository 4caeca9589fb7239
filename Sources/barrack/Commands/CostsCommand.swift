import ArgumentParser
import BarrackBackends
import BarrackPlatform
import BarrackScript
import Foundation

/// `barrack costs`: what the account is paying, as a table or JSON.
struct CostsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Show every billed resource with its hourly rate and cost so far, the total per hour and the runway.",
        discussion: """
            Reads the account's instances, volumes and snapshots and each one's billing records: \
            for each billed resource its kind, id, name, status, hourly rate now, hours billed and \
            cost so far; then the total per hour, the balance and the runway (hours until the \
            balance runs out at that rate). A table on a terminal; with --output json a document \
            with resources, hourly_total, balance, currency and runway_hours. Scripts get the \
            same from costs().
            """
    )

    @OptionGroup var global: GlobalOptions

    /// What is billed, then at what rate, for how long, and what it has cost so far.
    static let columns = ["id", "name", "status", "kind", "hourly_cost", "hours", "cost"]

    func run() throws {
        let report: CostReport
        do {
            let backend = try PlatformBackend.open(global.backendOptions)
            defer { try? backend.close() }
            let connection = ClientConnection(client: backend.client)
            final class Box: @unchecked Sendable { var report: CostReport? }
            let box = Box()
            try blocking { box.report = try await CostReport.read(from: connection) }
            guard let read = box.report else { throw ExitCode(1) }
            report = read
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardStreams.writeError("barrack: \(error)\n")
            throw ExitCode(1)
        }
        if global.output == .json {
            StandardStreams.write(report.jsonText + "\n")
        } else {
            let terminal = Terminal.standardOutput.isTerminal
            let colors = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            var text = report.lines.isEmpty ? "Nothing is billed.\n" : ""
            if case .map(let map) = report.value, let rows = map["resources"], !report.lines.isEmpty {
                let formatter = ResultFormatter(width: terminal ? REPL.terminalWidth() : 200, colors: colors,
                                                columns: CostsCommand.columns)
                text += formatter.format(rows) + "\n"
            }
            StandardStreams.write(text + report.summary + "\n")
        }
        StandardStreams.flush()
    }
}
