import BarrackAPI
import Foundation
import XCTest

/// Lost answers of the changes that used to be reported "not retried" (issue 12): a nameless
/// deploy, a resize, a firewall or security rule added or removed. Each is settled without doing
/// the change twice.
final class LostAnswerTests: XCTestCase {
    private static func dropped(_ request: TransportRequest) throws -> TransportResponse {
        throw TransportError(.connectionLost, "connection reset by peer")
    }

    private func client(_ transport: any Transport) -> BarrackClient {
        BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
    }

    private func body(_ request: TransportRequest?) -> JSONValue? {
        request?.body.flatMap { try? JSONValue(parsing: $0) }
    }

    func testANamelessDeployIsNamedBeforeItIsSentAndFoundAfterALostAnswer() async throws {
        // Found: a deploy without a name could not be looked up, so a lost answer was final.
        var unnamed = RetryTests.deploy
        unnamed.name = nil
        let transport = RecordingTransport([
            Self.dropped,
            { request in
                XCTAssertEqual(request.target, "/api/instances/?region=FINLAND-1&page=1&limit=100")
                return .json(200, #"{"success": true, "instances": [], "page": 1, "total_pages": 1}"#)
            },
            { _ in .json(201, #"{"success": true, "instance": \#(RetryTests.instanceJSON)}"#) },
        ])
        _ = try await client(transport).deployInstance(unnamed)
        let sent = transport.requests.filter { $0.method == .post }.map { body($0)?["name"]?.stringValue }
        XCTAssertEqual(sent.count, 2, "sent again once the lookup found nothing")
        let name = try XCTUnwrap(sent.first ?? nil)
        XCTAssertNotNil(name.wholeMatch(of: /barrack-h100-[a-z]{6}/), name)
        XCTAssertEqual(sent.last, name, "the same name both times, so that the second send cannot make a second instance")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .post])
    }

    /// Issue 27: the lookup after a lost create outlasts the create's own budget of 3 attempts.
    func testTheLookupAfterALostCreateRetriesLongerThanTheCreate() async throws {
        let failing: (TransportRequest) throws -> TransportResponse = { _ in .failure(502, code: "SERVER_ERROR", message: "bad gateway") }
        let transport = RecordingTransport([Self.dropped, failing, failing, failing, failing, { _ in
            .json(200, #"{"success": true, "instances": [\#(RetryTests.instanceJSON)], "page": 1, "total_pages": 1}"#)
        }])
        let answer = try await client(transport).deployInstance(RetryTests.deploy)
        XCTAssertEqual(answer.instance.id, "BRK-482913VM")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .get, .get, .get, .get],
                       "one deploy, then five lookups: more than the deploy's 3 attempts")
    }

    func testANamelessDeployAdoptsTheInstanceItsLostAnswerMade() async throws {
        var unnamed = RetryTests.deploy
        unnamed.name = nil
        let instances = InstanceList()
        let transport = RecordingTransport([
            { request in
                instances.name = self.body(request)?["name"]?.stringValue ?? ""
                throw TransportError(.connectionLost, "connection reset by peer")
            },
            { _ in
                let instance = RetryTests.instanceJSON.replacingOccurrences(of: "trainer-1", with: instances.name)
                return .json(200, #"{"success": true, "instances": [\#(instance)], "page": 1, "total_pages": 1}"#)
            },
        ])
        let answer = try await client(transport).deployInstance(unnamed)
        XCTAssertEqual(answer.instance.name, instances.name)
        XCTAssertTrue(instances.name.hasPrefix("barrack-h100-"), instances.name)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get], "one deploy, then one lookup")
    }

    func testATransportThatNeverLosesAnswersLeavesTheNameToThePlatform() async throws {
        var unnamed = RetryTests.deploy
        unnamed.name = nil
        let transport = Reliable(base: RecordingTransport([{ _ in .json(201, #"{"success": true, "instance": \#(RetryTests.instanceJSON)}"#) }]))
        _ = try await client(transport).deployInstance(unnamed)
        XCTAssertNil(body(transport.base.requests.first)?["name"])
    }

    func testANamelessRestoreKeepsThePlatformsNameAndIsNotResent() async {
        // The platform names it `<snapshot>-restored`; the client does not make up another name.
        let transport = RecordingTransport([Self.dropped])
        await assertThrowsAPIError(code: "NETWORK", containing: "without a name cannot be looked up") {
            _ = try await self.client(transport).call(.restoreSnapshot, path: ["id": "BRK-1S"], body: ["gpu_count": 1])
        }
        XCTAssertNil(body(transport.requests.first)?["name"])
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testALostResizeIsSettledByReadingTheVolumeBack() async throws {
        let volume = #"{"id": "BRK-1V", "name": "d", "region": "FINLAND-1", "size_gb": 200, "volume_type": "NVMe", "status": "AVAILABLE", "tier": "advanced", "bootable": false, "hourly_cost": 0.01, "created_at": "2025-01-15T10:30:00Z"}"#
        let transport = RecordingTransport([
            Self.dropped,
            { request in
                XCTAssertEqual(request.target, "/api/volumes/BRK-1V/")
                return .json(200, #"{"success": true, "volume": \#(volume)}"#)
            },
        ])
        let answer = try await client(transport).resizeVolume(id: "BRK-1V", sizeGB: 200)
        XCTAssertEqual(answer.volume.sizeGB, 200)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get], "not sent again: the volume already has the size")
    }

    func testALostResizeThatDidNotHappenIsSentAgain() async throws {
        let before = #"{"id": "BRK-1V", "name": "d", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe", "status": "AVAILABLE", "tier": "advanced", "bootable": false, "hourly_cost": 0.01, "created_at": "2025-01-15T10:30:00Z"}"#
        let after = before.replacingOccurrences(of: "100", with: "200")
        let transport = RecordingTransport([
            Self.dropped,
            { _ in .json(200, #"{"success": true, "volume": \#(before)}"#) },
            { _ in .json(200, #"{"success": true, "volume": \#(after)}"#) },
        ])
        let answer = try await client(transport).resizeVolume(id: "BRK-1V", sizeGB: 200)
        XCTAssertEqual(answer.volume.sizeGB, 200)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .post])
    }

    func testALostResizeIsNotSentAgainWhenTheVolumeCannotBeRead() async {
        let transport = RecordingTransport([Self.dropped, { _ in .failure(503, code: "SERVER_ERROR", message: "down") }],
                                           fallback: { _ in .failure(503, code: "SERVER_ERROR", message: "down") })
        await assertThrowsAPIError(code: "NETWORK", containing: "not retried: reading it back") {
            _ = try await self.client(transport).resizeVolume(id: "BRK-1V", sizeGB: 200)
        }
        XCTAssertEqual(transport.requests.filter { $0.method == .post }.count, 1)
    }

    func testALostFirewallRuleIsFoundOnTheFirewall() async throws {
        let rule = VMSecurityRuleRequest(direction: .ingress, ethertype: .ipv4, protocol: .tcp, remoteIPPrefix: "10.0.0.0/8",
                                         portRangeMin: 22, portRangeMax: 22)
        let firewall = #"""
            {"id": "BRK-1F", "name": "web", "region": "FINLAND-1", "rules": [
              {"id": "BRK-7R", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "remote_ip_prefix": "10.0.0.0/8",
               "port_range_min": 443, "port_range_max": 443},
              {"id": "BRK-8R", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "remote_ip_prefix": "10.0.0.0/8",
               "port_range_min": 22, "port_range_max": 22}]}
            """#
        let transport = RecordingTransport([
            Self.dropped,
            { request in
                XCTAssertEqual(request.target, "/api/firewalls/BRK-1F/")
                return .json(200, #"{"success": true, "firewall": \#(firewall)}"#)
            },
        ])
        let answer = try await client(transport).addFirewallRule(firewallID: "BRK-1F", rule: rule)
        XCTAssertEqual(answer.firewallID, "BRK-1F")
        XCTAssertEqual(answer.rule.id, "BRK-8R", "the rule with every requested field, not the first rule")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get])
    }

    func testALostRuleRemovalIsSettledByTheNotFoundOfItsRetry() async throws {
        let transport = RecordingTransport([
            Self.dropped,
            { _ in .failure(404, code: "NOT_FOUND", message: "no rule BRK-8R") },
        ])
        let answer = try await client(transport).removeFirewallRule(firewallID: "BRK-1F", ruleID: "BRK-8R")
        XCTAssertEqual(answer.firewallID, "BRK-1F")
        XCTAssertEqual(answer.ruleID, "BRK-8R")
        XCTAssertEqual(transport.requests.map(\.method), [.delete, .delete])
    }
}

/// The name a recorded deploy was sent with.
private final class InstanceList: @unchecked Sendable {
    var name = ""
}

/// A transport that says it never loses an answer, as the in-process sandbox does.
private struct Reliable: Transport {
    let base: RecordingTransport
    var losesAnswers: Bool { false }
    func send(_ request: TransportRequest) async throws -> TransportResponse { try await base.send(request) }
}
