import BarrackScript
import Foundation
import XCTest

/// Runs the golden platform scripts under `Tests/scripts/platform`, each against a fresh sandbox:
/// in-process (the default backend with no API key), and over HTTP against a `barrack sandbox
/// serve` of its own.
///
/// Scripts under `platform/http/` need a server (a wrong key, injected faults) and run only over
/// HTTP; every other script must give the same output both ways.
final class PlatformGoldenScriptTests: XCTestCase {
    /// Debug builds of deploy-and-wait scripts take about a second; a hung script fails instead.
    static let timeoutSeconds = 30.0
    /// Each HTTP script is two processes, so two at a time on 2 cores.
    static let concurrentScripts = 4
    static let concurrentServers = 2

    static var folder: URL { TestPaths.scripts.appendingPathComponent("platform") }

    func testEveryPlatformScriptOnTheInProcessSandbox() throws {
        try runInProcess(on: .tree)
    }

    /// The same scripts on the register VM: the same output, errors and requests.
    func testEveryPlatformScriptOnTheVM() throws {
        try runInProcess(on: .vm)
    }

    private func runInProcess(on engine: Engine) throws {
        let scripts = try GoldenScript.all(under: Self.folder).filter { !$0.needsServer }
        XCTAssertGreaterThan(scripts.count, 0, "no golden scripts under \(Self.folder.path)")
        guard let binary = TestPaths.binary() else { return }
        let failures = ConcurrentRuns.failures(of: scripts, concurrently: Self.concurrentScripts) { script in
            do {
                let home = try SandboxEnvironment()
                let trace = engine == .tree ? APITrace.variables(for: script, "in-process") : [:]
                let run = ScriptRun.execute(binary: binary, script: script.url, timeout: Self.timeoutSeconds,
                                            environment: Engine.variables(engine, home.variables(trace)))
                return (script.failures(for: run) + script.unexpectedErrorOutput(in: run))
                    .map { engine == .vm ? "on the VM: " + $0 : $0 }
            } catch {
                return ["\(script.name):1: expected a fresh sandbox folder, got \(error)"]
            }
        }
        for failure in failures {
            XCTFail(failure)
        }
    }

    func testPlatformScriptsOverHTTP() throws {
        // Every script, waits included: a script's sleeps move the server's clock over HTTP.
        let scripts = try GoldenScript.all(under: Self.folder)
        XCTAssertGreaterThan(scripts.filter(\.needsServer).count, 0, "no HTTP-only scripts under \(Self.folder.path)/http")
        guard let binary = TestPaths.binary() else { return }
        let failures = ConcurrentRuns.failures(of: scripts, concurrently: Self.concurrentServers) { script in
            do {
                let server = try SandboxServerProcess(binary: binary, options: script.serverOptions,
                                                      timeout: Self.timeoutSeconds,
                                                      extraVariables: APITrace.variables(for: script, "http"))
                defer { server.stop() }
                let home = try SandboxEnvironment()
                let run = ScriptRun.execute(binary: binary, script: script.url, timeout: Self.timeoutSeconds,
                                            options: ["--api-url", server.baseURL],
                                            environment: home.variables(["BARRACK_API_KEY": "test"]))
                return script.failures(for: run).map { "over HTTP: " + $0 }
            } catch {
                return ["over HTTP: \(script.name):1: expected a sandbox server, got \(error)"]
            }
        }
        for failure in failures {
            XCTFail(failure)
        }
    }

    /// The scripts together call every platform built-in: each of the 67 names appears in the code
    /// of at least one script.
    func testScriptsCallEveryPlatformBuiltin() throws {
        guard let binary = TestPaths.binary() else { return }
        let code = try GoldenScript.all(under: Self.folder).map(\.code).joined(separator: "\n")
        let names = try BuiltinList.platformBuiltins(binary: binary).map(\.name)
        XCTAssertEqual(names.count, 67)
        for name in names {
            let pattern = "(?<![A-Za-z0-9_.])" + name + "(?![A-Za-z0-9_])"
            XCTAssertNotNil(code.range(of: pattern, options: .regularExpression),
                            "expected a platform script calling \(name), got none")
        }
    }

    /// The platform error codes of barrack-api.md section 1, each caught by at least one script.
    func testScriptsCatchEveryPlatformErrorCode() throws {
        let code = try GoldenScript.all(under: Self.folder).map(\.code).joined(separator: "\n")
        let codes = ["MISSING_FIELD", "INVALID_NAME", "INVALID_VALUE", "NOT_SUPPORTED_IN_TIER",
                     "SSH_KEY_INVALID_FOR_VOLUME_BOOT", "INSUFFICIENT_CREDITS", "NOT_FOUND", "SSH_KEY_NOT_FOUND",
                     "DUPLICATE_NAME", "OUT_OF_STOCK", "INVALID_STATE", "VOLUME_NOT_AVAILABLE", "IN_USE",
                     "LIMIT_REACHED", "UNAUTHORIZED", "RATE_LIMITED", "SERVER_ERROR"]
        for errorCode in codes {
            XCTAssertTrue(code.contains("err.code == \(errorCode)"),
                          "expected a platform script with `catch err where err.code == \(errorCode)`, got none")
        }
    }
}

extension GoldenScript {
    /// Whether the script must run against a sandbox server (it sits under `platform/http/`).
    var needsServer: Bool { name.contains("/platform/http/") }

    /// Standard error lines other than the sandbox's notice and the line saying what the run left
    /// running, for scripts expected to succeed.
    func unexpectedErrorOutput(in run: ScriptRun) -> [String] {
        guard error == nil, run.status == 0 else { return [] }
        return run.standardError.split(separator: "\n")
            .filter { !SandboxEnvironment.isSandboxNotice($0) && !SandboxEnvironment.isLeftRunningLine($0) }
            .map { "\(name):1: expected no standard error but the sandbox notice and what is left running, got \"\($0)\"" }
    }
}
