import BarrackAPI
import BarrackPlatform
import BarrackSandbox
import XCTest

/// Issue 29: every list of the platform is paged (20 items unless asked otherwise), and the
/// built-ins fetch every page, so a script never sees only the first 20.
final class EveryPageTests: XCTestCase {
    func testListBuiltinsReturnEveryPage() throws {
        let sandbox = try Sandbox(configuration: .init(dataDirectory: nil, speed: 0))
        for index in 1..<25 {
            let created = sandbox.handle(method: "POST", path: "/api/ssh-keys/", body: Data(#"{"name": "key\#(index)"}"#.utf8))
            XCTAssertEqual(created.status, 201)
        }
        let firstPage = try JSONValue(parsing: sandbox.handle(method: "GET", path: "/api/ssh-keys/").body)
        XCTAssertEqual(firstPage["ssh_keys"]?.arrayValue?.count, 20, "one page of the platform holds 20")
        let connection = ClientConnection(client: BarrackClient(transport: SandboxTransport(sandbox: sandbox)))
        let host = ScriptHost(connection: connection)
        try XCTAssertNil(host.run("""
            print ssh_keys().len()
            print gpu_stock().len()
            """))
        XCTAssertEqual(host.lines, ["25", "22"])
    }
}
