import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// Issue 29: ten list operations answered without `total`, `page`, `limit` and `total_pages` and
/// ignored `?page=2&limit=1`. The contract's section 1 pages every list.
@Suite struct ListPaginationTests {
    /// A sandbox with at least one item in every list, and the ids the paths need.
    private func populated() -> (Harness, [String: String])? {
        guard let sandbox = try? Harness() else { return nil }
        sandbox.post("/api/ssh-keys/", ["name": "second"])
        let instance = sandbox.deployActive(legacy: true)
        _ = sandbox.deployActive(legacy: true, ["name": "other"])
        let firewall = sandbox.post("/api/firewalls/", ["name": "web", "region": "CANADA-1"])["firewall"]?["id"]?.stringValue ?? ""
        sandbox.post("/api/firewalls/", ["name": "db", "region": "CANADA-1"])
        sandbox.post("/api/firewalls/\(firewall)/attach/", ["instance_ids": [.string(instance)]])
        let volume = sandbox.post("/api/volumes/", ["name": "data", "region": "CANADA-1", "size_gb": 100, "volume_type": "SSD"])
        sandbox.post("/api/volumes/", ["name": "more", "region": "CANADA-1", "size_gb": 100, "volume_type": "SSD"])
        let snapshot = sandbox.post("/api/snapshots/", ["instance_id": .string(instance), "name": "snap"])
        let other = sandbox.post("/api/snapshots/", ["instance_id": .string(instance), "name": "snap2"])
        sandbox.advance(3600)
        let snapshotID = snapshot["snapshot"]?["id"]?.stringValue ?? ""
        sandbox.post("/api/images/", ["snapshot_id": .string(snapshotID), "name": "img"])
        sandbox.post("/api/images/", ["snapshot_id": other["snapshot"]?["id"] ?? "", "name": "img2"])
        sandbox.post("/api/scripts/", ["name": "one", "content": "echo 1"])
        sandbox.post("/api/scripts/", ["name": "two", "content": "echo 2"])
        for text in ["hello", "again"] {
            sandbox.post("/api/ai/chat/completions/", ["model": "barrack-chat-small", "messages": [["role": "user", "content": .string(text)]]])
        }
        return (sandbox, ["instance": instance, "volume": volume["volume"]?["id"]?.stringValue ?? "", "snapshot": snapshotID,
                          "firewall": firewall])
    }

    private func path(of endpoint: Endpoint, ids: [String: String]) -> String {
        let resource: String
        switch endpoint.operation {
        case .getVolumeBilling: resource = ids["volume"] ?? ""
        case .getSnapshotBilling: resource = ids["snapshot"] ?? ""
        case .listFirewallAttachableInstances: resource = ids["firewall"] ?? ""
        default: resource = ids["instance"] ?? ""
        }
        return endpoint.path(filling: ["id": resource]) ?? endpoint.pathTemplate
    }

    @Test func everyListAnswersItsPositionAndHonoursPageAndLimit() throws {
        let (sandbox, ids) = try #require(populated())
        let lists = EndpointTable.all.filter(\.isPaginated)
        #expect(lists.count == 21)
        var severalItems = 0
        for endpoint in lists {
            let path = path(of: endpoint, ids: ids)
            let key = try #require(endpoint.itemsKey)
            let whole = sandbox.get(path, query: ["limit": "100"])
            #expect(whole.status == 200, "\(endpoint.operation): \(whole.message)")
            let items = whole[key]?.arrayValue ?? []
            #expect(whole["total"]?.intValue == items.count, "\(endpoint.operation)")
            #expect(whole["page"] == 1 && whole["limit"] == 100 && whole["total_pages"] == 1, "\(endpoint.operation)")
            #expect(sandbox.get(path)["limit"] == 20, "\(endpoint.operation): the default page is 20")

            let second = sandbox.get(path, query: ["page": "2", "limit": "1"])
            #expect(second["page"] == 2 && second["limit"] == 1, "\(endpoint.operation)")
            #expect(second["total"]?.intValue == items.count, "\(endpoint.operation)")
            #expect(second["total_pages"]?.intValue == max(1, items.count), "\(endpoint.operation)")
            let page = second[key]?.arrayValue ?? []
            if items.count >= 2 {
                severalItems += 1
                #expect(page == [items[1]], "\(endpoint.operation): page 2 of 1 is the second item")
            } else {
                #expect(page.isEmpty, "\(endpoint.operation)")
            }
        }
        // Most lists hold two items or more here, so the page really is cut.
        #expect(severalItems >= 15, "only \(severalItems) lists held two items")
    }

    @Test func theClientFollowsEveryPage() async throws {
        let sandbox = try Harness()
        for index in 1..<25 { sandbox.post("/api/ssh-keys/", ["name": .string("key\(index)")]) }
        let client = BarrackClient(transport: SandboxTransport(sandbox: sandbox.sandbox))
        #expect(sandbox.get("/api/ssh-keys/")["ssh_keys"]?.arrayValue?.count == 20, "one default page holds 20")
        #expect(try await client.listSSHKeys().sshKeys.count == 25)
        let joined = try await client.callAllPages(.listSSHKeys, query: ["limit": "10"])
        #expect(joined["ssh_keys"]?.arrayValue?.count == 25)
        #expect(joined["total"] == 25)
    }
}
