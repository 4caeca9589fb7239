import BarrackAPI
import Foundation
import XCTest

/// Decoding of the answer shapes the platform's reference documents, of error envelopes, and of
/// answers that are not what the contract says.
final class DecodingTests: XCTestCase {
    func client(answering text: String, status: Int = 200) -> BarrackClient {
        BarrackClient(transport: RecordingTransport { _ in .json(status, text) }, retryPolicy: .none)
    }

    func testThePricingAnswerOfTheReferenceDecodes() async throws {
        let answer = try await client(answering: #"""
            {"success": true, "message": "Pricing information retrieved successfully",
             "pricing_data": {
               "gpus": {"pricing": {
                   "advanced": {"H100-SXM5-80GB": {"prices": {"USD": 2.49, "EUR": 2.69, "INR": 209}, "max_count": 8, "unit": "per GPU per hour"}},
                   "legacy": {"RTX-A6000": {"prices": {"USD": 0.69, "EUR": 0.75, "INR": 49}, "max_count": 4, "unit": "per GPU per hour"}}},
                 "description": "GPU pricing by model and tier"},
               "volumes": {"pricing": {"advanced": {"NVMe": {"prices": {"USD": 0.3, "EUR": 0.35, "INR": 30}, "unit": "per TB per hour"}}},
                 "minimum_size_gb": 100, "description": "Volume storage pricing"},
               "snapshots": {"pricing": {"legacy": {"prices": {"USD": 0.1, "EUR": 0.1, "INR": 10}, "fixed_size_gb": 100, "unit": "per hour (fixed 100GB)"}},
                 "description": "Snapshot pricing, legacy tier only"},
               "metadata": {"supported_currencies": ["USD", "EUR", "INR"], "supported_tiers": ["legacy", "advanced"],
                 "volume_minimum_size_gb": 100, "authentication_type": "api_key", "timestamp": 1736936400}},
             "request_id": "f00dfeed"}
            """#).getPricing()
        XCTAssertEqual(answer.requestID, "f00dfeed")
        XCTAssertEqual(answer.pricingData.gpus?.pricing["advanced"]?["H100-SXM5-80GB"]?.amount(in: .eur), 2.69)
        XCTAssertEqual(answer.pricingData.gpus?.pricing["legacy"]?["RTX-A6000"]?.maxCount, 4)
        XCTAssertEqual(answer.pricingData.volumes?.minimumSizeGB, 100)
        XCTAssertEqual(answer.pricingData.snapshots?.pricing["legacy"]?.fixedSizeGB, 100)
        XCTAssertEqual(answer.pricingData.metadata?.supportedTiers, [.legacy, .advanced])
        XCTAssertEqual(answer.pricingData.metadata?.timestamp, 1_736_936_400)
    }

    func testTheInstanceBillingAnswerDecodes() async throws {
        let answer = try await client(answering: #"""
            {"success": true,
             "records": [{"billing_id": "BRK-654321VMB", "instance_id": "BRK-654321VM", "vm_name": "render-box",
               "gpu_type": "H100-SXM5-80GB", "gpu_count": 4, "tier": "advanced", "start_time": "2025-02-01T08:00:00Z",
               "end_time": null, "total_duration_minutes": 600, "per_minute_rate": 0.166, "total_cost": 99.6,
               "currency": "USD", "status": "active", "description": "Deployment billing - 600 minutes"}],
             "summary": {"totalMinutes": 600, "activeCount": 1, "completedCount": 0, "hibernatedCount": 0,
               "averageUsage": 600, "totalCost": 99.6},
             "total": 1, "page": 1, "limit": 20, "total_pages": 1, "currency": "USD"}
            """#).getInstanceBilling(id: "BRK-654321VM")
        XCTAssertEqual(answer.records.first?.gpuType, .h100SXM5)
        XCTAssertNil(answer.records.first?.endTime)
        XCTAssertEqual(answer.summary.totalCost, 99.6)
        XCTAssertEqual(answer.pagination?.totalPages, 1)
    }

    func testTheVolumeBillingAnswerDecodesWithItsCapitalisedTierAndLocalTimes() async throws {
        let answer = try await client(answering: #"""
            {"success": true,
             "records": [{"billing_id": "VBILL_0f0f0f", "volume_id": "BRK-222222V", "volume_name": "scratch",
               "size_gb": 500, "tier": "Advanced", "start_time": "2025-03-01T00:00:00", "end_time": "2025-03-01T02:00:00",
               "total_duration_minutes": 120, "per_minute_rate": 0.0025, "total_cost": 0.3, "currency": "EUR",
               "status": "available", "description": "Volume billing - 120 minutes"}],
             "summary": {"totalMinutes": 120, "activeCount": 1, "averageUsage": 120, "totalSizeGB": 500, "totalCost": 0.3},
             "total": 1, "page": 1, "limit": 20, "total_pages": 1, "currency": "EUR"}
            """#).getVolumeBilling(id: "BRK-222222V")
        XCTAssertEqual(answer.records.first?.tier, .advanced)
        XCTAssertEqual(answer.summary.totalSizeGB, 500)
        XCTAssertEqual(answer.currency, .eur)
    }

    func testTheSnapshotBillingAnswerDecodes() async throws {
        let answer = try await client(answering: #"""
            {"success": true,
             "records": [{"billing_id": "BRK-333333SB", "snapshot_id": "BRK-333333S", "snapshot_name": "before-upgrade",
               "size_gb": 100, "tier": "legacy", "start_time": "2025-04-02T10:00:00Z", "end_time": "2025-04-02T12:00:00Z",
               "total_duration_minutes": 120, "per_minute_rate": 0.00167, "total_cost": 0.2, "currency": "USD",
               "status": "completed", "description": "Snapshot usage - 120 minutes"}],
             "summary": {"totalMinutes": 120, "activeCount": 0, "averageUsage": 120, "totalSizeGB": 100, "totalCost": 0.2},
             "total": 1, "page": 1, "limit": 20, "total_pages": 1, "currency": "USD", "tier": "legacy"}
            """#).getSnapshotBilling(id: "BRK-333333S")
        XCTAssertEqual(answer.records.first?.resourceName, "before-upgrade")
        XCTAssertEqual(answer.tier, .legacy)
    }

    func testAnErrorEnvelopeBecomesAnErrorWithEveryField() async {
        let client = client(answering: #"""
            {"success": false, "message": "H100-SXM5-80GB x8 is out of stock in FINLAND-1",
             "error": {"code": "OUT_OF_STOCK", "details": {"available": 4, "requested": 8}}, "request_id": "abc123"}
            """#, status: 409)
        do {
            _ = try await client.deployInstance(RetryTests.deploy)
            XCTFail("expected an error")
        } catch let error as BarrackAPIError {
            XCTAssertEqual(error.code, "OUT_OF_STOCK")
            XCTAssertEqual(error.status, 409)
            XCTAssertEqual(error.operation, .deployInstance)
            XCTAssertEqual(error.requestID, "abc123")
            XCTAssertEqual(error.details?["available"], 4)
            XCTAssertEqual(
                error.description,
                "OUT_OF_STOCK (409) in deploy_instance: H100-SXM5-80GB x8 is out of stock in FINLAND-1 [request abc123]")
        } catch {
            XCTFail("\(error)")
        }
    }

    func testAnErrorPageThatIsNotJSONKeepsTheStatus() async {
        let transport = RecordingTransport { _ in
            TransportResponse(status: 502, headers: ["Content-Type": "text/html"], body: Data("<html>Bad gateway</html>".utf8))
        }
        let client = BarrackClient(transport: transport, retryPolicy: .none)
        await assertThrowsAPIError(code: "SERVER_ERROR", containing: "HTTP 502 with a 24-byte body of text/html") {
            _ = try await client.getBalance()
        }
    }

    func testASuccessThatIsNotJSONIsADecodingErrorNamingTheOperation() async {
        await assertThrowsAPIError(code: "DECODING", containing: "the answer of list_regions is not JSON") {
            _ = try await self.client(answering: "<html>maintenance</html>").listRegions()
        }
    }

    func testAWrongFieldIsADecodingErrorNamingTheField() async {
        let text = #"{"success": true, "instance": {"id": "BRK-1VM", "name": "x", "status": "ACTIVE", "gpu_model": "L40", "gpu_count": "four"}}"#
        await assertThrowsAPIError(code: "DECODING", containing: "get_instance does not match VMDetailsResponse: field 'instance.gpu_count'") {
            _ = try await self.client(answering: text).getInstance(id: "BRK-1VM")
        }
        let missing = #"{"success": true, "balance": {"currency": "USD"}}"#
        await assertThrowsAPIError(code: "DECODING", containing: "field 'balance.amount' is missing") {
            _ = try await self.client(answering: missing).getBalance()
        }
    }

    func testUnknownEnumValuesDecodeAndEncodeBackUnchanged() throws {
        let text = #"{"name": "MARS-1", "tier": "orbital", "gpu_models": ["X900-1TB", "L40"], "volume_types": ["Tape"]}"#
        let region = try JSONDecoder().decode(Region.self, from: Data(text.utf8))
        XCTAssertEqual(region.name, .unknown("MARS-1"))
        XCTAssertEqual(region.tier, .unknown("orbital"))
        XCTAssertEqual(region.gpuModels, [.unknown("X900-1TB"), .l40])
        XCTAssertFalse(region.name.isKnown)
        XCTAssertEqual(try JSONValue(parsing: JSONEncoder().encode(region)), try JSONValue(parsing: text))
        XCTAssertEqual(TierEnum(rawValue: "ADVANCED"), .advanced)
        XCTAssertEqual(VMStatus.knownCases.count, 12)
    }

    func testTheEnvelopeAndThePayloadEncodeIntoOneObject() throws {
        let answer = APIResponse(
            payload: ListVMsResponse(instances: []), message: "ok", requestID: "r9", tier: .legacy,
            pagination: Pagination(total: 0, page: 1, limit: 20, totalPages: 0))
        let json = try JSONValue(parsing: JSONEncoder().encode(answer))
        XCTAssertEqual(json, [
            "success": true, "message": "ok", "instances": [], "total": 0, "page": 1, "limit": 20,
            "total_pages": 0, "tier": "legacy", "request_id": "r9",
        ])
        let back = try JSONDecoder().decode(APIResponse<ListVMsResponse>.self, from: JSONEncoder().encode(answer))
        XCTAssertEqual(back, answer)
    }
}
