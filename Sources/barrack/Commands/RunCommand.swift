import ArgumentParser

/// `barrack run FILE [ARGS…]`, `barrack -e CODE`, `barrack FILE`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file, code given with -e, or standard input."
    )

    @Option(name: .customShort("e"), help: "Code to run.")
    var code: String?

    @Argument(help: "The script to run ('-' reads standard input), then its arguments.")
    var arguments: [String] = []
}
