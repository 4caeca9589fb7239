import BarrackAPI
import BarrackPlatform
import BarrackSandbox
import XCTest

/// API failures become script errors with the platform's code, status, message, operation and details.
final class APIErrorTests: XCTestCase {
    func testAPIErrorBecomesACatchableScriptError() throws {
        let connection = RecordingConnection { call in
            throw BarrackAPIError(code: "OUT_OF_STOCK", status: 409, message: "no B300 x 8 left in ICELAND-1",
                                  operation: call.operation, details: ["region": "ICELAND-1", "available": 0])
        }
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            try {
              deploy gpu: B300-262GB x 8 in ICELAND-1 boot_source: {type: "volume", volume_id: "BRK-100001V"}
            } catch err where err.code == OUT_OF_STOCK {
              print err.code err.status err.operation
              print err.message
              print err.details.region err.details.available
            }
            """))
        XCTAssertEqual(host.lines, ["OUT_OF_STOCK 409 deploy_instance", "no B300 x 8 left in ICELAND-1; gpu_stock() shows which regions have it now", "ICELAND-1 0"])
    }

    func testUncaughtAPIErrorKeepsItsFields() throws {
        let connection = RecordingConnection { call in
            throw BarrackAPIError(code: "NOT_FOUND", status: 404, message: "no instance with id 'BRK-100001VM'",
                                  operation: call.operation)
        }
        let host = ScriptHost(connection: connection)
        let failure = try host.run("instance \"BRK-100001VM\"")
        XCTAssertEqual(failure?.code, "NOT_FOUND")
        XCTAssertEqual(failure?.status, 404)
        XCTAssertEqual(failure?.operation, "get_instance")
        XCTAssertEqual(failure?.message, "no instance with id 'BRK-100001VM'; instances() lists the ones that exist",
                       "the platform's message comes first, then the next step")
    }

    func testClientErrorsWithoutStatusKeepTheirCode() throws {
        let connection = RecordingConnection { call in
            throw BarrackAPIError(code: "NETWORK", message: "connection refused", operation: call.operation)
        }
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("try { balance() } catch err { print err.code err.status err.operation err.message }"))
        XCTAssertEqual(host.lines, ["NETWORK nil get_balance connection refused"])
    }

    /// `PROFILE_INCOMPLETE` needs an account change no script can make, so it is shown here
    /// on a real sandbox whose profile was cleared.
    func testIncompleteProfileIsRefusedBeforeAnythingElse() throws {
        let sandbox = try Sandbox(configuration: .init(dataDirectory: nil, speed: 0))
        try sandbox.setProfileComplete(false)
        let connection = ClientConnection(client: BarrackClient(transport: SandboxTransport(sandbox: sandbox)))
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            try {
              deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-1
            } catch err where err.code == PROFILE_INCOMPLETE {
              print err.code err.status err.operation
              print err.message.contains("full name") or err.message.contains("full_name")
            }
            print instances().len()
            """))
        XCTAssertEqual(host.lines, ["PROFILE_INCOMPLETE 403 deploy_instance", "true", "0"])
    }

    /// `INSUFFICIENT_CREDITS` without spending the balance first: an account emptied by the sandbox's
    /// administration refuses deploys, volumes and chats.
    func testEmptyBalanceIsRefused() throws {
        let sandbox = try Sandbox(configuration: .init(dataDirectory: nil, speed: 0))
        try sandbox.addCredit(-500)
        let connection = ClientConnection(client: BarrackClient(transport: SandboxTransport(sandbox: sandbox)))
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            try { deploy gpu: "H100-SXM5-80GB" x 1 in FINLAND-1 } catch err { print err.code err.status err.operation }
            try { create_volume name: "v" size: 100GB type: "HDD" in FINLAND-1 } catch err { print err.code err.status err.operation }
            """))
        XCTAssertEqual(host.lines, ["INSUFFICIENT_CREDITS 402 deploy_instance", "INSUFFICIENT_CREDITS 402 create_volume"])
    }
}
