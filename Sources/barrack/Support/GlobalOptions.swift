import ArgumentParser
import BarrackAPI
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

    @Option(help: "How printed values look: table (their literal form) or json.")
    var output: OutputFormat?

    @Flag(help: "Trace each API request (method, path, status, time) on standard error.")
    var verbose = false

    @Option(name: .customLong("max-hourly"),
            help: "The most the account may spend per hour: a deploy, start, restore or volume or snapshot creation that would go over fails with BUDGET_EXCEEDED before anything is sent.")
    var maxHourly: Double?

    @Flag(name: .customLong("dry-run"),
          help: "Run against a throw-away copy of the platform: changes are printed, never sent; only reads reach the platform.")
    var dryRun = false

    func validate() throws {
        if let maxHourly, !(maxHourly.isFinite && maxHourly >= 0) {
            throw ValidationError("--max-hourly must be an amount of at least 0 per hour, not \(maxHourly)")
        }
    }

    var backendOptions: PlatformBackend.Options {
        PlatformBackend.Options(forceSandbox: sandbox, apiURL: apiURL, profile: profile, verbose: verbose,
                                announce: { StandardStreams.writeError($0 + "\n") })
    }
}

extension OutputFormat: ExpressibleByArgument {}
