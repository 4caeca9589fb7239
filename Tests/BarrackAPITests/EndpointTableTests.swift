@testable import BarrackAPI
import Foundation
import XCTest

final class EndpointTableTests: XCTestCase {
    func testEveryMethodAndPathIsUnique() {
        let keys = EndpointTable.all.map { "\($0.method.rawValue) \($0.pathTemplate)" }
        XCTAssertEqual(Set(keys).count, 67)
        for endpoint in EndpointTable.all {
            XCTAssertTrue(endpoint.pathTemplate.hasPrefix("/api/") && endpoint.pathTemplate.hasSuffix("/"), endpoint.pathTemplate)
        }
    }

    func testEveryConcretePathMatchesBackToItsOperation() {
        for endpoint in EndpointTable.all {
            var parameters: [String: String] = [:]
            for name in endpoint.pathParameters { parameters[name] = "BRK-\(name.count)00001X" }
            guard case .success(let path) = PathTemplate(endpoint.pathTemplate).fill(parameters) else {
                return XCTFail("cannot fill \(endpoint.pathTemplate)")
            }
            for variant in [path, String(path.dropLast()), path + "?page=1"] {
                XCTAssertEqual(
                    EndpointTable.match(method: endpoint.method.rawValue.lowercased(), path: variant),
                    .matched(endpoint, parameters: parameters), variant)
            }
        }
    }

    func testLiteralSegmentsWinOverPlaceholders() {
        guard case .matched(let endpoint, let parameters) = EndpointTable.match(method: "GET", path: "/api/volumes/types") else {
            return XCTFail("no match")
        }
        XCTAssertEqual(endpoint.operation, .listVolumeTypes)
        XCTAssertEqual(parameters, [:])
        guard case .matched(let rule, let ids) = EndpointTable.match(method: .delete, path: "/api/instances/BRK-1VM/security-rules/BRK-2R/") else {
            return XCTFail("no match")
        }
        XCTAssertEqual(rule.operation, .removeSecurityRule)
        XCTAssertEqual(ids, ["id": "BRK-1VM", "rule_id": "BRK-2R"])
    }

    func testWrongMethodsAndUnknownPathsAreToldApart() {
        XCTAssertEqual(EndpointTable.match(method: "PATCH", path: "/api/instances/"), .methodNotAllowed(allowed: [.get, .post]))
        XCTAssertEqual(EndpointTable.match(method: "GET", path: "/api/unicorns/"), .notFound)
        XCTAssertEqual(EndpointTable.match(method: "GET", path: "/"), .notFound)
    }

    func testPercentEncodedIdentifiersAreDecodedWhenMatched() {
        guard case .matched(_, let parameters) = EndpointTable.match(method: "GET", path: "/api/scripts/a%2Fb/") else {
            return XCTFail("no match")
        }
        XCTAssertEqual(parameters, ["id": "a/b"])
    }

    func testOnlyReadsQuotesAndReplacementsAreSafeToRepeat() {
        let safe = EndpointTable.all.filter(\.isSafeToRepeat).map(\.operation)
        XCTAssertTrue(safe.contains(.quotePricing) && safe.contains(.updateScript) && safe.contains(.getSnapshotImages))
        for operation in [OperationID.deployInstance, .createVolume, .deleteInstance, .togglePublicIP, .chat] {
            XCTAssertFalse(operation.endpoint.isSafeToRepeat, "\(operation)")
        }
    }

    /// Issue 29: ten list operations ignored `?page=&limit=`; the contract's section 1 pages every
    /// list, so every read with an items key takes both, and nothing else does.
    func testEveryListReadIsPaginated() {
        for endpoint in EndpointTable.all {
            let isListRead = endpoint.method == .get && endpoint.itemsKey != nil
            XCTAssertEqual(endpoint.isPaginated, isListRead, "\(endpoint.operation)")
            if isListRead { XCTAssertEqual(endpoint.queryParameters.suffix(2), ["page", "limit"], "\(endpoint.operation)") }
        }
        XCTAssertEqual(EndpointTable.all.filter(\.isPaginated).count, 21)
    }

    func testEveryErrorCodeOfTheContractHasItsStatus() {
        let expected: [String: Int] = [
            "MISSING_FIELD": 400, "INVALID_NAME": 400, "INVALID_VALUE": 400, "NOT_SUPPORTED_IN_TIER": 400,
            "SSH_KEY_INVALID_FOR_VOLUME_BOOT": 400, "UNAUTHORIZED": 401, "INSUFFICIENT_CREDITS": 402,
            "PROFILE_INCOMPLETE": 403, "NOT_FOUND": 404, "SSH_KEY_NOT_FOUND": 404, "DUPLICATE_NAME": 409,
            "OUT_OF_STOCK": 409, "INVALID_STATE": 409, "VOLUME_NOT_AVAILABLE": 409, "IN_USE": 409,
            "LIMIT_REACHED": 409, "RATE_LIMITED": 429, "SERVER_ERROR": 500,
        ]
        for (code, status) in expected { XCTAssertEqual(ErrorCode(rawValue: code)?.httpStatus, status, code) }
    }
}
