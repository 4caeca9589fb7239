import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// A page number whose offset overflows is a bad request, never a crash of the server
/// (issue 12: `?page=461168601842738792` killed `barrack sandbox serve`).
@Suite struct PaginationOverflowTests {
    @Test func everyPagedListRefusesAnOverflowingPage() throws {
        let sandbox = try Harness()
        let instance = sandbox.deployActive()
        let volume = sandbox.post("/api/volumes/", [
            "name": "data", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe",
        ])["volume"]?["id"]?.stringValue ?? ""
        let lists = [
            "/api/instances/", "/api/volumes/", "/api/ai/usage/history/",
            "/api/instances/\(instance)/billing/", "/api/volumes/\(volume)/billing/",
        ]
        for path in lists {
            for page in ["461168601842738792", String(Int.max)] {
                for limit in ["20", "100"] {
                    let answer = sandbox.get(path, query: ["page": page, "limit": limit])
                    #expect(answer.status == 400, "\(path)?page=\(page)&limit=\(limit)")
                    #expect(answer.code == "INVALID_VALUE", "\(path)?page=\(page)&limit=\(limit)")
                    #expect(answer.message.contains("page"), "\(path): \(answer.message)")
                }
            }
            // A page past the end that does not overflow is still an empty page.
            #expect(sandbox.get(path, query: ["page": "1000"]).status == 200, "\(path)")
        }
    }
}
