import Foundation
import XCTest

/// Every example under `examples/` runs to the end against a fresh sandbox, quietly.
final class ExampleTests: XCTestCase {
    func testEveryExampleRunsOnAFreshSandbox() throws {
        let folder = TestPaths.root.appendingPathComponent("examples")
        let examples = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "brk" }.sorted { $0.path < $1.path }
        XCTAssertGreaterThan(examples.count, 0, "no examples under \(folder.path)")
        guard let binary = TestPaths.binary() else { return }
        let failures = ConcurrentRuns.failures(of: examples, concurrently: 4) { example in
            let name = "examples/" + example.lastPathComponent
            do {
                let home = try SandboxEnvironment()
                let run = ScriptRun.execute(binary: binary, script: example, timeout: 30, environment: home.variables())
                var failures: [String] = []
                if run.timedOut || run.status != 0 {
                    failures.append("\(name): expected exit status 0, got \(run.timedOut ? "a timeout" : "\(run.status)"): \(run.standardError)")
                }
                for line in run.standardError.split(separator: "\n") where !SandboxEnvironment.isSandboxNotice(line) {
                    failures.append("\(name): expected no standard error but the sandbox notice, got \"\(line)\"")
                }
                if run.standardOutput.isEmpty {
                    failures.append("\(name): expected some output, got none")
                }
                return failures
            } catch {
                return ["\(name): expected a fresh sandbox folder, got \(error)"]
            }
        }
        for failure in failures {
            XCTFail(failure)
        }
    }

    /// `--dry-run` runs every example to its end (`first_deploy` once failed with `KEY_ERROR`, and
    /// `region_fallback` never ended) and leaves nothing behind (`data_volume_startup` once left a
    /// volume and a startup script).
    func testEveryExampleDryRunsToItsEndAndLeavesNothingBehind() throws {
        let folder = TestPaths.root.appendingPathComponent("examples")
        let examples = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "brk" }.sorted { $0.path < $1.path }
        guard let binary = TestPaths.binary() else { return }
        let failures = ConcurrentRuns.failures(of: examples, concurrently: 4) { example in
            let name = "examples/" + example.lastPathComponent
            do {
                let home = try SandboxEnvironment()
                let run = ScriptRun.execute(binary: binary, script: example, timeout: 30, options: ["--dry-run"],
                                            environment: home.variables())
                var failures: [String] = []
                if run.timedOut || run.status != 0 {
                    failures.append("\(name) --dry-run: expected exit status 0, got \(run.timedOut ? "a timeout" : "\(run.status)"): \(run.standardError)")
                }
                let census = ScriptRun.execute(
                    binary: binary,
                    arguments: ["-e", "print instances().len() volumes().len() scripts().len() snapshots().len() firewalls().len() ssh_keys().len()"],
                    in: folder, timeout: 30, environment: home.variables())
                if census.standardOutput != "0 0 0 0 0 1\n" {
                    failures.append("\(name) --dry-run: expected the sandbox untouched (0 0 0 0 0 1), got \(census.standardOutput) \(census.standardError)")
                }
                return failures
            } catch {
                return ["\(name): expected a fresh sandbox folder, got \(error)"]
            }
        }
        for failure in failures {
            XCTFail(failure)
        }
    }
}
