import ArgumentParser
import BarrackAPI
import BarrackBackends
import BarrackPlatform
import BarrackScript
import Foundation

/// `barrack plan FILE [ARGS…]`: runs the script against a throw-away copy of the platform and
/// shows what it would change and what that would cost, changing nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what a script would change and cost, without changing anything.",
        discussion: """
            The script runs to its end against a throw-away copy of the platform it would change: \
            a sandbox seeded from the platform's current instances, volumes, SSH keys, firewalls, \
            startup scripts, snapshots, images, balance and GPU stock. With an API key the copy is \
            read through the real API; otherwise it is copied from the local sandbox. Every branch, \
            loop and wait runs as it would (waits take no real time), and nothing but reads \
            reaches the platform.

            What the script prints goes to standard error; standard output gets the plan: a table \
            of the changes (operation, resource, region, GPUs, $/h added or removed), the hourly \
            spend before and after, the balance and the runway (hours until the balance runs out \
            at the new rate). With --json, the same as a document: changes (each with operation, \
            name, region, gpus, hourly_cost and resource_id), hourly_before, hourly_after, \
            currency, balance and runway_hours.

            Exit status, as Terraform's -detailed-exitcode: 0 no changes, 2 changes, 1 error (the \
            script failed, did not compile, or the platform could not be read).

            Example: barrack plan examples/region_fallback.brk
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @Argument(parsing: .captureForPassthrough, help: "The script to plan, then its arguments.")
    var arguments: [String] = []

    func run() throws {
        if let first = arguments.first, first == "--help" || first == "-h" {
            throw CleanExit.helpRequest(self)
        }
        // The arguments are captured untouched, so an unknown option before the script lands here.
        if let first = arguments.first, first.hasPrefix("-"), first != "-" {
            let near = Suggestion.closest(first, among: OptionPlacement.plan.flatMap(\.names)).map { "; did you mean '\($0)'?" }
            throw ValidationError("unknown option '\(first)'" + (near ?? "; `barrack plan --help` lists the options"))
        }
        guard let path = arguments.first else {
            StandardStreams.writeError("barrack plan: which script? (barrack plan FILE [ARGS…])\n")
            throw ExitCode(1)
        }
        let source: Source
        let backend: PlatformBackend
        do {
            source = try Source.read(path: path)
            backend = try PlatformBackend.open(global.backendOptions)
        } catch {
            StandardStreams.writeError("barrack: \(error)\n")
            throw ExitCode(1)
        }
        defer { try? backend.close() }
        for warning in backend.warnings { StandardStreams.writeError("barrack: warning: \(warning)\n") }
        let rehearsal = Rehearsal(target: ClientConnection(client: backend.client), copier: SandboxCopier())
        let interpreter = Interpreter()
        Platform.register(in: interpreter, rehearsal: rehearsal, announcesChanges: false,
                          budget: BudgetGuard(maxHourly: global.maxHourly ?? backend.profileMaxHourly,
                                              copier: SandboxCopier()),
                          defaults: backend.defaults)
        interpreter.output = { StandardStreams.writeError($0) }
        interpreter.define("args", .list(arguments.dropFirst().map { .string($0) }))
        let program: Program
        do {
            program = try interpreter.compile(source)
        } catch {
            StandardStreams.writeError(Diagnostic.report(error.diagnostics) + "\n")
            throw ExitCode(1)
        }
        let status = ScriptRunner.execute(program, in: interpreter, report: ErrorReport(format: json ? .json : global.output))
        StandardStreams.flush()
        guard status == 0 else {
            StandardStreams.writeError("barrack plan: the script failed, so there is no plan; nothing was changed\n")
            throw ExitCode(1)
        }
        do {
            try blocking { _ = try await rehearsal.seed() }
        } catch {
            StandardStreams.writeError("barrack plan: cannot read the platform: \(error)\n")
            throw ExitCode(1)
        }
        guard let report = PlanReport(rehearsal) else { throw ExitCode(1) }
        if json || global.output == .json {
            StandardStreams.write(String(decoding: report.json.jsonData(pretty: true), as: UTF8.self) + "\n")
        } else {
            StandardStreams.write(Self.text(of: report))
        }
        StandardStreams.flush()
        if !report.changes.isEmpty { throw ExitCode(2) }
    }

    /// The plan for a person: the table of changes (or a line saying there are none) and the
    /// summary of spend, balance and runway.
    static func text(of report: PlanReport) -> String {
        let terminal = Terminal.standardOutput.isTerminal
        let colors = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var text: String
        if report.changes.isEmpty {
            text = "No changes: the script would change nothing on the platform.\n"
        } else {
            let count = report.changes.count
            text = "The script would make \(count) change\(count == 1 ? "" : "s"):\n"
            // The report's own column order (what, which, where, how much), not the ranking
            // used for the platform's records.
            text += ResultFormatter(width: terminal ? REPL.terminalWidth() : 200, colors: colors,
                                    columns: ResultFormatter.reportColumns(of: report.rows))
                .format(report.rows) + "\n"
        }
        return text + report.summary + "\n"
    }
}
