import Foundation

/// Reads the config file and the environment into a `BarrackConfiguration`.
///
/// The file is `$BARRACK_CONFIG`, else `$XDG_CONFIG_HOME/barrack/config.toml`, else
/// `$HOME/.config/barrack/config.toml`; a missing file is no error. It holds one table per profile:
///
/// ```toml
/// [profiles.default]
/// api_key = "brk_…"
/// region = "FINLAND-1"
///
/// [profiles.staging]
/// api_url = "https://staging.example/api/"
/// output = "json"
/// ```
///
/// The profile is the `profile` argument (`--profile`), else `$BARRACK_PROFILE`, else `default`.
/// The environment overrides the file: `BARRACK_API_KEY`, `BARRACK_API_URL`, `BARRACK_REGION`,
/// `BARRACK_OUTPUT`. Everything comes in as parameters, so tests need no real home folder.
public enum ConfigurationLoader {
    public static let defaultProfile = "default"

    /// The keys a profile table may hold, and what each must be.
    static let profileKeys: [String: String] = [
        "api_key": "a string", "api_url": "a string", "region": "a string", "output": "a string",
        "timeout_seconds": "an integer", "max_attempts": "an integer", "retry_delay_ms": "an integer",
        "max_hourly": "an integer", "confirm_over": "an integer", "max_memory": "a string",
    ]

    /// Loads the configuration.
    ///
    /// - Parameters:
    ///   - profile: the profile named on the command line, if any.
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    /// - Throws: `BarrackAPIError` `CONFIGURATION` naming the file, line and column of a bad file, or
    ///   the variable of a bad value.
    public static func load(profile: String? = nil, environment: [String: String]) throws -> BarrackConfiguration {
        let chosen = profile ?? environment["BARRACK_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultProfile
        var configuration = BarrackConfiguration(profile: chosen)
        var settings: [String: (value: TOMLSubset.Value, place: String)] = [:]

        if let path = configFilePath(environment: environment), FileManager.default.fileExists(atPath: path) {
            configuration.configFile = path
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw BarrackAPIError(.configuration, message: "cannot read the config file \(path): \(error.localizedDescription)")
            }
            if let warning = permissionWarning(path: path) { configuration.warnings.append(warning) }
            let profiles = try readProfiles(text, path: path)
            if let table = profiles[chosen] {
                for entry in table.entries { settings[entry.key] = (entry.value, "\(path):\(entry.line):\(entry.column)") }
            } else if chosen != defaultProfile || profile != nil {
                let known = profiles.keys.sorted().joined(separator: ", ")
                throw BarrackAPIError(
                    .configuration,
                    message: "no profile '\(chosen)' in \(path) (it has: \(known.isEmpty ? "none" : known))")
            }
        } else if chosen != defaultProfile {
            throw BarrackAPIError(.configuration, message: "no profile '\(chosen)': there is no config file")
        }

        let overrides = [
            ("BARRACK_API_KEY", "api_key"), ("BARRACK_API_URL", "api_url"), ("BARRACK_REGION", "region"),
            ("BARRACK_OUTPUT", "output"),
        ]
        for (variable, key) in overrides {
            if let value = environment[variable], !value.isEmpty { settings[key] = (.string(value), "$\(variable)") }
        }
        try apply(settings, to: &configuration)
        return configuration
    }

    /// Where the config file is looked for.
    public static func configFilePath(environment: [String: String]) -> String? {
        if let explicit = environment["BARRACK_CONFIG"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/barrack/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/barrack/config.toml" }
        return nil
    }

    /// The profile tables of a config file, by name.
    static func readProfiles(_ text: String, path: String) throws -> [String: TOMLSubset.Table] {
        let tables: [TOMLSubset.Table]
        do {
            tables = try TOMLSubset.parse(text)
        } catch let error as TOMLSubset.ParseError {
            let message = secretFreeMessage(error.message, line: sourceLine(error.line, of: text))
            throw BarrackAPIError(.configuration, message: "\(path):\(error.line):\(error.column): \(message)")
        }
        var profiles: [String: TOMLSubset.Table] = [:]
        for table in tables {
            if table.path.isEmpty {
                if let entry = table.entries.first {
                    throw BarrackAPIError(
                        .configuration,
                        message: "\(path):\(entry.line):\(entry.column): '\(entry.key)' must be inside a profile table such as [profiles.default]")
                }
                continue
            }
            guard table.path.count == 2, table.path[0] == "profiles" else {
                if table.path == ["profiles"] { continue }
                throw BarrackAPIError(
                    .configuration,
                    message: "\(path):\(table.line):1: unknown table [\(table.path.joined(separator: "."))]; profiles are written [profiles.NAME]")
            }
            for entry in table.entries {
                guard let expected = profileKeys[entry.key] else {
                    throw BarrackAPIError(
                        .configuration,
                        message: "\(path):\(entry.line):\(entry.column): unknown key '\(entry.key)'; a profile may set \(profileKeys.keys.sorted().joined(separator: ", "))")
                }
                guard entry.value.typeName == expected else {
                    throw BarrackAPIError(
                        .configuration,
                        message: "\(path):\(entry.line):\(entry.column): '\(entry.key)' must be \(expected), not \(entry.value.typeName)")
                }
            }
            profiles[table.path[1]] = table
        }
        return profiles
    }

    private static func apply(
        _ settings: [String: (value: TOMLSubset.Value, place: String)], to configuration: inout BarrackConfiguration
    ) throws {
        func string(_ key: String) -> (String, String)? {
            guard let (value, place) = settings[key], case .string(let text) = value else { return nil }
            return (text, place)
        }
        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let (value, place) = settings[key], case .integer(let number) = value else { return nil }
            guard range.contains(number) else {
                throw BarrackAPIError(
                    .configuration,
                    message: "\(place): '\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
            }
            return number
        }
        if let (key, _) = string("api_key"), !key.isEmpty { configuration.apiKey = APIKey(key) }
        if let (text, place) = string("api_url") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host != nil
            else {
                throw BarrackAPIError(.configuration, message: "\(place): the API URL '\(text)' is not an absolute http(s) URL")
            }
            configuration.baseURL = url
        }
        if let (text, place) = string("region") {
            let region = RegionEnum(rawValue: text)
            if !region.isKnown {
                configuration.warnings.append(
                    "\(place): region '\(text)' is not one this version knows (\(RegionEnum.knownCases.map(\.rawValue).joined(separator: ", "))); it is sent as written")
            }
            configuration.region = region
        }
        if let (text, place) = string("output") {
            guard let output = OutputFormat(rawValue: text.lowercased()) else {
                let formats = OutputFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw BarrackAPIError(.configuration, message: "\(place): output must be one of \(formats), not '\(text)'")
            }
            configuration.output = output
        }
        // A minute is the platform's longest plausible answer; an hour is surely a mistake.
        if let seconds = try integer("timeout_seconds", in: 1...3600) { configuration.timeout = .seconds(seconds) }
        // 20 attempts outlast even a platform failing half of all requests (0.5^20 ≈ 1e-6).
        if let attempts = try integer("max_attempts", in: 1...20) { configuration.maxAttempts = attempts }
        if let delay = try integer("retry_delay_ms", in: 1...60_000) { configuration.retryDelay = .milliseconds(delay) }
        // The budget guard's limit in the account's currency per hour; 0 allows no new spend.
        if let limit = try integer("max_hourly", in: 0...1_000_000) { configuration.maxHourly = Double(limit) }
        // The REPL and `run` ask on a terminal before a call adding more than this per hour.
        if let threshold = try integer("confirm_over", in: 0...1_000_000) { configuration.confirmOver = Double(threshold) }
        // How much `barrack run` lets a script grow; `--max-memory` overrides it.
        if let (text, place) = string("max_memory") {
            guard let size = ByteSize(text) else {
                throw BarrackAPIError(.configuration,
                                      message: "\(place): max_memory must be a size such as \"512M\" or \"2G\", not '\(text)'")
            }
            configuration.maxMemory = size.bytes
        }
        if configuration.apiKey != nil, let problem = URLSecurity.problemSendingKey(to: configuration.baseURL) {
            let place = settings["api_url"]?.place ?? "the API URL"
            throw BarrackAPIError(.configuration, message: "\(place): \(problem)")
        }
    }

    /// Whether a key of the file holds a secret, whose value no message may show.
    static func isSecret(key: String) -> Bool {
        let lowered = key.lowercased()
        return ["key", "secret", "token", "password"].contains { lowered.contains($0) }
    }

    /// The line numbered `number` (from 1) of `text`, or `""`.
    static func sourceLine(_ number: Int, of text: String) -> String {
        guard number >= 1 else { return "" }
        var index = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if index == number { return String(line) }
            index += 1
        }
        return ""
    }

    /// `message` about `line`, without any piece of the value when the line sets a secret key:
    /// a parser quotes what it found (`found 'brk_live_…'`), and an unquoted key is exactly such a
    /// find.
    static func secretFreeMessage(_ message: String, line: String) -> String {
        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return message }
        let key = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        guard isSecret(key: key) else { return message }
        let pieces = parts[1].split(whereSeparator: { " \t\"'#".contains($0) }).map(String.init)
        let redacted = Redaction(secrets: pieces).apply(message)
        guard redacted != message else { return message }
        return "the value of '\(key)' cannot be read: write it as a string in quotes (\(key) = \"…\"); "
            + "it is not shown because it is a secret"
    }

    /// A warning when others than the owner may read the file, which may hold the key.
    static func permissionWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { return nil }
        guard mode & 0o044 != 0 else { return nil }
        return "the config file \(path) can be read by other users (mode \(String(mode & 0o777, radix: 8))); "
            + "it may hold your API key: run chmod 600 \(path)"
    }
}
