import BarrackAPI
import XCTest

/// Bad arguments are `ARGUMENT_ERROR`s naming the built-in and the parameter, raised before any
/// request reaches the connection.
final class ArgumentErrorTests: XCTestCase {
    /// A call and words its message must hold.
    static let cases: [(code: String, message: [String], line: UInt)] = [
        ("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 colour: \"red\"", ["deploy has no parameter 'colour'"], #line),
        ("create_volume name: \"v\" size: 100GB type: \"NVMe\" in FINLAND-1 sise: 1", ["create_volume", "'sise'"], #line),
        ("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1 name: 42", ["deploy: 'name' must be a string", "42"], #line),
        ("create_volume name: \"v\" size: \"big\" type: \"NVMe\" in FINLAND-1", ["create_volume: 'size'", "500GB"], #line),
        ("toggle_public_ip \"BRK-100001VM\" enable: \"yes\"", ["toggle_public_ip: 'enable' must be true or false"], #line),
        ("attach_volumes \"BRK-100001VM\" volumes: \"BRK-100001V\"", ["attach_volumes: 'volumes' must be a list"], #line),
        ("attach_volumes \"BRK-100001VM\" volumes: [1]", ["attach_volumes: 'volumes'"], #line),
        ("chat model: \"m\" messages: \"hi\"", ["chat: 'messages' must be a map or a list"], #line),
        ("chat model: \"m\" messages: [] temperature: \"hot\"", ["chat: 'temperature' must be a number"], #line),
        ("delete_scripts scripts: [nil]", ["delete_scripts: 'scripts'"], #line),
        ("stop 42", ["stop: 'instance' must be an id or a record with an id"], #line),
        ("stop {name: \"no id\"}", ["stop: 'instance'"], #line),
        ("instances page: \"one\"", ["instances: 'page' must be an int"], #line),
        ("deploy in FINLAND-1", ["deploy is missing its argument 'gpu'"], #line),
        ("create_volume name: \"v\" size: 100GB in FINLAND-1", ["create_volume", "'type'"], #line),
        ("attach_firewall \"BRK-100001F\"", ["attach_firewall", "'instances'"], #line),
        ("stop()", ["stop", "'instance'"], #line),
        ("deploy gpu: \"H100-SXM5-80GB\" x 1 in MARS-1", ["deploy: 'region' must be one of", "FINLAND-1", "not MARS-1"], #line),
        ("instances status: RUNNING", ["instances: 'status' must be one of", "SHUTOFF", "not RUNNING"], #line),
        ("create_volume name: \"v\" size: 100GB type: \"Tape\" in FINLAND-1", ["'type' must be one of SSD, HDD, NVMe"], #line),
        ("gpu_stock gpu_model: \"GTX-1080\"", ["gpu_stock: 'gpu_model' must be one of"], #line),
        ("pricing currency: \"GBP\"", ["pricing: 'currency' must be one of USD, EUR, INR"], #line),
        ("deploy gpu: \"H100-SXM5-80GB\" in FINLAND-1", ["deploy: 'gpu' must be a GPU request"], #line),
        ("quote gpu: 8", ["quote: 'gpu' must be a GPU request"], #line),
        ("restore_snapshot \"BRK-100001S\" gpu: {model: \"L40\"}", ["restore_snapshot: 'gpu' must be a GPU request"], #line),
        ("create_ssh_key \"k\" \"ssh-ed25519 AAAA\" \"surplus\"", ["create_ssh_key"], #line),
    ]

    func testArgumentErrorsNeverReachTheConnection() throws {
        for testCase in Self.cases {
            let connection = RecordingConnection()
            let host = ScriptHost(connection: connection)
            let failure = try host.run(testCase.code)
            XCTAssertEqual(failure?.code, "ARGUMENT_ERROR", testCase.code, line: testCase.line)
            XCTAssertNil(failure?.status, testCase.code, line: testCase.line)
            XCTAssertNil(failure?.operation, testCase.code, line: testCase.line)
            for words in testCase.message {
                XCTAssertTrue(failure?.message.contains(words) ?? false,
                              "\(testCase.code): expected \"\(words)\" in the message, got \"\(failure?.message ?? "no error")\"",
                              line: testCase.line)
            }
            XCTAssertEqual(connection.calls, [], testCase.code, line: testCase.line)
        }
    }

    func testArgumentErrorsAreCatchable() throws {
        let connection = RecordingConnection()
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            try { stop 42 } catch err where err.code == ARGUMENT_ERROR { print err.code err.status err.operation }
            """))
        XCTAssertEqual(host.lines, ["ARGUMENT_ERROR nil nil"])
        XCTAssertEqual(connection.calls, [])
    }
}
