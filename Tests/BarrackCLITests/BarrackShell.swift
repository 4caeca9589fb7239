import Foundation
import XCTest

/// Runs `barrack ARGUMENTS` as a user would type it, in a fresh home of its own (its own sandbox
/// and config folder), with no terminal and no standard input.
final class BarrackShell: @unchecked Sendable {
    let binary: URL?
    let home: SandboxEnvironment

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        binary = TestPaths.binary(file: file, line: line)
        home = try SandboxEnvironment()
    }

    /// The run of `barrack arguments…`, with `environment` added to the fresh home's.
    func callAsFunction(_ arguments: String..., environment extra: [String: String] = [:]) -> ScriptRun {
        guard let binary else {
            return ScriptRun(standardOutput: "", standardError: "no binary", status: -1, timedOut: false, timeout: 0)
        }
        return ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: 30,
                                 environment: home.variables(extra))
    }

    /// Writes the config file `text`, readable by its owner alone unless `mode` says otherwise.
    func writeConfig(_ text: String, mode: Int = 0o600) throws {
        let folder = home.folder.appendingPathComponent("barrack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("config.toml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config.path)
    }

    /// The lines of standard error but the sandbox's notice.
    static func errors(_ run: ScriptRun) -> [Substring] {
        run.standardError.split(separator: "\n").filter { !SandboxEnvironment.isSandboxNotice($0) }
    }
}

/// Asserts that `run` is a usage error: exit status 2, with `expected` in its standard error.
func assertUsageError(_ run: ScriptRun, says expected: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(run.status, 2, run.standardError, file: file, line: line)
    XCTAssertTrue(run.standardError.contains(expected), "expected \"\(expected)\", got \(run.standardError)", file: file, line: line)
}
