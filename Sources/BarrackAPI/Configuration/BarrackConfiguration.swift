import Foundation
import Logging

/// How `barrack` prints results.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned text: tables and key-value blocks (a script's `print` writes literal forms).
    case table
    /// JSON.
    case json
    /// YAML (command-line verbs and `show`; a script's `print` writes literal forms).
    case yaml
}

/// The settings the client runs with, after the config file and the environment are combined.
public struct BarrackConfiguration: Sendable, Equatable {
    /// The profile these settings came from.
    public var profile: String
    /// `nil` when no key is configured (the CLI then uses the sandbox).
    public var apiKey: APIKey?
    public var baseURL: URL
    public var region: RegionEnum?
    public var output: OutputFormat?
    public var timeout: Duration
    public var maxAttempts: Int
    /// The profile's `max_hourly`: the most the account may spend per hour through scripts.
    public var maxHourly: Double?
    /// The profile's `confirm_over`: a call adding more than this per hour is confirmed on a terminal.
    public var confirmOver: Double?
    /// The profile's `max_memory` in bytes: how much a script run may grow (`barrack run`).
    public var maxMemory: Int?
    /// The wait before the first retry, doubling after each; `nil` keeps the policy's.
    public var retryDelay: Duration?
    /// The config file read, if one was found.
    public var configFile: String?
    /// Things a person should hear about (a config file others can read), one line each.
    public var warnings: [String]

    public init(
        profile: String = ConfigurationLoader.defaultProfile, apiKey: APIKey? = nil,
        baseURL: URL = URL(string: BarrackAPI.defaultBaseURL) ?? URL(fileURLWithPath: "/"),
        region: RegionEnum? = nil, output: OutputFormat? = nil, timeout: Duration = .seconds(60),
        maxAttempts: Int = RetryPolicy.standard.maxAttempts, configFile: String? = nil, warnings: [String] = []
    ) {
        self.profile = profile
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.region = region
        self.output = output
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.configFile = configFile
        self.warnings = warnings
    }
}

extension BarrackClient {
    /// A client that speaks HTTP to the platform with `configuration`'s key, URL and limits.
    ///
    /// Throws `CONFIGURATION` for an unusable URL and `INVALID_REQUEST` for a key that would go over
    /// plain HTTP to another machine.
    ///
    /// With `explain`, each request is told as a `curl` command first (`ExplainingTransport`).
    public static func http(
        _ configuration: BarrackConfiguration, retryPolicy: RetryPolicy = .standard,
        logger: Logger = Logger(label: "barrack.api"), explain: (@Sendable (String) -> Void)? = nil
    ) throws -> BarrackClient {
        if configuration.apiKey != nil, let problem = URLSecurity.problemSendingKey(to: configuration.baseURL) {
            throw BarrackAPIError(.invalidRequest, message: problem)
        }
        var policy = retryPolicy
        policy.maxAttempts = configuration.maxAttempts
        if let delay = configuration.retryDelay { policy.initialDelay = delay }
        var transport: any Transport = try HTTPTransport(baseURL: configuration.baseURL)
        if let explain { transport = ExplainingTransport(base: transport, baseURL: configuration.baseURL, explain: explain) }
        return BarrackClient(
            transport: transport, apiKey: configuration.apiKey,
            retryPolicy: policy, timeout: configuration.timeout, logger: logger)
    }
}
