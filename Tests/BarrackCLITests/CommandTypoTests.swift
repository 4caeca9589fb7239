import Foundation
import XCTest

/// A mistyped command, option or value on the command line is a usage error (exit status 2)
/// that names what the user wrote and, when a close name exists, suggests it.
final class CommandTypoTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    func testAMistypedCommandSuggestsTheCommand() {
        assertUsageError(barrack("instnces"), says: "unknown command 'instnces'; did you mean 'instances'?")
        assertUsageError(barrack("sandbx"), says: "did you mean 'sandbox'?")
        let path = barrack("instnces.brk")
        assertUsageError(path, says: "cannot read 'instnces.brk'")
        XCTAssertFalse(path.standardError.contains("unknown command"), "a path is a missing file, not a command")
    }

    func testAMistypedSubcommandOrHelpTopicSuggestsTheName() {
        assertUsageError(barrack("sandbox", "stok"), says: "Unexpected argument 'stok'; did you mean 'stock'?")
        assertUsageError(barrack("help", "sandbx"), says: "did you mean 'sandbox'?")
        assertUsageError(barrack("help", "sandbox", "stok"), says: "did you mean 'stock'?")
        assertUsageError(barrack("help", "deplyo"), says: "did you mean 'deploy'?")
    }

    func testAMistypedOptionOfARunOrPlanSuggestsTheOption() {
        assertUsageError(barrack("--dry-rn", "x.brk"), says: "unknown option '--dry-rn'; did you mean '--dry-run'?")
        assertUsageError(barrack("plan", "--jsn", "x.brk"), says: "unknown option '--jsn'; did you mean '--json'?")
    }

    func testAMistypedOptionOfAVerbSuggestsTheOption() {
        assertUsageError(barrack("instances", "--output", "jsno"), says: "--output must be table, json, yaml, not 'jsno'; did you mean 'json'?")
        assertUsageError(barrack("instances", "--regoin", "FINLAND-1"), says: "unknown option '--regoin' for barrack instances; did you mean --region?")
    }

    /// Found: where ArgumentParser suggests a name itself, the suggestion was given twice
    /// (`Did you mean '--yes'?; did you mean '--yes'?`).
    func testAnOptionArgumentParserSuggestsIsSuggestedOnce() {
        let run = barrack("costs", "--yess")
        assertUsageError(run, says: "Unknown option '--yess'")
        XCTAssertEqual(run.standardError.lowercased().components(separatedBy: "did you mean").count - 1, 1, run.standardError)
    }

    func testAWrongValueNamesTheOptionTypedAndSendsNothing() {
        let count = barrack("deploy", "--gpu", "H100-SXM5-80GB", "--count", "3", "--region", "FINLAND-1")
        assertUsageError(count, says: "barrack deploy: --count must be 1, 2, 4 or 8, not 3")
        XCTAssertFalse(count.standardError.contains("gpu must"), "the message names --count, which the user typed")
        assertUsageError(barrack("deploy", "--gpu", "H100-SXM5-80GB", "--region", "FINLAND-9"),
                         says: "barrack deploy: --region must be one of FINLAND-1, FINLAND-2, FINLAND-3, ICELAND-1, CANADA-1, not FINLAND-9; did you mean 'FINLAND-1'?")
        assertUsageError(barrack("deploy", "--gpu", "h100", "--region", "FINLAND-1"), says: "barrack deploy: --gpu: unknown GPU model 'h100'")
        assertUsageError(barrack("instances", "--status", "RUNING"), says: "barrack instances: --status must be one of CREATING")
        XCTAssertEqual(barrack("-e", "print instances().len()").standardOutput, "0\n", "nothing was deployed")
    }

    func testBalanceEndsWithALineBreakInEveryFormat() {
        for format in ["table", "json", "yaml"] {
            let run = barrack("balance", "--output", format)
            XCTAssertEqual(run.status, 0, run.standardError)
            XCTAssertEqual(run.standardOutput.last, "\n", "\(format): \(run.standardOutput)")
        }
    }
}
