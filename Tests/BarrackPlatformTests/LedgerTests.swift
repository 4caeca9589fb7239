import BarrackAPI
import BarrackPlatform
import Foundation
import XCTest

/// Issue 27: every create of a billed resource is in the ledger file before it is sent, and
/// settled by its answer, its refusal or a deletion; a lost one stays pending with its name.
final class LedgerTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("barrack-ledger-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func ledger() -> Ledger {
        let directory = folder
        return Ledger(store: { try LedgerStore(directory: directory, scope: "test default") })
    }

    private func rows() throws -> [LedgerEntry] {
        try LedgerStore(directory: folder, scope: "test default").all()
    }

    static let volume: JSONValue = ["success": true, "volume": ["id": "BRK-100001V", "name": "data", "status": "CREATING",
                                                                "hourly_cost": 0.03, "currency": "USD"]]

    func testACreateIsOnDiskBeforeItIsSentAndSettledByItsAnswer() async throws {
        let folder = self.folder
        final class Seen: @unchecked Sendable { var rows: [LedgerEntry] = [] }
        let seen = Seen()
        let base = RecordingConnection { call in
            if call.operation == .createVolume { seen.rows = try LedgerStore(directory: folder, scope: "test default").all() }
            return call.operation == .createVolume ? Self.volume : RecordingConnection.success
        }
        let ledger = ledger()
        let connection = LedgerConnection(base: base, ledger: ledger)
        _ = try await connection.call(.createVolume, pathParameters: [:], query: [],
                                      body: ["name": "data", "region": "FINLAND-1", "size_gb": 100])
        XCTAssertEqual(seen.rows.map(\.state), [.pending], "the row was written before the request went out")
        XCTAssertEqual(seen.rows.first?.name, "data")
        let settled = try rows()
        XCTAssertEqual(settled.map(\.state), [.created])
        XCTAssertEqual(settled.first?.resourceID, "BRK-100001V")
        XCTAssertEqual(settled.first?.hourlyCost, 0.03)
        XCTAssertEqual(ledger.leftRunningLine, "left running: 1 volume, 0.03 USD/h (barrack leftovers)")

        _ = try await connection.call(.deleteVolume, pathParameters: ["id": "BRK-100001V"], query: [], body: nil)
        XCTAssertEqual(try rows().map(\.state), [.deleted])
        XCTAssertNil(ledger.leftRunningLine)
        XCTAssertEqual(try ledger.outstanding(), [])
    }

    func testARefusedCreateIsSettledAsNeverMade() async throws {
        let base = RecordingConnection { _ in
            throw BarrackAPIError(.invalidName, status: 400, message: "bad name", operation: .createVolume)
        }
        let connection = LedgerConnection(base: base, ledger: ledger())
        do {
            _ = try await connection.call(.createVolume, pathParameters: [:], query: [], body: ["name": "-x-"])
            XCTFail("a refused create succeeded")
        } catch let error as BarrackAPIError {
            XCTAssertEqual(error.code, "INVALID_NAME")
            XCTAssertFalse(error.outcomeIsUnknown)
        }
        XCTAssertEqual(try rows().map(\.state), [.failed])
    }

    func testALostCreateStaysPendingAndItsErrorCarriesItsName() async throws {
        let base = RecordingConnection { _ in
            throw BarrackAPIError(.network, message: "POST /api/instances/: connection reset", operation: .deployInstance)
        }
        let connection = LedgerConnection(base: base, ledger: ledger())
        do {
            // Sent without a name: it is named first, so that it can be looked for.
            _ = try await connection.call(.deployInstance, pathParameters: [:], query: [],
                                          body: ["gpu_model": "H100-SXM5-80GB", "gpu_count": 1, "region": "FINLAND-1"])
            XCTFail("a lost create succeeded")
        } catch let error as BarrackAPIError {
            XCTAssertTrue(error.outcomeIsUnknown)
            let name = try XCTUnwrap(error.details?["name"]?.stringValue)
            XCTAssertNotNil(name.wholeMatch(of: /barrack-h100-[a-z]{6}/), name)
            XCTAssertTrue(error.message.contains("it may have been created as '\(name)'"), error.message)
            XCTAssertEqual(try rows().map(\.state), [.pending])
            XCTAssertEqual(try rows().first?.name, name)
        }
    }

    func testLeftoversSettleWhatTheyFindAndKeepWhatTheyCannotRead() async throws {
        let ledger = ledger()
        let lost = RecordingConnection { _ in throw BarrackAPIError(.timeout, message: "no answer") }
        for name in ["found", "never", "unreadable"] {
            _ = try? await LedgerConnection(base: lost, ledger: ledger)
                .call(.createVolume, pathParameters: [:], query: [], body: ["name": .string(name), "region": "FINLAND-1"])
        }
        // The platform shows "found"; the third lookup fails.
        final class Count: @unchecked Sendable { var lists = 0 }
        let count = Count()
        let platform = RecordingConnection { call in
            guard call.operation == .listVolumes else { return RecordingConnection.success }
            count.lists += 1
            if count.lists == 3 { throw BarrackAPIError(.serverError, status: 502, message: "bad gateway") }
            return ["success": true, "volumes": [["id": "BRK-100009V", "name": "found", "status": "AVAILABLE", "region": "FINLAND-1",
                                                  "hourly_cost": 0.03, "currency": "USD"]]]
        }
        let found = await Leftover.read(try ledger.outstanding(), through: platform, ledger: ledger)
        XCTAssertEqual(found.map(\.entry.name), ["found", "unreadable"], "a name the listing does not show was never made")
        XCTAssertEqual(found.first?.entry.resourceID, "BRK-100009V")
        XCTAssertEqual(found.first?.status, "AVAILABLE")
        XCTAssertEqual(found.last?.status, nil, "what could not be read is kept, with why")
        XCTAssertTrue(found.last?.problem?.contains("bad gateway") == true)
        XCTAssertEqual(try rows().map(\.state), [.created, .failed, .pending])
    }
}
