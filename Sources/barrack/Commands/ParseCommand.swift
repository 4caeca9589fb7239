import ArgumentParser

/// `barrack parse FILE`: prints the syntax tree.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print a script's syntax tree."
    )

    @Argument(help: "The script to parse.")
    var file: String
}
