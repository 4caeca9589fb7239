import ArgumentParser
import BarrackAPI
import BarrackBackends
import BarrackPlatform
import BarrackScript

/// The options every command that runs scripts shares.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Use the built-in sandbox even when an API key is set.")
    var sandbox = false

    @Option(name: .customLong("api-url"), help: "The platform's API URL (for example a `barrack sandbox serve`).")
    var apiURL: String?

    @Option(help: "The profile of the config file to use.")
    var profile: String?

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("How values and errors are printed: table (aligned text), json (errors too, as an object on standard error) or yaml. Default: the config's output, else table.",
                               valueName: "format"))
    var output: OutputFormat?

    @Flag(help: "Trace each API request (method, path, status, time) on standard error.")
    var verbose = false

    @Option(name: .customLong("max-hourly"),
            help: "The most the account may spend per hour: a deploy, start, restore or volume or snapshot creation that would go over fails with BUDGET_EXCEEDED before anything is sent.")
    var maxHourly: Double?

    @Flag(name: .customLong("dry-run"),
          help: "Run against a throw-away copy of the platform: changes are printed, never sent; only reads reach the platform.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long],
          help: "Do not ask before a call that adds more than confirm_over per hour (the config's, else 10); without a terminal nothing is asked anyway.")
    var yes = false

    @Flag(help: "Print each API request as the equivalent curl command on standard error (the key as $BARRACK_API_KEY), then send it.")
    var explain = false

    func validate() throws {
        if let maxHourly, !(maxHourly.isFinite && maxHourly >= 0) {
            throw ValidationError("--max-hourly must be an amount of at least 0 per hour, not \(maxHourly)")
        }
    }

    var backendOptions: PlatformBackend.Options {
        let tell: @Sendable (String) -> Void = { line in StandardStreams.writeError(line + "\n") }
        return PlatformBackend.Options(forceSandbox: sandbox, apiURL: apiURL, profile: profile, verbose: verbose,
                                       announce: tell, explain: explain ? tell : nil)
    }
}

extension OutputFormat: ExpressibleByArgument {}
