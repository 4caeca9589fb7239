import Foundation
import XCTest

/// `GET /api/resources` says what the learner's sandbox costs: each instance's and volume's rate,
/// the total and the runway (issue 25).
final class PlaygroundCostTests: XCTestCase {
    func testTheResourcesSayWhatEachCostsTheTotalAndTheRunway() async throws {
        let (server, _) = try PlaygroundClient.serve()
        defer { server.stop() }
        let token = try await PlaygroundClient.session(server)
        let fresh = try await PlaygroundClient.call(server, "GET", "/api/resources", token: token)
        XCTAssertEqual(fresh.json["hourly_total"] as? Double, 0, fresh.body)
        XCTAssertTrue(fresh.json["runway_hours"] is NSNull, "no runway while nothing costs anything: \(fresh.body)")

        let made = try await PlaygroundClient.run(server, token, """
            deploy gpu: L40 x 2 in CANADA-1 name: "priced"
            create_volume name: "data" size: 100GB type: "SSD" in CANADA-1
            """)
        XCTAssertEqual(made.done["ok"] as? Bool, true, made.body)
        let answer = try await PlaygroundClient.call(server, "GET", "/api/resources", token: token)
        let instance = try XCTUnwrap((answer.json["instances"] as? [[String: Any]])?.first, answer.body)
        let volume = try XCTUnwrap((answer.json["volumes"] as? [[String: Any]])?.first, answer.body)
        let instanceRate = try XCTUnwrap(instance["hourly_cost"] as? Double, answer.body)
        let volumeRate = try XCTUnwrap(volume["hourly_cost"] as? Double, answer.body)
        XCTAssertGreaterThan(instanceRate, 0)
        XCTAssertGreaterThan(volumeRate, 0)
        let total = try XCTUnwrap(answer.json["hourly_total"] as? Double, answer.body)
        XCTAssertEqual(total, instanceRate + volumeRate, accuracy: 0.01, "the total is the instance's and the volume's")
        let balance = try XCTUnwrap(answer.json["balance"] as? Double)
        let runway = try XCTUnwrap(answer.json["runway_hours"] as? Double, answer.body)
        XCTAssertEqual(runway, balance / total, accuracy: 0.01)
    }
}
