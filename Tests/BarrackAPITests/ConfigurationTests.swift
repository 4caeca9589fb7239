@testable import BarrackAPI
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("barrack-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("barrack"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes the config file under a fake XDG_CONFIG_HOME and returns that environment.
    func environment(file text: String, mode: Int = 0o600, extra: [String: String] = [:]) throws -> [String: String] {
        let path = folder.appendingPathComponent("barrack/config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return ["XDG_CONFIG_HOME": folder.path].merging(extra) { $1 }
    }

    static let file = """
        # two accounts
        [profiles.default]
        api_key = "brk_default_key_0000000000"
        region = "FINLAND-1"   # where most work runs

        [profiles.teaching]
        api_key = 'brk_teaching_key_1111111111'
        api_url = "http://127.0.0.1:8080"
        output = "json"
        timeout_seconds = 5
        max_attempts = 1
        """

    func testTheDefaultProfileIsRead() throws {
        let configuration = try ConfigurationLoader.load(environment: environment(file: Self.file))
        XCTAssertEqual(configuration.profile, "default")
        XCTAssertEqual(configuration.apiKey, APIKey("brk_default_key_0000000000"))
        XCTAssertEqual(configuration.region, .finland1)
        XCTAssertEqual(configuration.baseURL.absoluteString, BarrackAPI.defaultBaseURL)
        XCTAssertEqual(configuration.warnings, [])
    }

    func testTheProfileArgumentWinsOverTheEnvironmentsProfile() throws {
        let env = try environment(file: Self.file, extra: ["BARRACK_PROFILE": "default"])
        let configuration = try ConfigurationLoader.load(profile: "teaching", environment: env)
        XCTAssertEqual(configuration.profile, "teaching")
        XCTAssertEqual(configuration.output, .json)
        XCTAssertEqual(configuration.baseURL.absoluteString, "http://127.0.0.1:8080")
        XCTAssertEqual(configuration.timeout, .seconds(5))
        XCTAssertEqual(configuration.maxAttempts, 1)
        let fromEnvironment = try ConfigurationLoader.load(environment: env.merging(["BARRACK_PROFILE": "teaching"]) { $1 })
        XCTAssertEqual(fromEnvironment.profile, "teaching")
    }

    func testTheEnvironmentOverridesTheFile() throws {
        let env = try environment(
            file: Self.file, extra: ["BARRACK_API_KEY": "brk_from_env_2222222222", "BARRACK_REGION": "ICELAND-1"])
        let configuration = try ConfigurationLoader.load(environment: env)
        XCTAssertEqual(configuration.apiKey, APIKey("brk_from_env_2222222222"))
        XCTAssertEqual(configuration.region, .iceland1)
    }

    func testNoFileNeedsNoProfile() throws {
        let configuration = try ConfigurationLoader.load(environment: ["HOME": folder.path, "BARRACK_API_KEY": "k"])
        XCTAssertEqual(configuration.apiKey, APIKey("k"))
        XCTAssertNil(configuration.configFile)
        XCTAssertThrowsError(try ConfigurationLoader.load(profile: "work", environment: ["HOME": folder.path]))
    }

    func testAnUnknownProfileIsAnErrorListingTheKnownOnes() throws {
        let env = try environment(file: Self.file)
        XCTAssertThrowsError(try ConfigurationLoader.load(profile: "prod", environment: env)) { error in
            XCTAssertTrue("\(error)".contains("no profile 'prod'"), "\(error)")
            XCTAssertTrue("\(error)".contains("default, teaching"), "\(error)")
        }
    }

    func testAFileOthersCanReadGetsAWarning() throws {
        let configuration = try ConfigurationLoader.load(environment: environment(file: Self.file, mode: 0o644))
        XCTAssertEqual(configuration.warnings.count, 1)
        XCTAssertTrue(configuration.warnings[0].contains("can be read by other users (mode 644)"), configuration.warnings[0])
        XCTAssertTrue(configuration.warnings[0].contains("chmod 600"))
        XCTAssertFalse(configuration.warnings[0].contains("brk_default_key"))
        // The command line puts "barrack: warning: " in front; the warning does not say it again.
        XCTAssertFalse(configuration.warnings[0].hasPrefix("warning:"), configuration.warnings[0])
    }

    func testAKeyOverPlainHTTPToAnotherMachineIsRefused() throws {
        let env = try environment(file: """
            [profiles.default]
            api_key = "brk_default_key_0000000000"
            api_url = "http://barrack.example/api/"
            """)
        XCTAssertThrowsError(try ConfigurationLoader.load(environment: env)) { error in
            XCTAssertTrue("\(error)".contains("config.toml:3:1: refusing to send the API key over plain HTTP"), "\(error)")
            XCTAssertFalse("\(error)".contains("brk_default_key"))
        }
    }

    func testConfirmOverIsRead() throws {
        let configuration = try ConfigurationLoader.load(environment: environment(file: "[profiles.default]\nconfirm_over = 25\n"))
        XCTAssertEqual(configuration.confirmOver, 25)
        XCTAssertNil(try ConfigurationLoader.load(environment: environment(file: "[profiles.default]\n")).confirmOver)
    }

    func testMaxMemoryIsReadAsASize() throws {
        let configuration = try ConfigurationLoader.load(environment: environment(file: "[profiles.default]\nmax_memory = \"2G\"\n"))
        XCTAssertEqual(configuration.maxMemory, 2_147_483_648)
        XCTAssertNil(try ConfigurationLoader.load(environment: environment(file: "[profiles.default]\n")).maxMemory)
    }

    func testErrorsNameTheLineAndColumn() throws {
        let cases: [(String, String)] = [
            ("[profiles.default]\napi_key = \"brk_half_typed\n", "config.toml:2:11: unterminated string"),
            ("[profiles.default]\nregion = FINLAND-1\n", "config.toml:2:10: expected a string in quotes"),
            ("[profiles.default]\n  api_kye = \"x\"\n", "config.toml:2:3: unknown key 'api_kye'"),
            ("[profiles.default]\nmax_attempts = \"3\"\n", "config.toml:2:1: 'max_attempts' must be an integer, not a string"),
            ("api_key = \"x\"\n", "config.toml:1:1: 'api_key' must be inside a profile table"),
            ("[profile.default]\n", "config.toml:1:1: unknown table [profile.default]"),
            ("[profiles.default]\nregion = \"A\"\nregion = \"B\"\n", "config.toml:3:1: the key 'region' appears twice"),
            ("[profiles.default]\nmax_attempts = 99\n", "config.toml:2:1: 'max_attempts' must be between 1 and 20, not 99"),
            ("[profiles.default]\noutput = \"xml\"\n", "output must be one of 'table', 'json', 'yaml', not 'xml'"),
            ("[profiles.default]\nregion = [\"A\"]\n", "config.toml:2:10: arrays are not supported"),
            ("[profiles.default]\nconfirm_over = -1\n", "config.toml:2:1: 'confirm_over' must be between 0 and 1000000, not -1"),
            ("[profiles.default]\nconfirm_over = \"ten\"\n", "config.toml:2:1: 'confirm_over' must be an integer, not a string"),
            ("[profiles.default]\nmax_memory = \"lots\"\n", "config.toml:2:1: max_memory must be a size such as \"512M\" or \"2G\", not 'lots'"),
            ("[profiles.default]\nmax_memory = 1024\n", "config.toml:2:1: 'max_memory' must be a string, not an integer"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try ConfigurationLoader.load(environment: environment(file: text)), text) { error in
                XCTAssertEqual((error as? BarrackAPIError)?.code, "CONFIGURATION")
                XCTAssertTrue("\(error)".contains(expected), "expected '\(expected)' in: \(error)")
            }
        }
    }

    func testTOMLStringsAndIntegers() throws {
        let tables = try TOMLSubset.parse(#"""
            [a."b c"]
            s = "tab\there \u00e9 \"q\""  # comment
            l = 'C:\path'
            n = -1_000
            t = true
            """#)
        XCTAssertEqual(tables.last?.path, ["a", "b c"])
        XCTAssertEqual(tables.last?.entries.map(\.value), [
            .string("tab\there é \"q\""), .string(#"C:\path"#), .integer(-1000), .bool(true),
        ])
    }

    func testTheHTTPClientRefusesAnInsecureURLForAKey() {
        let configuration = BarrackConfiguration(
            apiKey: APIKey("k"), baseURL: URL(string: "http://10.1.2.3/api/")!)
        XCTAssertThrowsError(try BarrackClient.http(configuration)) { error in
            XCTAssertEqual((error as? BarrackAPIError)?.code, "INVALID_REQUEST")
        }
        XCTAssertNoThrow(try BarrackClient.http(BarrackConfiguration(apiKey: APIKey("k"), baseURL: URL(string: "http://[::1]:9000")!)))
    }

    /// Issue 12: an unquoted key was echoed by the parse error (`found 'SECRET'`).
    func testAnUnquotedKeyIsNotEchoedByTheError() throws {
        let secret = "brk_live_UNQUOTED_0123456789"
        for line in ["api_key = \(secret)", "api_key = \(secret) # mine", "api_key=\(secret)x y", "api_key = \"\(secret)"] {
            let env = try environment(file: "[profiles.default]\n\(line)\n")
            XCTAssertThrowsError(try ConfigurationLoader.load(environment: env), line) { error in
                let text = "\(error) \(String(reflecting: error)) \((error as? BarrackAPIError)?.message ?? "")"
                XCTAssertFalse(text.contains("UNQUOTED"), "the key leaked: \(text)")
                XCTAssertTrue(text.contains("config.toml:2:"), text)
            }
        }
        // A value that is no secret is still quoted back, to show what was found.
        let env = try environment(file: "[profiles.default]\nregion = FINLAND\n")
        XCTAssertThrowsError(try ConfigurationLoader.load(environment: env)) { error in
            XCTAssertTrue("\(error)".contains("FINLAND"), "\(error)")
        }
    }
}
