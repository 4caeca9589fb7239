import BarrackScript
import Foundation
import XCTest

/// Runs every golden script under `Tests/scripts/lang` through the built `barrack` binary; see
/// `GoldenScript` for how a script states what it must do.
final class GoldenScriptTests: XCTestCase {
    /// Long enough for `wait until … timeout` scripts; a hung script fails instead of hanging the suite.
    static let timeoutSeconds = 20.0
    /// Scripts are short and mostly start-up bound, so four at a time keeps 2 cores busy.
    static let concurrentScripts = 4

    func testEveryGoldenScript() throws {
        try runEveryScript(on: .tree)
    }

    /// The same scripts on the register VM (`BARRACK_ENGINE=vm`): the same output and errors.
    func testEveryGoldenScriptOnTheVM() throws {
        try runEveryScript(on: .vm)
    }

    private func runEveryScript(on engine: Engine) throws {
        let folder = TestPaths.scripts.appendingPathComponent("lang")
        let scripts = try GoldenScript.all(under: folder)
        XCTAssertGreaterThan(scripts.count, 0, "no golden scripts under \(folder.path)")
        guard let binary = TestPaths.binary() else { return }
        let environment = Engine.variables(engine)
        let failures = ConcurrentRuns.failures(of: scripts, concurrently: Self.concurrentScripts) { script in
            script.failures(for: ScriptRun.execute(binary: binary, script: script.url, timeout: Self.timeoutSeconds,
                                                   environment: environment))
                .map { engine == .vm ? "on the VM: " + $0 : $0 }
        }
        for failure in failures {
            XCTFail(failure)
        }
    }
}

extension Engine {
    /// This process's environment with `BARRACK_ENGINE` naming `engine`, for a spawned `barrack`.
    static func variables(_ engine: Engine, _ base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = base
        environment["BARRACK_ENGINE"] = engine.rawValue
        return environment
    }
}
