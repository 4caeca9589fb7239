import Foundation
import XCTest

/// What a command line is expected to do (issue: usage errors, help, warnings, the sandbox
/// subcommands), checked on the real binary.
final class CommandLineConventionTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    func testAnUnknownOptionIsAUsageErrorWithStatusTwo() {
        let run = barrack("--bogus")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("unknown option '--bogus'"), run.standardError)
        XCTAssertFalse(run.standardError.contains("cannot read"), run.standardError)
        XCTAssertEqual(barrack("check").status, 2, "a missing argument is a usage error: 2, not 64")
        XCTAssertEqual(barrack("sandbox", "serve", "--port", "99999").status, 2)
    }

    func testHelpReachesSubcommandsOfSubcommands() {
        let run = barrack("help", "sandbox", "stock")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("USAGE: barrack sandbox stock <region> <model> <gpus>"), run.standardOutput)
        XCTAssertEqual(barrack("help", "sandbox", "nothing").status, 2)
    }

    func testSandboxErrorsAreMessagesNotStructDumps() throws {
        let run = barrack("sandbox", "stock", "FINLAND-9", "H100-SXM5-80GB", "1")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.standardError.contains("INVALID_VALUE"), run.standardError)
        XCTAssertTrue(run.standardError.contains("unknown region 'FINLAND-9'"), run.standardError)
        XCTAssertFalse(run.standardError.contains("SandboxError("), run.standardError)
        XCTAssertFalse(run.standardError.contains("JSONObject"), run.standardError)

        let json = barrack("sandbox", "stock", "FINLAND-9", "H100-SXM5-80GB", "1", "--output", "json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.standardError.utf8)) as? [String: Any])
        XCTAssertEqual((object["error"] as? [String: Any])?["code"] as? String, "INVALID_VALUE")
    }

    func testAConfigWarningSaysWarningOnce() throws {
        try barrack.writeConfig("[profiles.default]\n", mode: 0o644)
        let run = barrack("-e", "print 1")
        XCTAssertTrue(run.standardError.contains("barrack: warning: the config file"), run.standardError)
        XCTAssertFalse(run.standardError.contains("warning: warning:"), run.standardError)
    }

    func testEverySandboxSubcommandSpeaksJSON() throws {
        func object(_ run: ScriptRun) throws -> [String: Any] {
            XCTAssertEqual(run.status, 0, run.standardError)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any],
                                 run.standardOutput)
        }
        XCTAssertEqual(try object(barrack("sandbox", "reset", "--output", "json"))["reset"] as? Bool, true)
        let status = try object(barrack("sandbox", "status", "--json"))
        XCTAssertEqual(status["balance"] as? Double, 500)
        XCTAssertEqual(status["currency"] as? String, "USD")
        XCTAssertEqual((status["profile"] as? [String: Any])?["country"] as? String, "FI")
        XCTAssertEqual(try object(barrack("sandbox", "stock", "FINLAND-1", "H100-SXM5-80GB", "0", "--json"))["available_gpus"] as? Int, 0)
    }

    func testATeacherCanStageInsufficientCreditsAndAnIncompleteProfile() throws {
        let balance = barrack("sandbox", "set", "balance", "5", "--json")
        XCTAssertEqual(balance.status, 0, balance.standardError)
        XCTAssertTrue(balance.standardOutput.contains("\"balance\": 5.0"), balance.standardOutput)
        let poor = barrack("-e", #"deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1"#)
        XCTAssertEqual(poor.status, 1)
        XCTAssertTrue(poor.standardError.contains("INSUFFICIENT_CREDITS"), poor.standardError)

        XCTAssertEqual(barrack("sandbox", "set", "balance", "500").status, 0)
        XCTAssertEqual(barrack("sandbox", "set", "profile", "country", "").status, 0)
        let incomplete = barrack("-e", #"deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-1"#)
        XCTAssertEqual(incomplete.status, 1)
        XCTAssertTrue(incomplete.standardError.contains("PROFILE_INCOMPLETE"), incomplete.standardError)
        XCTAssertTrue(incomplete.standardError.contains("country"), incomplete.standardError)

        let unknown = barrack("sandbox", "set", "profile", "colour", "blue")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.standardError.contains("its fields are full_name, billing_address_line1, postal_code, country"),
                      unknown.standardError)
    }

    func testPrintWritesJSONWithJSONOutput() throws {
        let run = barrack("--output", "json", "-e", "print({gpus: [\"H100\"], hours: 1.5}, \"text\")")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "{\"gpus\":[\"H100\"],\"hours\":1.5} text\n")
    }

    func testScriptErrorsAreObjectsWithJSONOutput() throws {
        let run = barrack("--output", "json", "-e", "let x = 1\nx.nope")
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardError.utf8)) as? [String: Any])
        let error = try XCTUnwrap(object["error"] as? [String: Any])
        XCTAssertEqual(error["line"] as? Int, 2)
        XCTAssertEqual(error["file"] as? String, "<-e>")
        XCTAssertNotNil(error["code"] as? String)

        let syntax = barrack("-o", "json", "-e", "let = 1")
        XCTAssertEqual(syntax.status, 2)
        let syntaxError = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(syntax.standardError.utf8)) as? [String: Any])
        XCTAssertEqual((syntaxError["error"] as? [String: Any])?["exit_status"] as? Int, 2)
    }

    func testExamplesPrintWhatThePlatformCharges() throws {
        let examples = TestPaths.root.appendingPathComponent("examples")
        guard let binary = barrack.binary else { return }
        let home = barrack.home
        let hello = ScriptRun.execute(binary: binary, script: examples.appendingPathComponent("hello.brk"), timeout: 30,
                                      environment: home.variables())
        let deploy = barrack("deploy", "--gpu", "H100-SXM5-80GB", "--count", "8", "--region", "FINLAND-1",
                             "--columns", "hourly_cost", "--no-header")
        let charged = deploy.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(hello.standardOutput.contains("hourly cost: \(charged) USD"),
                      "hello.brk should print the \(charged) a deploy charges; it printed:\n\(hello.standardOutput)")

        let volume = ScriptRun.execute(binary: binary, script: examples.appendingPathComponent("data_volume_startup.brk"),
                                       timeout: 30, environment: home.variables())
        XCTAssertFalse(volume.standardOutput.contains("attached to true"), volume.standardOutput)
        XCTAssertTrue(volume.standardOutput.contains("attached to trainer (BRK-"), volume.standardOutput)
    }
}
