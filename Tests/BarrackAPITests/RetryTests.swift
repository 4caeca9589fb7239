import BarrackAPI
import Foundation
import XCTest

final class RetryTests: XCTestCase {
    static let instanceJSON = #"""
        {"id": "BRK-482913VM", "name": "trainer-1", "status": "CREATING", "gpu_model": "H100-SXM5-80GB",
         "gpu_count": 4, "region": "FINLAND-1", "tier": "advanced", "ssh_key_ids": [], "volume_ids": [],
         "firewall_ids": [], "security_rules": [], "hourly_cost": 9.96, "currency": "USD",
         "created_at": "2025-01-15T10:30:00Z"}
        """#
    static let deploy = DeploymentRequest(
        gpuModel: .h100SXM5, gpuCount: 4, region: .finland1, bootSource: .osImage("BRK-100001I"),
        sshKeyIDs: ["BRK-200001K"], name: "trainer-1")
    static let balance = TransportResponse.json(200, #"{"success": true, "balance": {"amount": 12.5, "currency": "EUR"}}"#)

    func testA429IsRetriedAfterItsRetryAfter() async throws {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport([
            { _ in .failure(429, code: "RATE_LIMITED", message: "slow down", headers: ["Retry-After": "7"]) },
            { _ in Self.balance },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: sleeps.policy())
        let answer = try await client.getBalance()
        XCTAssertEqual(answer.balance.amount, 12.5)
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(sleeps.sleeps, [.seconds(7)])
    }

    func testA429WithATooLongRetryAfterIsReturnedAtOnce() async {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport { _ in
            .failure(429, code: "RATE_LIMITED", message: "come back tomorrow", headers: ["Retry-After": "86400"])
        }
        let client = BarrackClient(transport: transport, retryPolicy: sleeps.policy())
        await assertThrowsAPIError(code: "RATE_LIMITED", containing: "come back tomorrow") { _ = try await client.getBalance() }
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(sleeps.sleeps, [])
    }

    func testServerErrorsOfAReadAreRetriedWithDoublingJitteredBackoff() async {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport { _ in .failure(503, code: "SERVER_ERROR", message: "maintenance") }
        let client = BarrackClient(transport: transport, retryPolicy: sleeps.policy(maxAttempts: 3, random: 0.5))
        await assertThrowsAPIError(code: "SERVER_ERROR", containing: "maintenance") { _ = try await client.getBalance() }
        XCTAssertEqual(transport.requests.count, 6, "a read has the read budget, longer than a change's 3")
        // 0.5, 1, 2, 4 and 8 s, each jittered to 75 % by random() = 0.5.
        XCTAssertEqual(sleeps.sleeps, [.milliseconds(375), .milliseconds(750), .milliseconds(1500), .milliseconds(3000),
                                       .milliseconds(6000)])
    }

    /// Issue 27: a deletion in cleanup outlasts a failing platform on a budget of its own.
    func testADeletionRetriesOnItsOwnBudget() async throws {
        var script: [(TransportRequest) throws -> TransportResponse] = Array(
            repeating: { _ in .failure(503, code: "SERVER_ERROR", message: "maintenance") }, count: 9)
        script.append { _ in .json(200, #"{"success": true, "message": "deleted", "volume_id": "BRK-100001V"}"#) }
        let transport = RecordingTransport(script)
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy(maxAttempts: 3))
        _ = try await client.call(.deleteVolume, path: ["id": "BRK-100001V"])
        XCTAssertEqual(transport.requests.count, 10)
        XCTAssertEqual(RetryPolicy(maxAttempts: 20).attempts(for: OperationID.deleteVolume.endpoint), 20,
                       "a profile's higher max_attempts raises every budget")
        XCTAssertEqual(RetryPolicy.standard.attempts(for: OperationID.createVolume.endpoint), 3)
    }

    func testBackoffIsCapped() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(8), random: { 0.999_999 })
        XCTAssertEqual(Double(policy.backoff(afterAttempt: 10).components.seconds), 7, accuracy: 1)
        XCTAssertLessThanOrEqual(policy.backoff(afterAttempt: 10), .seconds(8))
        let low = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(8), random: { 0 })
        XCTAssertEqual(low.backoff(afterAttempt: 2), .seconds(1))
    }

    func testClientErrorsAreNotRetried() async {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport { _ in .failure(404, code: "NOT_FOUND", message: "no instance BRK-1VM") }
        let client = BarrackClient(transport: transport, retryPolicy: sleeps.policy())
        await assertThrowsAPIError(code: "NOT_FOUND") { _ = try await client.getInstance(id: "BRK-1VM") }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testAServerErrorOfACreateIsNotSentAgainWhenItsLookupFails() async throws {
        let transport = RecordingTransport { _ in .failure(502, code: "SERVER_ERROR", message: "bad gateway") }
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        do {
            _ = try await client.createVolume(CreateVolumeRequest(name: "d", region: .finland1, sizeGB: 100, volumeType: .nvme))
            XCTFail("a create whose lookup failed was reported done")
        } catch let error as BarrackAPIError {
            XCTAssertEqual(error.code, "SERVER_ERROR")
            XCTAssertTrue(error.message.contains("looking up 'd' failed too"), error.message)
            // Never reported as not made: the outcome is unknown, and the name is there to look for.
            XCTAssertTrue(error.message.contains("it may have been created as 'd'"), error.message)
            XCTAssertTrue(error.outcomeIsUnknown)
            XCTAssertEqual(error.details?["name"]?.stringValue, "d")
        }
        XCTAssertEqual(transport.requests.map(\.method), [.post] + Array(repeating: .get, count: 6),
                       "one create, then only lookups, on the read budget")
    }

    /// Issue 12: a volume whose create answer was lost was reported failed, and a re-run met
    /// `DUPLICATE_NAME`; every create now adopts what its first send made.
    func testALostCreateAnswerAdoptsTheVolumeInsteadOfCreatingTwice() async throws {
        let volume = #"{"id": "BRK-100001V", "name": "d", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe", "status": "CREATING"}"#
        let transport = RecordingTransport([
            { _ in throw TransportError(.connectionLost, "connection reset by peer") },
            { request in
                XCTAssertEqual(request.target, "/api/volumes/?region=FINLAND-1&page=1&limit=100")
                return .json(200, #"{"success": true, "volumes": [\#(volume)], "page": 1, "total_pages": 1}"#)
            },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.call(.createVolume, body: ["name": "d", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe"])
        XCTAssertEqual(answer["volume"]?["id"], "BRK-100001V")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get], "one create, then one lookup")
    }

    func testALostActionAnswerIsSettledByTheRefusalOfItsRetry() async throws {
        let transport = RecordingTransport([
            { _ in throw TransportError(.connectionLost, "connection reset by peer") },
            { _ in .failure(409, code: "INVALID_STATE", message: "instance BRK-482913VM is STOPPING") },
            { request in
                XCTAssertEqual(request.target, "/api/instances/BRK-482913VM/")
                return .json(200, #"{"success": true, "instance": \#(Self.instanceJSON)}"#)
            },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.call(.stopInstance, path: ["id": "BRK-482913VM"])
        XCTAssertEqual(answer["instance"]?["id"], "BRK-482913VM")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .post, .get])
        // A refusal of the first send itself is reported as it is.
        let refused = RecordingTransport { _ in .failure(409, code: "INVALID_STATE", message: "it is SHUTOFF") }
        let plain = BarrackClient(transport: refused, retryPolicy: SleepRecorder().policy())
        await assertThrowsAPIError(code: "INVALID_STATE") { _ = try await plain.call(.stopInstance, path: ["id": "BRK-1VM"]) }
        XCTAssertEqual(refused.requests.count, 1)
    }

    func testALostChatAnswerIsNeverSentAgain() async {
        let transport = RecordingTransport { _ in throw TransportError(.connectionLost, "connection reset") }
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        await assertThrowsAPIError(code: "NETWORK", containing: "not retried: chat may have been carried out") {
            _ = try await client.call(.chat, body: ["model": "m", "messages": []])
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testACreateIsRetriedWhenTheRequestNeverLeft() async throws {
        let transport = RecordingTransport([
            { _ in throw TransportError(.notConnected, "connection refused") },
            { _ in .json(200, #"{"success": true, "instance": \#(Self.instanceJSON)}"#) },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.deployInstance(Self.deploy)
        XCTAssertEqual(answer.instance.id, "BRK-482913VM")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .post])
    }

    func testAnAmbiguousDeployFailureFindsTheInstanceInsteadOfDeployingTwice() async throws {
        let transport = RecordingTransport([
            { _ in throw TransportError(.connectionLost, "connection reset by peer") },
            { request in
                XCTAssertEqual(request.target, "/api/instances/?region=FINLAND-1&page=1&limit=100")
                return .json(200, #"{"success": true, "instances": [\#(Self.instanceJSON)], "total": 1, "page": 1, "limit": 100, "total_pages": 1}"#)
            },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.deployInstance(Self.deploy)
        XCTAssertEqual(answer.instance.name, "trainer-1")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get], "one deploy, then one lookup")
    }

    func testAnAmbiguousDeployFailureDeploysAgainWhenTheLookupFindsNothing() async throws {
        let transport = RecordingTransport([
            { _ in .failure(504, code: "SERVER_ERROR", message: "gateway timeout") },
            { _ in .json(200, #"{"success": true, "instances": [], "total": 0, "page": 1, "limit": 100, "total_pages": 0}"#) },
            { _ in .json(201, #"{"success": true, "instance": \#(Self.instanceJSON)}"#) },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.deployInstance(Self.deploy)
        XCTAssertEqual(answer.instance.status, .creating)
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .post])
    }

    func testARetriedDeployThatMeetsItsOwnFirstAttemptReturnsThatInstance() async throws {
        let empty = TransportResponse.json(200, #"{"success": true, "instances": [], "page": 1, "total_pages": 1}"#)
        let found = TransportResponse.json(200, #"{"success": true, "instances": [\#(Self.instanceJSON)], "page": 1, "total_pages": 1}"#)
        let transport = RecordingTransport([
            { _ in throw TransportError(.timedOut, "no answer") },
            { _ in empty },
            { _ in .failure(409, code: "DUPLICATE_NAME", message: "an instance named trainer-1 exists") },
            { _ in found },
        ])
        let client = BarrackClient(transport: transport, retryPolicy: SleepRecorder().policy())
        let answer = try await client.deployInstance(Self.deploy)
        XCTAssertEqual(answer.instance.id, "BRK-482913VM")
        XCTAssertEqual(transport.requests.map(\.method), [.post, .get, .post, .get])
    }

    func testATimeoutBecomesATimeoutError() async {
        let transport = RecordingTransport { _ in
            throw TransportError(.timedOut, "no answer in time")
        }
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        await assertThrowsAPIError(code: "TIMEOUT") { _ = try await client.getBalance() }
    }

    func testTheClientsDeadlineCutsASlowTransport() async {
        struct Slow: Transport {
            func send(_ request: TransportRequest) async throws -> TransportResponse {
                try await Task.sleep(for: .seconds(30))
                return .json(200, "{}")
            }
        }
        let client = BarrackClient(transport: Slow(), retryPolicy: .none, timeout: .milliseconds(50))
        let started = ContinuousClock.now
        await assertThrowsAPIError(code: "TIMEOUT") { _ = try await client.getBalance() }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
    }

    func testCancellingTheCallerCancelsTheRequest() async {
        struct Slow: Transport {
            func send(_ request: TransportRequest) async throws -> TransportResponse {
                try await Task.sleep(for: .seconds(30))
                return .json(200, "{}")
            }
        }
        let client = BarrackClient(transport: Slow(), retryPolicy: .none)
        let task = Task { try await client.getBalance() }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else { return XCTFail("a cancelled call must throw") }
        XCTAssertTrue(error is CancellationError, "\(error)")
    }

    func testAllPagesAreFetchedAndJoined() async throws {
        let transport = RecordingTransport { request in
            let page = request.query.first { $0.name == "page" }?.value ?? "?"
            let volume = #"{"id": "BRK-40000\#(page)V", "name": "v\#(page)", "region": "FINLAND-1", "tier": "advanced", "size_gb": 100, "volume_type": "NVMe", "status": "AVAILABLE", "bootable": false, "hourly_cost": 0.03, "created_at": "2025-01-01T00:00:00Z"}"#
            return .json(200, #"{"success": true, "volumes": [\#(volume)], "total": 3, "page": \#(page), "limit": 1, "total_pages": 3}"#)
        }
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        let typed = try await client.listAllVolumes()
        XCTAssertEqual(typed.map(\.name), ["v1", "v2", "v3"])
        let raw = try await client.callAllPages(.listVolumes)
        XCTAssertEqual(raw["volumes"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["v1", "v2", "v3"])
        XCTAssertNil(raw["total_pages"])
        XCTAssertEqual(raw["total"], 3)
        let one = try await client.listVolumes(page: 2, limit: 1)
        XCTAssertEqual(one.pagination, Pagination(total: 3, page: 2, limit: 1, totalPages: 3))
        XCTAssertEqual(transport.requests.count, 7)
    }
}
