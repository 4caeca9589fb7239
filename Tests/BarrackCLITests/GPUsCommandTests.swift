import Foundation
import XCTest

/// `barrack gpus`: one table of what can be rented, joining specs, stock and prices, the
/// cheapest first, with the filters of `offers()`.
final class GPUsCommandTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    func testTheTableJoinsSpecsStockAndPricesCheapestFirst() {
        let run = barrack("gpus", "--count", "8")
        XCTAssertEqual(run.status, 0, run.standardError)
        let lines = run.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        XCTAssertEqual(lines.first, "model count vram_gb vcpus ram_gb price_per_gpu hourly_cost currency regions tier")
        XCTAssertEqual(lines.dropFirst().first, "RTX-A6000 8 48 64 360 0.69 5.52 USD CANADA-1 legacy")
        XCTAssertEqual(lines.last, "B300-262GB 8 262 256 2048 5.79 46.32 USD FINLAND-1, FINLAND-2, FINLAND-3, ICELAND-1 advanced")
        XCTAssertEqual(lines.count, 11, "a header and ten models")
    }

    func testFiltersAndCurrency() {
        let run = barrack("gpus", "--min-vram", "150", "--max-price", "12", "--currency", "eur", "--region", "ICELAND-1")
        XCTAssertEqual(run.status, 0, run.standardError)
        let rows = run.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        XCTAssertEqual(rows, ["B200-180GB 1", "B300-262GB 1", "B200-180GB 2", "B300-262GB 2"])
        XCTAssertTrue(run.standardOutput.contains(" EUR "), run.standardOutput)
        XCTAssertEqual(barrack("gpus", "--max-price", "0.1").standardOutput, "No offer in stock matches.\n")
    }

    func testJSONIsWhatOffersGivesAScript() throws {
        let run = barrack("gpus", "--count", "4", "--output", "json")
        XCTAssertEqual(run.status, 0, run.standardError)
        let offers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(offers.count, 10)
        XCTAssertEqual(offers.first?["regions"] as? [String], ["CANADA-1"])
        XCTAssertEqual((offers.first?["gpu"] as? [String: Any])?["count"] as? Int, 4)
        let script = barrack("-e", "print json(offers(count: 4))")
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(script.standardOutput.utf8)) as? NSArray, offers as NSArray)
    }

    func testAWrongValueIsAUsageErrorNamingTheOption() {
        assertUsageError(barrack("gpus", "--region", "FINLAND-9"),
                         says: "barrack gpus: --region must be one of FINLAND-1, FINLAND-2, FINLAND-3, ICELAND-1, CANADA-1, not FINLAND-9; did you mean 'FINLAND-1'?")
        assertUsageError(barrack("gpus", "--count", "3"), says: "barrack gpus: --count must be 1, 2, 4 or 8, not 3")
        assertUsageError(barrack("gpus", "--currency", "GBP"), says: "barrack gpus: --currency must be one of USD, EUR, INR, not GBP")
    }
}
