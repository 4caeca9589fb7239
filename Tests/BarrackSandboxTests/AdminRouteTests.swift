import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// The sandbox's own route for moving its clock on, which scripts use over HTTP.
@Suite struct AdminRouteTests {
    @Test func advancingTheClockFinishesADeploy() throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let start = sandbox.clock.now
        let body = Data(#"{"seconds": 300}"#.utf8)
        let answer = sandbox.handle(method: "POST", path: AdminRoutes.advanceClock,
                                    headers: ["Authorization": "Bearer k"], body: body)
        #expect(answer.status == 200)
        #expect(sandbox.clock.now == start.addingTimeInterval(300))
    }

    @Test func theRouteNeedsAKeyAndANumber() throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .anyKey))
        let withoutKey = sandbox.handle(method: "POST", path: AdminRoutes.advanceClock, body: Data(#"{"seconds": 1}"#.utf8))
        #expect(withoutKey.status == 401)
        let negative = sandbox.handle(method: "POST", path: AdminRoutes.advanceClock,
                                      headers: ["X-API-Key": "k"], body: Data(#"{"seconds": -5}"#.utf8))
        #expect(negative.status == 400)
        let wrongMethod = sandbox.handle(method: "GET", path: AdminRoutes.advanceClock, headers: ["X-API-Key": "k"])
        #expect(wrongMethod.status == 405)
    }
}
