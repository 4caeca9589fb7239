import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// Several processes share one data folder through short transactions (issue 12): nothing holds
/// the folder between requests, a stuck holder is named, damaged files keep every copy and the
/// leftovers of a killed writer are removed.
@Suite struct SharedStateTests {
    @Test func twoOpenSandboxesShareOneFolder() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // flock locks belong to the open file description, so two sandboxes in one process
        // contend exactly as two processes would.
        let repl = try Harness(directory: folder)
        let script = try Harness(directory: folder)
        let first = repl.deploy(["name": "from-repl"])["instance"]?["id"]?.stringValue ?? ""
        #expect(script.status(first) == "CREATING")
        let second = script.deploy(["name": "from-script"])["instance"]?["id"]?.stringValue ?? ""
        #expect(second != first)
        let names = repl.get("/api/instances/")["instances"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names?.sorted() == ["from-repl", "from-script"])
        #expect(repl.deploy(["name": "from-script"]).code == "DUPLICATE_NAME")
        // A clock that finds a later instant in the state moves on to it.
        script.advance(600)
        #expect(script.status(second) == "ACTIVE")
        #expect(repl.status(first) == "ACTIVE")
        #expect(repl.sandbox.clock.now >= script.sandbox.clock.now - 1)
        #expect(try repl.sandbox.currentStatus().instancesByStatus == script.sandbox.status.instancesByStatus)
    }

    @Test func aStuckHolderIsNamedAfterTheWait() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sandbox = try Sandbox(configuration: .init(dataDirectory: folder, speed: 0, lockWait: 0.2))
        let held = try SandboxStore(directory: folder).lock()
        let answer = sandbox.handle(method: "GET", path: "/api/balance/")
        #expect(answer.status == 500)
        let message = (try? JSONValue(parsing: answer.body))?["message"]?.stringValue ?? ""
        #expect(message.contains("locked by another barrack process (process \(getpid()))"), "\(message)")
        #expect(message.contains("0.2 s"), "\(message)")
        do {
            _ = try Sandbox(configuration: .init(dataDirectory: folder, speed: 0, lockWait: 0.1))
            Issue.record("a held folder was opened")
        } catch let error as SandboxStoreError {
            #expect(error.description.contains("is locked by another barrack process"))
        }
        held.unlock()
        #expect(sandbox.handle(method: "GET", path: "/api/balance/").status == 200)
    }

    /// Issue 12: the copies were named to the second, so several damages in one second kept
    /// only the last.
    @Test func damagesInOneSecondKeepEveryCopy() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SandboxStore(directory: folder)
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        var copies: [String] = []
        for damage in ["{ not json", "[1, 2", "{\"format\": 1}"] {
            try Data(damage.utf8).write(to: store.fileURL)
            do {
                _ = try store.load(now: instant)
                Issue.record("damaged state \(damage) was accepted")
            } catch {
                guard case let .corrupt(_, movedTo, _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                copies.append(movedTo)
                #expect((try? String(contentsOfFile: movedTo, encoding: .utf8)) == damage)
            }
        }
        #expect(Set(copies).count == 3, "\(copies)")
        #expect(copies.first?.hasSuffix("sandbox.json.corrupt-20270115T080000Z") == true, "\(copies)")
        #expect(!FileManager.default.fileExists(atPath: store.fileURL.path))
    }

    /// Issue 12: `kill -9` during a save left `.sandbox.json.<pid>.tmp` behind for good.
    @Test func theTemporaryFileOfAKilledWriterIsRemoved() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sandbox = try Harness(directory: folder)
        let stale = folder.appendingPathComponent(".sandbox.json.999999.tmp")
        try Data("{\"format\": 1, \"half".utf8).write(to: stale)
        sandbox.post("/api/ssh-keys/", ["name": "after-a-crash"])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
        #expect(try Harness(directory: folder).get("/api/ssh-keys/")["ssh_keys"]?.arrayValue?.count == 2)
    }
}
