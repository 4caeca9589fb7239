import BarrackAPI
@testable import BarrackPlatform
import XCTest

/// What a built-in returns from a success envelope: a listing's items, the one resource, or the
/// answer without the envelope's own keys.
final class PayloadTests: XCTestCase {
    func testAListingGivesItsItems() {
        let answer: JSONValue = ["success": true, "message": "ok", "instances": [["id": "a"], ["id": "b"]],
                                 "total": 2, "page": 1, "limit": 20, "total_pages": 1, "request_id": "r"]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.listInstances.endpoint), [["id": "a"], ["id": "b"]])
    }

    func testIncidentalKeysBesideAListingAreDropped() {
        let answer: JSONValue = ["success": true, "volumes": [["id": "v"]], "next_name": "volume2", "tier": "advanced"]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.listVolumes.endpoint), [["id": "v"]])
    }

    func testAnEmptyListingIsAnEmptyList() {
        let answer: JSONValue = ["success": true, "ssh_keys": []]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.listSSHKeys.endpoint), [])
    }

    func testOneResourceGivesTheResource() {
        let answer: JSONValue = ["success": true, "message": "ok", "instance": ["id": "a", "status": "ACTIVE"],
                                 "tier": "advanced", "request_id": "r"]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.getInstance.endpoint),
                       ["id": "a", "status": "ACTIVE"])
    }

    func testSeveralPartsKeepTheAnswerWithoutItsEnvelope() {
        let answer: JSONValue = ["success": true, "records": [["billing_id": "b"]], "summary": ["totalCost": 1.5],
                                 "currency": "USD", "total": 1, "page": 1, "limit": 20, "total_pages": 1, "request_id": "r"]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.getInstanceBilling.endpoint),
                       ["records": [["billing_id": "b"]], "summary": ["totalCost": 1.5], "currency": "USD"])
    }

    func testAScalarPayloadIsKeptWhole() {
        let answer: JSONValue = ["success": true, "amount": 500, "currency": "USD"]
        XCTAssertEqual(PlatformCall.payload(answer, endpoint: OperationID.getBalance.endpoint),
                       ["amount": 500, "currency": "USD"])
    }

    func testAnAnswerThatIsNotAnObjectIsKept() {
        XCTAssertEqual(PlatformCall.payload(["a", "b"], endpoint: OperationID.listRegions.endpoint), ["a", "b"])
    }

    func testEveryListingReturnsAListFromItsEndpointsItemsKey() {
        for operation in OperationID.allCases {
            guard let key = operation.endpoint.itemsKey else { continue }
            let answer = JSONValue.object(JSONObject([.init(key: "success", value: true),
                                                      .init(key: key, value: [["id": "x"]])]))
            XCTAssertEqual(PlatformCall.payload(answer, endpoint: operation.endpoint), [["id": "x"]], operation.rawValue)
        }
    }
}
