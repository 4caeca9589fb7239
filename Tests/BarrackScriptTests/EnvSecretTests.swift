import BarrackScript
import Foundation
import XCTest

/// `env` reads a secret variable as `"<redacted>"` unless the host allows
/// `Capabilities.secretEnvironment` (issue 12: the key must not reach a script's output).
final class EnvSecretTests: XCTestCase {
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ piece: String) { lock.withLock { text += piece } }
        var lines: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
    }

    private func lines(_ code: String, capabilities: Capabilities) throws -> [String] {
        let interpreter = Interpreter(capabilities: capabilities)
        let output = Output()
        interpreter.output = { output.append($0) }
        let program = try interpreter.compile(Source(name: "test", text: code))
        nonisolated(unsafe) var failure: Error?
        ThreadLauncher.runAndWait {
            do { try interpreter.run(program) } catch { failure = error }
        }
        if let failure { throw failure }
        return output.lines
    }

    func testSecretVariablesAreRedactedUnlessTheHostAllowsThem() throws {
        let canary = "brk_canary_ENV_5f1e0c7a9b"
        setenv("BARRACK_API_KEY", canary, 1)
        setenv("RELIABILITY_TEST_TOKEN", canary, 1)
        setenv("RELIABILITY_TEST_REGION", "FINLAND-1", 1)
        defer {
            unsetenv("BARRACK_API_KEY")
            unsetenv("RELIABILITY_TEST_TOKEN")
            unsetenv("RELIABILITY_TEST_REGION")
        }
        let code = """
            print env("BARRACK_API_KEY")
            print env("RELIABILITY_TEST_TOKEN")
            print env("RELIABILITY_TEST_REGION")
            print env("RELIABILITY_TEST_UNSET_KEY")
            """
        XCTAssertEqual(try lines(code, capabilities: .all), ["<redacted>", "<redacted>", "FINLAND-1", "nil"])
        XCTAssertEqual(try lines(code, capabilities: Capabilities.all.union(.secretEnvironment)),
                       [canary, canary, "FINLAND-1", "nil"])
    }
}
