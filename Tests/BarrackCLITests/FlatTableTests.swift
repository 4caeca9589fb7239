import Foundation
import XCTest

/// `barrack pricing`, `quote`, `gpu-stock` and `gpu-specs` print flat tables, the nested parts as
/// rows and columns of their own; they once printed a nested map per line
/// (`gpus {pricing: {advanced: {"B200-180GB": {prices: {EUR: 4.69, …`).
final class FlatTableTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    /// The lines of `barrack arguments…`, each with its runs of spaces made one.
    private func lines(_ arguments: String...) -> [String] {
        let run = barrack.run(arguments)
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertFalse(run.standardOutput.contains("{"), "no nested map is left: \(run.standardOutput)")
        return run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    func testPricingIsOneRowPerPriceWithAColumnPerCurrency() {
        let table = lines("pricing")
        XCTAssertEqual(table.first, "resource tier name EUR INR USD unit max_count")
        XCTAssertTrue(table.contains("gpus advanced H100-SXM5-80GB 2.69 209.0 2.49 per GPU per hour 8"), "\(table)")
        XCTAssertTrue(table.contains("volumes advanced NVMe 0.35 30.0 0.3 per TB per hour"), "\(table)")
        XCTAssertTrue(table.contains("snapshots legacy 0.1 10.0 0.1 per 100 GB per hour"), "\(table)")
    }

    func testAQuoteShowsItsPricesItsPartsAndItsTotal() {
        let table = lines("quote", "--gpu", "H100-SXM5-80GB", "--count", "8", "--resource-type", "gpus")
        XCTAssertEqual(table, [
            "resource tier name EUR INR USD unit max_count",
            "gpus advanced H100-SXM5-80GB 2.69 209.0 2.49 per GPU per hour 8",
            "",
            "resource_type description hourly",
            "gpus 8 × H100-SXM5-80GB 19.92",
            "",
            "hourly 19.92",
            "currency USD",
            "",
        ])
    }

    func testStockAndSpecsAreOneRowPerGPUCount() {
        let stock = lines("gpu-stock", "--region", "FINLAND-1")
        XCTAssertEqual(stock.first, "region tier gpu_model available_gpus gpu_count available")
        XCTAssertEqual(stock.dropFirst().first, "FINLAND-1 advanced B300-262GB 64 1 true")
        let specs = lines("gpu-specs", "--gpu-model", "L40")
        XCTAssertEqual(specs, [
            "gpu_model tier vram_gb gpu_counts gpu_count vcpus ram_gb",
            "L40 legacy 48 1, 2, 4, 8 1 8 60", "L40 legacy 48 1, 2, 4, 8 2 16 120",
            "L40 legacy 48 1, 2, 4, 8 4 32 240", "L40 legacy 48 1, 2, 4, 8 8 64 480", "",
        ])
    }

    func testJSONKeepsThePlatformsShape() throws {
        let run = barrack("pricing", "--output", "json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertNotNil((object["gpus"] as? [String: Any])?["pricing"], run.standardOutput)
    }
}
