import BarrackAPI
import BarrackScript
import Foundation
import XCTest

/// Ctrl-C (`Interpreter.interrupt()`) stops a script for good: whatever it was doing when the
/// interrupt came (sleeping, waiting on a request, running a `catch`), it sends no further request.
final class InterruptTests: XCTestCase {
    private func interrupt(_ host: ScriptHost, after seconds: Double) {
        let interpreter = host.interpreter
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { interpreter.interrupt() }
    }

    func testAnInterruptedSleepSendsNoFurtherRequest() throws {
        let connection = RecordingConnection()
        let host = ScriptHost(connection: connection)
        interrupt(host, after: 0.3)
        let failure = try host.run("""
            sleep 30s
            print "after the sleep"
            delete_instance "BRK-100001VM"
            """)
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(host.lines, [])
        XCTAssertEqual(connection.calls, [])
    }

    func testACatchDoesNotSwallowAnInterruptedSleep() throws {
        let connection = RecordingConnection()
        let host = ScriptHost(connection: connection)
        interrupt(host, after: 0.3)
        let failure = try host.run("""
            try { sleep 30s } catch err { print "caught" err.code }
            delete_instance "BRK-100001VM"
            """)
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(host.lines, [])
        XCTAssertEqual(connection.calls, [])
    }

    func testAnInterruptDuringARequestStopsTheNextOne() throws {
        let connection = RecordingConnection { _ in
            Thread.sleep(forTimeInterval: 0.6)
            return RecordingConnection.success
        }
        let host = ScriptHost(connection: connection)
        interrupt(host, after: 0.2)
        let failure = try host.run("""
            delete_instance "BRK-100001VM"
            delete_instance "BRK-100002VM"
            """)
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(connection.calls.map { $0.pathParameters.values.sorted() }, [["BRK-100001VM"]])
    }

    func testAnInterruptedParallelForStartsNoFurtherRequest() throws {
        let connection = RecordingConnection()
        let host = ScriptHost(connection: connection)
        interrupt(host, after: 0.3)
        let failure = try host.run("""
            parallel for id in ["BRK-100001VM", "BRK-100002VM", "BRK-100003VM"] limit 3 {
              sleep 30s
              delete_instance id
            }
            delete_instance "BRK-100004VM"
            """)
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(connection.calls, [])
    }

    func testTheNextRunStartsAfresh() throws {
        let connection = RecordingConnection()
        let host = ScriptHost(connection: connection)
        interrupt(host, after: 0.3)
        XCTAssertEqual(try host.run("sleep 30s")?.code, "INTERRUPTED")
        XCTAssertNil(try host.run("delete_instance \"BRK-100001VM\""))
        XCTAssertEqual(connection.calls.count, 1)
    }
}
