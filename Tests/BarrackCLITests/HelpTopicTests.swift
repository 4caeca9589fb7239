import Foundation
import XCTest

/// `barrack help api` says where the API's OpenAPI document is and how to fuzz the sandbox with it.
final class HelpTopicTests: XCTestCase {
    func testHelpAPINamesTheDocumentAndItsRoute() throws {
        guard let binary = TestPaths.binary() else { return }
        let run = ScriptRun.execute(binary: binary, arguments: ["help", "api"], in: FileManager.default.temporaryDirectory,
                                    timeout: 30)
        XCTAssertEqual(run.status, 0, run.standardError)
        for text in ["api/barrack.openapi.yaml", "/api/openapi.json", "schemathesis run"] {
            XCTAssertTrue(run.standardOutput.contains(text), "expected `barrack help api` to mention \(text), got \(run.standardOutput)")
        }
        let unknown = ScriptRun.execute(binary: binary, arguments: ["help", "nosuchtopic"],
                                        in: FileManager.default.temporaryDirectory, timeout: 30)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.standardError.contains("no built-in, command or topic named 'nosuchtopic'"), unknown.standardError)
    }

    /// Issue 14: `help plan`, `help budget` and `help costs` explain the feature, not only one part.
    func testHelpExplainsPlanBudgetAndCosts() throws {
        guard let binary = TestPaths.binary() else { return }
        let expectations: [(String, [String])] = [
            ("plan", ["throw-away copy", "nothing but reads", "-detailed-exitcode: 0 no changes, 2 changes, 1", "--json"]),
            ("budget", ["budget max_hourly: 20", "--max-hourly", "max_hourly = 40", "BUDGET_EXCEEDED", "parallel for",
                        "confirm_over"]),
            ("costs", ["costs()", "barrack costs [--output json]", "runway", "hourly_total"]),
            // Issue 27: what a run created, the ledger behind it and the command that reads it.
            ("created", ["created()", "ledger", "barrack leftovers [--clean [--yes]] [--output json]",
                         "barrack: left running: 2 instances, 39.90 USD/h (barrack leftovers)"]),
            ("leftovers", ["barrack leftovers", "--clean", "--yes", "dashboard"]),
        ]
        for (topic, texts) in expectations {
            let run = ScriptRun.execute(binary: binary, arguments: ["help", topic], in: FileManager.default.temporaryDirectory,
                                        timeout: 30)
            XCTAssertEqual(run.status, 0, run.standardError)
            for text in texts {
                XCTAssertTrue(run.standardOutput.contains(text), "`barrack help \(topic)` should mention \(text):\n\(run.standardOutput)")
            }
        }
    }
}
