import BarrackAPI
import BarrackPlatform
import BarrackSandbox
import BarrackScript
import Foundation
import Logging

/// Which platform a script talks to: the real one over HTTPS when an API key is configured, else
/// the built-in sandbox in this process, with its state kept between runs.
public final class PlatformBackend: @unchecked Sendable {
    /// What the command line and the environment say.
    public struct Options: Sendable {
        /// `--sandbox`: the sandbox even when a key is set.
        public var forceSandbox = false
        /// `--api-url`: talk HTTP to this URL (for example a `barrack sandbox serve`).
        public var apiURL: String?
        /// `--profile`: the config file's profile.
        public var profile: String?
        /// `--verbose`: trace every request on standard error.
        public var verbose = false
        /// The environment (`BARRACK_API_KEY`, `BARRACK_API_URL`, `XDG_DATA_HOME`, …).
        public var environment: [String: String]
        /// Told the one-line notice when the in-process sandbox opens.
        public var announce: @Sendable (String) -> Void
        /// `--explain`: told each request as the equivalent `curl` command, key redacted.
        public var explain: (@Sendable (String) -> Void)?

        /// Creates options.
        public init(forceSandbox: Bool = false, apiURL: String? = nil, profile: String? = nil, verbose: Bool = false,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    announce: @escaping @Sendable (String) -> Void = { _ in },
                    explain: (@Sendable (String) -> Void)? = nil) {
            self.announce = announce
            self.explain = explain
            self.forceSandbox = forceSandbox
            self.apiURL = apiURL
            self.profile = profile
            self.verbose = verbose
            self.environment = environment
        }
    }

    /// The client every built-in goes through.
    public let client: BarrackClient
    /// The config profile's `max_hourly`, if it sets one.
    public let profileMaxHourly: Double?
    /// The profile's `confirm_over`, if it sets one.
    public let profileConfirmOver: Double?
    /// The profile's `max_memory` in bytes, if it sets one.
    public let profileMaxMemory: Int?
    /// Warnings from the configuration (a config file others can read).
    public let warnings: [String]
    /// What the configuration gives the built-ins (its `region`).
    public let defaults: PlatformDefaults
    /// The configuration's `output` (`BARRACK_OUTPUT`), if any.
    public let output: OutputFormat?
    /// What this run creates, recorded before each create is sent: in the ledger file of the state
    /// folder (`StateDirectory`) for this API URL and profile, or for the in-process sandbox's data
    /// folder; in memory only when there is no state folder, or for a host's own sandbox.
    public let ledger: Ledger
    private let lazySandbox: LazySandbox?
    private let remoteClock: RemoteSandboxClock?

    private init(client: BarrackClient, sandbox: LazySandbox?, remoteClock: RemoteSandboxClock? = nil,
                 configuration: BarrackConfiguration, ledger: Ledger = Ledger()) {
        self.client = client
        self.lazySandbox = sandbox
        self.remoteClock = remoteClock
        self.ledger = ledger
        self.warnings = configuration.warnings
        self.defaults = PlatformDefaults(region: configuration.region?.rawValue)
        self.output = configuration.output
        self.profileMaxHourly = configuration.maxHourly
        self.profileConfirmOver = configuration.confirmOver
        self.profileMaxMemory = configuration.maxMemory
    }

    /// The in-process sandbox, once a request has opened it.
    public var sandbox: Sandbox? { lazySandbox?.ifOpened }

    /// Whether the backend is the in-process sandbox.
    public var isSandbox: Bool { lazySandbox != nil }

    /// Chooses and opens the backend.
    ///
    /// `BARRACK_SANDBOX_SPEED` sets the in-process sandbox's speed (0 freezes its clock, for tests).
    public static func open(_ options: Options) throws -> PlatformBackend {
        var configuration = try ConfigurationLoader.load(profile: options.profile, environment: options.environment)
        var logger = Logger(label: "barrack.api") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = options.verbose ? .debug : .warning
        if let apiURL = options.apiURL, !options.forceSandbox {
            guard let url = URL(string: apiURL), url.scheme == "http" || url.scheme == "https" else {
                throw BarrackAPIError(.configuration, message: "--api-url '\(apiURL)' is not an http or https URL")
            }
            configuration.baseURL = url
            guard configuration.apiKey != nil else {
                throw BarrackAPIError(.configuration,
                                      message: "--api-url needs an API key: set BARRACK_API_KEY (a `barrack sandbox serve` accepts any)")
            }
        }
        if !options.forceSandbox, configuration.apiKey != nil {
            let client = try BarrackClient.http(configuration, logger: logger, explain: options.explain)
            let isLocal = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(configuration.baseURL.host ?? "")
            let scope = "\(configuration.baseURL.absoluteString) \(configuration.profile)"
            let backend = PlatformBackend(client: client, sandbox: nil,
                                          remoteClock: isLocal ? RemoteSandboxClock(client: client) : nil,
                                          configuration: configuration,
                                          ledger: ledger(scope: scope, environment: options.environment))
            return backend
        }
        var speed = Sandbox.defaultSpeed
        if let text = options.environment["BARRACK_SANDBOX_SPEED"] {
            guard let value = Double(text), value >= 0 else {
                throw BarrackAPIError(.configuration, message: "BARRACK_SANDBOX_SPEED must be a number of at least 0, not '\(text)'")
            }
            speed = value
        }
        let environment = options.environment
        let openSpeed = speed
        let reason = options.forceSandbox ? "--sandbox" : "no API key set"
        let announce = options.announce
        let holder = LazySandbox(
            open: { try Sandbox.openDefault(environment: environment, speed: openSpeed) },
            announce: { sandbox in
                let file = sandbox.status.file?.path ?? "memory"
                announce("barrack: using the sandbox, a simulated platform (\(reason); state in \(file))")
            })
        var transport: any Transport = LazySandboxTransport(holder: holder)
        if let explain = options.explain {
            // The in-process sandbox has no URL: the commands name the platform, whose calls they are.
            transport = ExplainingTransport(base: transport, baseURL: configuration.baseURL, explain: explain)
        }
        let client = BarrackClient(transport: transport, logger: logger)
        let folder = SandboxStore.defaultDirectory(environment: environment)?.path ?? "memory"
        let backend = PlatformBackend(client: client, sandbox: holder, configuration: configuration,
                                      ledger: ledger(scope: "sandbox \(folder)", environment: environment))
        return backend
    }

    /// A ledger for `scope` whose file, in the state folder, opens at the first create.
    private static func ledger(scope: String, environment: [String: String]) -> Ledger {
        guard let directory = StateDirectory.path(environment: environment) else { return Ledger() }
        return Ledger(store: { try LedgerStore(directory: directory, scope: scope) })
    }

    /// A backend on a sandbox the host has opened itself (the playground opens one per learner),
    /// with no configuration file, key or environment. The sandbox is open from the start, so
    /// scripts run on its simulated clock from their first statement.
    public static func sandboxed(_ sandbox: Sandbox) -> PlatformBackend {
        let holder = LazySandbox(opened: sandbox)
        let client = BarrackClient(transport: LazySandboxTransport(holder: holder),
                                   logger: Logger(label: "barrack.api") { _ in SwiftLogNoOpLogHandler() })
        return PlatformBackend(client: client, sandbox: holder, configuration: BarrackConfiguration())
    }

    /// The clock scripts should run on: the sandbox's, so that waits take simulated time.
    public var clock: (any ScriptClock)? {
        if let lazySandbox { return SimulatedClock { lazySandbox.ifOpened.map(SandboxTime.init) } }
        return remoteClock
    }

    /// Registers the platform built-ins, with the configuration's defaults, and the clock in
    /// `interpreter`; see `Platform.register` for `dryRun` and `notice`.
    ///
    /// `maxHourly` (`--max-hourly`) overrides the profile's `max_hourly` as the budget guard's limit.
    public func install(in interpreter: Interpreter, dryRun: Bool = false, maxHourly: Double? = nil,
                        confirmation: SpendConfirmation? = nil, notice: (@Sendable (String) -> Void)? = nil) {
        let budget = BudgetGuard(maxHourly: maxHourly ?? profileMaxHourly, confirmation: dryRun ? nil : confirmation,
                                 copier: SandboxCopier())
        Platform.register(in: interpreter, connection: ClientConnection(client: client),
                          dryRun: dryRun ? SandboxCopier() : nil, budget: budget, defaults: defaults, ledger: ledger,
                          notice: notice)
        if !dryRun, let clock { interpreter.clock = clock }
    }

    /// Saves the sandbox's state and releases it for other processes.
    public func close() throws {
        try sandbox?.close()
    }
}
