import Foundation
import XCTest

/// The command-line verbs (`barrack instances`, `barrack deploy …`), run as a user would: the real
/// binary against a fresh sandbox, with no terminal.
final class VerbTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    func testInstancesIsAVerbNotAFileName() {
        let run = barrack("instances")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "", "an empty listing prints nothing in a table")
        XCTAssertFalse(run.standardError.contains("cannot read"), run.standardError)
        XCTAssertEqual(barrack("instances", "--output", "json").standardOutput, "[]\n")
    }

    func testDeployWaitsAndTheListingShowsTheImportantColumnsFirst() throws {
        let deploy = barrack("deploy", "--gpu", "H100-SXM5-80GB", "--count", "8", "--region", "FINLAND-1",
                             "--name", "train-1", "--wait", "-o", "json")
        XCTAssertEqual(deploy.status, 0, deploy.standardError)
        let instance = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(deploy.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(instance["status"] as? String, "ACTIVE", "--wait waits out CREATING")
        XCTAssertEqual(instance["name"] as? String, "train-1")
        XCTAssertEqual(instance["gpu_count"] as? Int, 8)

        let table = barrack("instances")
        let header = table.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
        let columns = header.split(separator: " ").map(String.init)
        XCTAssertEqual(Array(columns.prefix(7)), ["id", "name", "status", "gpu_model", "gpu_count", "region", "hourly_cost"],
                       "got the header: \(header)")
        XCTAssertEqual(columns.last, "security_rules", "lists and maps come last; got the header: \(header)")

        let id = try XCTUnwrap(instance["id"] as? String)
        let chosen = barrack("instances", "--columns", "id,status", "--no-header")
        XCTAssertEqual(chosen.standardOutput, "\(id)  ACTIVE\n")
        XCTAssertEqual(barrack("instance", id, "--columns", "status,hourly_cost", "--no-header").standardOutput,
                       "ACTIVE\n19.95\n")
        let yaml = barrack("instance", id, "-o", "yaml", "--columns", "id,name,boot_source")
        XCTAssertEqual(yaml.standardOutput, """
            id: \(id)
            name: train-1
            boot_source:
              type: os_image
              os_image_id: ubuntu-24.04-r570-cuda12.8

            """)
    }

    func testDeletingAsksFirstAndRefusesWithoutATerminal() throws {
        let deploy = barrack("deploy", "--gpu", "L40", "--region", "CANADA-1", "--wait", "--columns", "id", "--no-header")
        XCTAssertEqual(deploy.status, 0, deploy.standardError)
        let id = deploy.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(id.hasPrefix("BRK-"), id)

        let refused = barrack("delete-instance", id)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.standardError.contains("add --yes"), refused.standardError)
        XCTAssertEqual(barrack("instance", id, "--columns", "status", "--no-header").standardOutput, "ACTIVE\n",
                       "a refused delete-instance deletes nothing")

        let deleted = barrack("delete-instance", id, "--yes", "--wait", "--columns", "status", "--no-header")
        XCTAssertEqual(deleted.status, 0, deleted.standardError)
        XCTAssertEqual(deleted.standardOutput, "DELETED\n")
    }

    func testUsageMistakesExitWithTwoAndSayWhat() {
        let missing = barrack("deploy", "--region", "FINLAND-1")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.standardError.contains("barrack deploy needs --gpu"), missing.standardError)
        XCTAssertTrue(missing.standardError.contains("Usage: barrack deploy --gpu MODEL [--count N]"), missing.standardError)

        let unknown = barrack("instances", "--colums", "id")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.standardError.contains("unknown option '--colums'"), unknown.standardError)

        let column = barrack("balance", "--columns", "amount,ballance")
        XCTAssertEqual(column.status, 2)
        XCTAssertTrue(column.standardError.contains("no column 'ballance'; the columns are amount, currency"),
                      column.standardError)

        let format = barrack("balance", "--output", "xml")
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.standardError.contains("--output must be table, json, yaml, not 'xml'"), format.standardError)

        let count = barrack("deploy", "--gpu", "L40", "--count", "two", "--region", "CANADA-1")
        XCTAssertEqual(count.status, 2)
        XCTAssertTrue(count.standardError.contains("--count must be a whole number, not 'two'"), count.standardError)
    }

    func testPlatformErrorsExitWithOneAndAreObjectsWithJSONOutput() throws {
        let text = barrack("instance", "BRK-000000VM")
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.standardError.contains("NOT_FOUND: no instance with id 'BRK-000000VM'"), text.standardError)

        let json = barrack("instance", "BRK-000000VM", "--output", "json")
        XCTAssertEqual(json.status, 1)
        let line = try XCTUnwrap(BarrackShell.errors(json).first)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let error = try XCTUnwrap(object["error"] as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "NOT_FOUND")
        XCTAssertEqual(error["status"] as? Int, 404)
        XCTAssertEqual(error["operation"] as? String, "get_instance")
        XCTAssertEqual(error["exit_status"] as? Int, 1)
    }

    func testTheConfiguredRegionAndOutputAreUsed() throws {
        try barrack.writeConfig("[profiles.default]\nregion = \"FINLAND-2\"\n")

        let script = barrack("-e", "let vm = deploy gpu: H200-141GB x 1\nprint vm.region")
        XCTAssertEqual(script.status, 0, script.standardError)
        XCTAssertEqual(script.standardOutput, "FINLAND-2\n")

        let verb = barrack("deploy", "--gpu", "H200-141GB", "--columns", "region", "--no-header")
        XCTAssertEqual(verb.standardOutput, "FINLAND-2\n", verb.standardError)

        let variable = barrack("deploy", "--gpu", "H200-141GB", "--columns", "region", "--no-header",
                               environment: ["BARRACK_REGION": "ICELAND-1"])
        XCTAssertEqual(variable.standardOutput, "ICELAND-1\n", variable.standardError)

        let json = barrack("balance", "--columns", "currency", environment: ["BARRACK_OUTPUT": "json"])
        XCTAssertEqual(json.standardOutput, "{\n  \"currency\": \"USD\"\n}\n")
        let printed = barrack("-e", "print [1, 2]", environment: ["BARRACK_OUTPUT": "json"])
        XCTAssertEqual(printed.standardOutput, "[1,2]\n")
    }

    func testVerbHelpComesFromTheBuiltinTable() {
        let help = barrack("deploy", "--help")
        XCTAssertEqual(help.status, 0)
        for expected in ["OVERVIEW: Deploys a GPU instance", "--gpu MODEL", "--count N", "--region REGION",
                         "--os-volume-size SIZE", "--public-ip, --no-public-ip", "--wait", "see `barrack help deploy`"] {
            XCTAssertTrue(help.standardOutput.contains(expected), "expected '\(expected)' in:\n\(help.standardOutput)")
        }
        let root = barrack("--help")
        for expected in ["-e <code>", "--sandbox", "--output <format>", "--explain", "instances: deploy, instances, instance",
                         "delete-instance"] {
            XCTAssertTrue(root.standardOutput.contains(expected), "expected '\(expected)' in:\n\(root.standardOutput)")
        }
        let builtin = barrack("help", "delete_instance")
        XCTAssertTrue(builtin.standardOutput.contains("barrack delete-instance ID"), builtin.standardOutput)
    }

    func testExplainPrintsEachCallAsCurlWithoutTheKey() {
        let run = barrack("--explain", "-e", "print balance().currency")
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(BarrackShell.errors(run), [#"curl 'https://barrack.ai/api/balance/' -H "Authorization: Bearer $BARRACK_API_KEY""#])

        // Over HTTP with a real key: the commands name the server and never the key.
        guard let binary = barrack.binary, let server = try? SandboxServerProcess(binary: binary, options: [], timeout: 20) else {
            return XCTFail("cannot start barrack sandbox serve")
        }
        let secret = "brk_secret_key_for_the_explain_test"
        let remote = barrack("balance", "--api-url", server.baseURL + "/api/", "--explain",
                             environment: ["BARRACK_API_KEY": secret])
        XCTAssertEqual(remote.status, 0, remote.standardError)
        XCTAssertEqual(BarrackShell.errors(remote), ["curl '\(server.baseURL)/api/balance/' -H \"Authorization: Bearer $BARRACK_API_KEY\""])
        XCTAssertFalse(remote.standardError.contains(secret) || remote.standardOutput.contains(secret))

        let deploy = barrack("deploy", "--gpu", "L40", "--region", "CANADA-1", "--name", "it-s", "--explain", "-o", "json")
        let lines = BarrackShell.errors(deploy)
        XCTAssertEqual(lines.count, 3, "the images, the keys, then the deploy: \(lines)")
        XCTAssertTrue(lines.last?.hasPrefix("curl -X POST 'https://barrack.ai/api/instances/' -H \"Authorization: Bearer $BARRACK_API_KEY\" -H 'Content-Type: application/json' -d '{\"gpu_model\":\"L40\"") == true,
                      "\(lines)")
    }
}
