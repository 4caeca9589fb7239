import Foundation
import XCTest

/// `barrack check` checks the calls of built-ins: a misspelt keyword in a later deploy is found
/// before the first deploy bills anything.
final class StaticCheckTests: XCTestCase {
    /// The script of the issue: the second deploy misspells `name:`.
    static let twoDeploys = """
        let first = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "train-1"
        print "deployed {first.name}"
        let second = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 nmae: "train-2"

        """

    private func write(_ text: String, in home: SandboxEnvironment) throws -> URL {
        let script = home.folder.appendingPathComponent("script.brk")
        try text.write(to: script, atomically: true, encoding: .utf8)
        return script
    }

    func testCheckReportsAMisspeltKeywordOfALaterDeploy() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        _ = try write(StaticCheckTests.twoDeploys, in: home)
        let check = ScriptRun.execute(binary: binary, arguments: ["check", "script.brk"], in: home.folder, timeout: 30,
                                      environment: home.variables())
        XCTAssertEqual(check.status, 1, check.standardError)
        XCTAssertEqual(check.standardError, """
            script.brk:3:60: error: ARGUMENT_ERROR: deploy has no parameter 'nmae'; did you mean 'name'? \
            (parameters: gpu, region, name?, boot_source?, os_volume_size?, ssh_keys?, startup_script?, data_volumes?, \
            new_data_volumes?, public_ip?, security_rules?, cloud_init?)
             3 | let second = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 nmae: "train-2"
               |                                                            ^~~~
            1 error in script.brk

            """)

        let census = ScriptRun.execute(binary: binary, arguments: ["-e", "print instances().len()"], in: home.folder,
                                       timeout: 30, environment: home.variables())
        XCTAssertEqual(census.standardOutput, "0\n", "checking ran nothing")
    }

    /// The file of the issue: seven mistakes of three kinds. `check` once reported the two name
    /// errors only; the five others appeared one fix later.
    func testCheckReportsSyntaxNameAndCallErrorsTogetherInSourceOrder() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        _ = try write("""
            let vm = deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-1 nmae: "a"
            create_volume name: "data"
            deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-9
            wait until instance(vm.id).status == ACTIVE wiat: 5s
            let g = "L40" x 3
            print undefined_one
            let = 3
            print undefined_two

            """, in: home)
        let check = ScriptRun.execute(binary: binary, arguments: ["check", "script.brk"], in: home.folder, timeout: 30,
                                      environment: home.variables())
        XCTAssertEqual(check.status, 1, check.standardError)
        let lines = check.standardError.split(separator: "\n")
        let headers = lines.filter { $0.hasPrefix("script.brk:") }.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        XCTAssertEqual(headers, ["script.brk:1:56", "script.brk:2:1", "script.brk:3:37", "script.brk:4:45", "script.brk:5:17",
                                 "script.brk:6:7", "script.brk:7:5", "script.brk:8:7"], check.standardError)
        XCTAssertEqual(lines.last, "8 errors in script.brk")
        XCTAssertEqual(lines.filter { $0.contains("^") }.count, 8, "each with its caret")
    }

    func testCheckReportsLiteralsOutsideTheirChoicesAndMissingArguments() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        _ = try write("""
            deploy gpu: "H100-SXM5-80G" x 8 in FINLAND-1
            deploy gpu: L40 x 3 in CANADA-1
            deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-9
            deploy gpu: "H100-SXM5-80GB" x 1
            instances status: RUNNING
            fn quiet() { deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-1 }

            """, in: home)
        let check = ScriptRun.execute(binary: binary, arguments: ["check", "script.brk"], in: home.folder, timeout: 30,
                                      environment: home.variables())
        XCTAssertEqual(check.status, 1)
        let headers = check.standardError.split(separator: "\n").filter { $0.hasPrefix("script.brk:") }
        let expected: [String] = [
            """
            script.brk:1:13: error: ARGUMENT_ERROR: deploy: unknown GPU model 'H100-SXM5-80G'; did you mean 'H100-SXM5-80GB'? \
            (models: B300-262GB, B200-180GB, H200-141GB, H100-SXM5-80GB, H100-PCIe-NVLink-80GB, H100-PCIe-80GB, \
            A100-PCIe-NVLink-80GB, A100-PCIe-80GB, L40, RTX-A6000; `gpu_stock()` shows what is in stock)
            """,
            "script.brk:2:19: error: ARGUMENT_ERROR: a GPU count must be 1, 2, 4 or 8, not 3",
            """
            script.brk:3:37: error: ARGUMENT_ERROR: deploy: 'region' must be one of FINLAND-1, FINLAND-2, FINLAND-3, \
            ICELAND-1, CANADA-1, not FINLAND-9; did you mean 'FINLAND-1'?
            """,
            """
            script.brk:4:1: error: ARGUMENT_ERROR: deploy is missing its argument 'region' (parameters: gpu, region, name?, \
            boot_source?, os_volume_size?, ssh_keys?, startup_script?, data_volumes?, new_data_volumes?, public_ip?, \
            security_rules?, cloud_init?)
            """,
            """
            script.brk:5:19: error: ARGUMENT_ERROR: instances: 'status' must be one of CREATING, ACTIVE, STOPPING, SHUTOFF, \
            STARTING, REBOOTING, HIBERNATING, HIBERNATED, RESTORING, DELETING, DELETED, ERROR, not RUNNING
            """,
        ]
        XCTAssertEqual(headers.map(String.init), expected)
    }

    func testACallInsideATryBodyIsLeftToTheEvaluator() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        _ = try write("""
            try { deploy gpu: "H100-SXM5-80GB" x 1 in MARS-1 } catch err { print err.message }

            """, in: home)
        let check = ScriptRun.execute(binary: binary, arguments: ["check", "script.brk"], in: home.folder, timeout: 30,
                                      environment: home.variables())
        XCTAssertEqual(check.status, 0, check.standardError)
    }

    func testANameTheScriptDeclaresIsNotTheBuiltin() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        _ = try write("""
            fn deploy(gpu, region = 1, nmae = nil) { return nil }
            deploy gpu: "anything" x 2 nmae: "fine"

            """, in: home)
        let check = ScriptRun.execute(binary: binary, arguments: ["check", "script.brk"], in: home.folder, timeout: 30,
                                      environment: home.variables())
        XCTAssertEqual(check.status, 0, check.standardError)
    }
}
