import Foundation
import XCTest

/// Issue 12: a canary key never appears in standard output, standard error, `--verbose` traces,
/// error messages, the sandbox's files, the server's log or a config error; `env` reads it as
/// `<redacted>`. The REPL history is checked by `REPLSecretCanaryTests`.
final class SecretCanaryTests: XCTestCase {
    /// Long, with letters and digits: the shape of a real key.
    static let canary = "brk_canary_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    func testTheCanaryKeyLeaksNowhere() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        let keyed = home.variables(["BARRACK_API_KEY": Self.canary])
        var places: [(String, String)] = []

        // Over HTTP, to a server that requires exactly this key, tracing every request.
        let server = try SandboxServerProcess(binary: binary, options: ["--key", Self.canary], timeout: 60)
        let script = """
            print env("BARRACK_API_KEY")
            print balance().currency
            try { instance("BRK-000000VM") } catch err { print err.code err.message }
            let key = create_ssh_key(name: "canary-check")
            print key.name
            instance("BRK-000001VM")
            """
        let http = ScriptRun.execute(binary: binary, arguments: ["run", "--verbose", "--api-url", server.baseURL, "-e", script],
                                     in: home.folder, timeout: 60, environment: keyed)
        XCTAssertEqual(http.status, 1, "the last line fails on purpose: \(http.standardError)")
        XCTAssertTrue(http.standardOutput.hasPrefix("<redacted>\nUSD\nNOT_FOUND"), http.standardOutput)
        XCTAssertTrue(http.standardError.contains("GET /api/balance/ -> 200"), "--verbose traces: \(http.standardError)")
        XCTAssertTrue(http.standardError.contains("NOT_FOUND"), "the uncaught error: \(http.standardError)")
        places += [("standard output", http.standardOutput), ("standard error and --verbose traces", http.standardError)]
        server.stop()
        places.append(("the server's log", server.log))

        // Nothing listens on the discard port: a network error.
        let refused = ScriptRun.execute(
            binary: binary, arguments: ["run", "--api-url", "http://127.0.0.1:9", "-e", "balance()"],
            in: home.folder, timeout: 60, environment: keyed)
        XCTAssertNotEqual(refused.status, 0)
        places.append(("a network error", refused.standardOutput + refused.standardError))

        // The in-process sandbox: its state files.
        let local = ScriptRun.execute(binary: binary, arguments: ["run", "--sandbox", "--verbose", "-e", script],
                                      in: home.folder, timeout: 60, environment: keyed)
        places.append(("standard streams with the sandbox", local.standardOutput + local.standardError))
        let data = home.folder.appendingPathComponent("barrack")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? [] {
            let contents = (try? Data(contentsOf: data.appendingPathComponent(name))) ?? Data()
            places.append(("the sandbox file \(name)", String(decoding: contents, as: UTF8.self)))
        }

        // A config file with the key unquoted: the parse error.
        let config = home.folder.appendingPathComponent("barrack/config.toml")
        try "[profiles.default]\napi_key = \(Self.canary)\n".write(to: config, atomically: true, encoding: .utf8)
        let badConfig = ScriptRun.execute(binary: binary, arguments: ["run", "-e", "print 1"], in: home.folder,
                                          timeout: 60, environment: home.variables())
        XCTAssertNotEqual(badConfig.status, 0)
        XCTAssertTrue(badConfig.standardError.contains("config.toml:2:"), badConfig.standardError)
        places.append(("a config file's parse error", badConfig.standardOutput + badConfig.standardError))

        let leaks = places.filter { $0.1.contains(Self.canary) || $0.1.contains(String(Self.canary.suffix(12))) }
        XCTAssertEqual(leaks.map(\.0), [], "the canary key leaked")
        print("secret canary: \(places.count) places checked, \(leaks.count) leaks")
    }
}
