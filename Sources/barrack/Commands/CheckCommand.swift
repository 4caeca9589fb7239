import ArgumentParser

/// `barrack check FILE…`: reports every syntax error, runs nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts for errors without running them."
    )

    @Argument(help: "The scripts to check.")
    var files: [String]
}
