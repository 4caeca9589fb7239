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

    @Flag(name: .customLong("dry-run"),
          help: "Run against a throw-away copy of the platform: changes are printed, never sent; only reads reach the platform.")
    var dryRun = false

    var backendOptions: PlatformBackend.Options {
        PlatformBackend.Options(forceSandbox: sandbox, apiURL: apiURL, profile: profile, verbose: verbose,
                                announce: { StandardStreams.writeError($0 + "\n") })
    }
}

extension OutputFormat: ExpressibleByArgument {}
