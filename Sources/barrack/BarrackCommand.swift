import ArgumentParser
import BarrackScript

/// The `barrack` command: runs scripts, checks them, serves the sandbox, or opens the REPL.
@main
struct BarrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "barrack",
        abstract: "Barrack Script: automate the Barrack GPU cloud.",
        version: BarrackScript.version,
        subcommands: [
            RunCommand.self, PlanCommand.self, CheckCommand.self, ParseCommand.self, BuiltinsCommand.self, HelpCommand.self,
            SandboxCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
