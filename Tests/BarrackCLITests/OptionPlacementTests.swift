import Foundation
import XCTest

/// barrack's own options are read anywhere up to `--`: after the script's name they do what they
/// do before it (`barrack two.brk --dry-run` once deployed two billed instances, with `args` set to
/// `["--dry-run"]`); after `--` everything goes to the script, and so does an option barrack does
/// not know.
final class OptionPlacementTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
        try "print args\nprint [1, \"a\"]\n"
            .write(to: barrack.home.folder.appendingPathComponent("show.brk"), atomically: true, encoding: .utf8)
        try "for i in range(100) { }\n"
            .write(to: barrack.home.folder.appendingPathComponent("loop.brk"), atomically: true, encoding: .utf8)
        try "print balance().currency\n"
            .write(to: barrack.home.folder.appendingPathComponent("balance.brk"), atomically: true, encoding: .utf8)
        try "deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 name: \"two-1\"\ndeploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 name: \"two-2\"\nprint args\n"
            .write(to: barrack.home.folder.appendingPathComponent("two.brk"), atomically: true, encoding: .utf8)
    }

    /// Every option of `barrack FILE` (GlobalOptions and RunLimits), with a value where it takes one.
    static let everyOption: [[String]] = [
        ["--sandbox"], ["--api-url", "http://127.0.0.1:9"], ["--profile", "default"], ["--output", "json"], ["-o", "yaml"],
        ["--output=json"], ["--verbose"], ["--max-hourly", "100"], ["--dry-run"], ["--yes"], ["-y"], ["--explain"],
        ["--max-steps", "1000"], ["--timeout", "20s"],
    ]

    func testEveryGlobalOptionDoesTheSameAfterTheScriptAsBeforeIt() {
        for option in Self.everyOption {
            let before = barrack.run(option + ["show.brk"])
            let after = barrack.run(["show.brk"] + option)
            let afterRun = barrack.run(["run", "show.brk"] + option)
            let name = option.joined(separator: " ")
            XCTAssertEqual(after.status, before.status, "\(name): \(after.standardError) vs \(before.standardError)")
            XCTAssertEqual(after.standardOutput, before.standardOutput, name)
            XCTAssertEqual(after.standardError, before.standardError, name)
            XCTAssertEqual(afterRun.standardOutput, before.standardOutput, "run … \(name)")
            XCTAssertFalse(after.standardOutput.contains(option[0]), "\(name) reached the script: \(after.standardOutput)")
        }
        XCTAssertEqual(barrack.run(["show.brk", "--output", "json"]).standardOutput, "[]\n[1,\"a\"]\n")
        XCTAssertEqual(barrack.run(["show.brk", "-o", "json"]).standardOutput, "[]\n[1,\"a\"]\n")
        let verbose = barrack.run(["balance.brk", "--verbose"])
        XCTAssertTrue(verbose.standardError.contains("GET /api/balance"), "--verbose traced: \(verbose.standardError)")
        let explain = barrack.run(["balance.brk", "--explain"])
        XCTAssertTrue(explain.standardError.contains("curl"), "--explain explained: \(explain.standardError)")
        let budget = barrack.run(["two.brk", "--max-hourly", "0"])
        XCTAssertTrue(budget.standardError.contains("BUDGET_EXCEEDED"), "--max-hourly limited: \(budget.standardError)")
        let steps = barrack.run(["loop.brk", "--max-steps", "10"])
        XCTAssertTrue(steps.standardError.contains("STEP_LIMIT"), "--max-steps limited: \(steps.standardError)")
    }

    func testDryRunAfterTheScriptSendsNoChange() {
        for line in [["two.brk", "--dry-run"], ["--dry-run", "two.brk"], ["run", "two.brk", "--dry-run"], ["two.brk", "a", "--dry-run", "b"]] {
            let run = barrack.run(line)
            XCTAssertEqual(run.status, 0, "\(line): \(run.standardError)")
            XCTAssertTrue(run.standardError.contains("dry run: POST /api/instances/"), "\(line): \(run.standardError)")
            let census = barrack("-e", "print instances().len()")
            XCTAssertEqual(census.standardOutput, "0\n", "\(line) deployed: \(census.standardError)")
        }
        XCTAssertEqual(barrack.run(["two.brk", "a", "--dry-run", "b"]).standardOutput, "[\"a\", \"b\"]\n")
    }

    func testAfterTwoDashesEverythingGoesToTheScript() {
        let run = barrack.run(["show.brk", "a", "--", "--dry-run", "--output", "json", "--"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput.split(separator: "\n").first, #"["a", "--dry-run", "--output", "json", "--"]"#)
        let before = barrack.run(["--output", "json", "show.brk", "--", "-o"])
        XCTAssertEqual(before.standardOutput.split(separator: "\n").first, #"["-o"]"#)
    }

    func testAnUnknownOptionAfterTheScriptGoesToTheScript() {
        let run = barrack.run(["show.brk", "--frobnicate", "-x", "--help"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput.split(separator: "\n").first, #"["--frobnicate", "-x", "--help"]"#)
    }

    func testPlanReadsItsOptionsAfterTheScript() throws {
        let run = barrack.run(["plan", "two.brk", "--json"])
        XCTAssertEqual(run.status, 2, "2: the plan has changes; \(run.standardError)")
        let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any], run.standardOutput)
        XCTAssertEqual((plan["changes"] as? [Any])?.count, 2)
    }

    func testHelpSaysWhereOptionsGo() {
        for line in [["--help"], ["run", "--help"]] {
            let help = barrack.run(line).standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(help.contains("options go before or after the script's name")
                          || help.contains("options may come before or after the script's name"), "\(line): \(help)")
            XCTAssertTrue(help.lowercased().contains("everything after -- goes to the script"), "\(line): \(help)")
        }
    }
}

extension BarrackShell {
    /// The run of `barrack` with `arguments` as a list.
    func run(_ arguments: [String]) -> ScriptRun {
        guard let binary else {
            return ScriptRun(standardOutput: "", standardError: "no binary", status: -1, timedOut: false, timeout: 0)
        }
        return ScriptRun.execute(binary: binary, arguments: arguments, in: home.folder, timeout: 30, environment: home.variables())
    }
}
