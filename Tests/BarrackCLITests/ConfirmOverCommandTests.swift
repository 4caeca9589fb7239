import Foundation
import XCTest

/// `confirm_over` without a terminal: nothing is asked (a script in CI must not wait for an
/// answer), and a bad value in the config is an error naming its file and line.
final class ConfirmOverCommandTests: XCTestCase {
    static let deploy = "deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1"

    private func barrack(_ arguments: [String], home: SandboxEnvironment) throws -> ScriptRun {
        let binary = try XCTUnwrap(TestPaths.binary())
        return ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: 60,
                                 environment: home.variables())
    }

    private func writeConfig(_ text: String, home: SandboxEnvironment) throws -> String {
        let folder = home.folder.appendingPathComponent("barrack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testWithoutATerminalADeployOverTheThresholdGoesAheadWithoutAsking() throws {
        let home = try SandboxEnvironment()
        _ = try writeConfig("[profiles.default]\nconfirm_over = 1\n", home: home)
        let run = try barrack(["-e", Self.deploy + "\nprint instances().len()"], home: home)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "1\n")
        XCTAssertFalse(run.standardError.contains("[y/N]"), run.standardError)
        XCTAssertFalse(run.standardError.contains("Go ahead?"), run.standardError)
    }

    func testBadConfirmOverValuesAreConfigurationErrorsNamingTheLine() throws {
        let home = try SandboxEnvironment()
        let cases = [
            ("confirm_over = -1", "'confirm_over' must be between 0 and 1000000, not -1"),
            ("confirm_over = \"ten\"", "'confirm_over' must be an integer, not a string"),
            ("confirm_over = ten", "expected a string in quotes, true, false or an integer, found 'ten'"),
        ]
        for (line, message) in cases {
            let path = try writeConfig("[profiles.default]\n\(line)\n", home: home)
            let run = try barrack(["-e", "print 1"], home: home)
            XCTAssertEqual(run.status, 1, line)
            XCTAssertEqual(run.standardOutput, "", line)
            XCTAssertTrue(run.standardError.contains("\(path):2:"), "\(line): \(run.standardError)")
            XCTAssertTrue(run.standardError.contains(message), "\(line): \(run.standardError)")
        }
    }
}
