import BarrackAPI
import Crypto
import Foundation
import Testing

@testable import BarrackSandbox

/// The parts under the operations: clock, key checks, digests, CIDRs, fault specs, persistence.
@Suite struct FoundationTests {
    @Test func frozenClockMovesOnlyWhenTold() async throws {
        let clock = SandboxClock(start: Date(timeIntervalSince1970: 0), speed: 0)
        clock.advance(by: 300)
        clock.advance(by: -50)
        try await clock.sleep(seconds: 10)
        #expect(clock.now == Date(timeIntervalSince1970: 310))
    }

    @Test func runningClockRunsAtItsSpeed() {
        let real = RealClock()
        let clock = SandboxClock(start: Date(timeIntervalSince1970: 0), speed: 60, realNow: { real.now })
        real.now += 2
        #expect(clock.now == Date(timeIntervalSince1970: 120))
        clock.speed = 0
        real.now += 5
        #expect(clock.now == Date(timeIntervalSince1970: 120))
    }

    final class RealClock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_000)
    }

    @Test func fingerprintsAreOpenSSHs() throws {
        // The line and its fingerprint as `ssh-keygen -lf` printed them.
        let key = try SSHPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPL9jo8iDj1mjISMUrEoubLR1EQ4hhZM3zP0nZzEDAqF test").get()
        #expect(key.fingerprint == "SHA256:CS+8DzSErD6iUyak5WUcTnsSlUsguRIy0CJc57lSdQ4")
    }

    @Test func aGeneratedPairIsARealEd25519Pair() throws {
        let generated = SSHPublicKey.generatedPair(randomBytes: Array(repeating: 7, count: 36), comment: "c")
        // openssh-key-v1: magic, cipher, kdf, kdf options, key count, public blob, private section.
        let base64 = generated.privateKey.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var reader = WireReader(bytes: [UInt8](try #require(Data(base64Encoded: base64))))
        #expect(reader.take(15) == Array("openssh-key-v1\0".utf8))
        #expect(reader.string() == Array("none".utf8))
        #expect(reader.string() == Array("none".utf8))
        #expect(reader.string() == [])
        #expect(reader.take(4) == [0, 0, 0, 1])
        #expect(reader.string() == generated.publicKey.blob)
        var section = WireReader(bytes: reader.string())
        #expect(section.take(4) == section.take(4), "the two check numbers agree")
        #expect(section.string() == Array("ssh-ed25519".utf8))
        let publicBytes = section.string()
        let privateBytes = section.string()
        #expect(privateBytes.count == 64 && Array(privateBytes.suffix(32)) == publicBytes)
        // The private half makes the public half, and what it signs the public key verifies.
        let signingKey = try Curve25519.Signing.PrivateKey(rawRepresentation: privateBytes.prefix(32))
        #expect([UInt8](signingKey.publicKey.rawRepresentation) == publicBytes)
        let signature = try signingKey.signature(for: Array("barrack".utf8))
        let verifying = try Curve25519.Signing.PublicKey(rawRepresentation: publicBytes)
        #expect(verifying.isValidSignature(signature, for: Array("barrack".utf8)))
        // The public line carries the same key, and the same seed makes the same pair.
        var blob = WireReader(bytes: generated.publicKey.blob)
        #expect(blob.string() == Array("ssh-ed25519".utf8))
        #expect(blob.string() == publicBytes)
        #expect(SSHPublicKey.generatedPair(randomBytes: Array(repeating: 7, count: 36), comment: "c").privateKey == generated.privateKey)
    }

    @Test func publicKeysAreCheckedLikeOpenSSH() {
        #expect((try? SSHPublicKey.parse(publicKeyLine()).get())?.type == "ssh-ed25519")
        #expect((try? SSHPublicKey.parse(publicKeyLine(type: "ecdsa-sha2-nistp256", keyBytes: 65)).get())?.comment == "test@example")
        #expect((try? SSHPublicKey.parse(publicKeyLine() + "\nssh-rsa AAAA").get()) == nil)
        #expect((try? SSHPublicKey.parse("ssh-ed25519").get()) == nil)
        #expect((try? SSHPublicKey.parse("ssh-ed25519 not*base64").get()) == nil)
        #expect((try? SSHPublicKey.parse(publicKeyLine(type: "ssh-ed25519", embeddedType: "ssh-rsa")).get()) == nil)
        let generated = SSHPublicKey.generatedPair(randomBytes: Array(repeating: 7, count: 36), comment: "c")
        #expect((try? SSHPublicKey.parse(generated.publicKey.line).get()) == generated.publicKey)
    }

    @Test func cidrBlocksMatchTheirEthertype() {
        #expect(CIDR.violation(of: "203.0.113.0/24", ethertype: "IPv4") == nil)
        #expect(CIDR.violation(of: "2001:db8::/32", ethertype: "IPv6") == nil)
        #expect(CIDR.violation(of: "203.0.113.0", ethertype: "IPv4") != nil)
        #expect(CIDR.violation(of: "256.0.0.0/8", ethertype: "IPv4") != nil)
        #expect(CIDR.violation(of: "10.0.0.0/8", ethertype: "IPv6") != nil)
        #expect(CIDR.violation(of: "::/129", ethertype: "IPv6") != nil)
    }

    @Test func namingRulesSayWhatIsWrong() {
        let rule = SandboxCatalogue.standard.instanceName
        #expect(rule.violation(of: "ok-name") == nil)
        #expect(rule.violation(of: "_x1")?.contains("starts with '_'") == true)
        #expect(rule.violation(of: "a.b")?.contains("contains '.'") == true)
        #expect(SandboxCatalogue.standard.volumeName.violation(of: "my volume.1") == nil)
    }

    @Test func faultSpecsParseAndExplainMistakes() throws {
        let spec = try FaultSpec(parsing: "latency=20ms,error=0.1,ratelimit=0.05,drop=0.01,seed=7")
        #expect(spec.latency == 0.02...0.02)
        #expect(spec.errorRate == 0.1 && spec.rateLimitRate == 0.05 && spec.dropRate == 0.01 && spec.seed == 7)
        #expect(try FaultSpec(parsing: "latency=10ms-1.5s").latency == 0.01...1.5)
        for bad in ["error=2", "latency=fast", "drop", "colour=red", "error=0.6,drop=0.6", "seed=1,seed=2"] {
            #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: bad) }
        }
    }

    @Test func faultsAreReproducibleAndAtTheirRates() throws {
        let spec = try FaultSpec(parsing: "error=0.2,ratelimit=0.1,drop=0.1,retry-after=3,seed=42")
        let first = FaultInjector(spec: spec)
        let second = FaultInjector(spec: spec)
        let outcomes = (0..<2000).map { _ in first.decide().outcome }
        #expect(outcomes == (0..<2000).map { _ in second.decide().outcome })
        let errors = outcomes.filter { if case .serverError = $0 { return true } else { return false } }.count
        let limited = outcomes.filter { $0 == .rateLimited(retryAfterSeconds: 3) }.count
        let dropped = outcomes.filter { $0 == .drop }.count
        #expect((320...480).contains(errors))
        #expect((140...260).contains(limited))
        #expect((140...260).contains(dropped))
        let statuses = Set(outcomes.compactMap { if case .serverError(let status) = $0 { return status } else { return nil } })
        #expect(statuses == [500, 502, 503])
    }

    @Test func transportFaultsAnswer429WithRetryAfterOrDrop() async throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0))
        let limited = SandboxTransport(sandbox: sandbox, faults: FaultInjector(spec: try FaultSpec(parsing: "ratelimit=1,retry-after=5")))
        let answer = try await limited.send(TransportRequest(method: .get, path: "/api/balance/"))
        #expect(answer.status == 429)
        #expect(answer.header(named: "Retry-After") == "5")
        let dropping = SandboxTransport(sandbox: sandbox, faults: FaultInjector(spec: try FaultSpec(parsing: "drop=1")))
        await #expect(throws: TransportError.self) {
            _ = try await dropping.send(TransportRequest(method: .get, path: "/api/balance/"))
        }
    }

    @Test func stateSurvivesAReopenAndTheClockResumes() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var id = ""
        do {
            let sandbox = try Harness(directory: folder)
            id = sandbox.deploy()["instance"]?["id"]?.stringValue ?? ""
            sandbox.advance(30)
            try sandbox.sandbox.close()
        }
        let reopened = try Harness(directory: folder)
        #expect(reopened.status(id) == "CREATING")
        #expect(reopened.sandbox.clock.now == SandboxCatalogue.standard.epoch + 30)
        reopened.advance(300)
        #expect(reopened.status(id) == "ACTIVE")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCorruptFileIsMovedAsideAndReported() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("sandbox.json"))
        do {
            _ = try Harness(directory: folder)
            Issue.record("a corrupt state file was accepted")
        } catch let SandboxStoreError.corrupt(_, movedTo, reason) {
            #expect(FileManager.default.fileExists(atPath: movedTo))
            #expect(reason.contains("JSON"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sandbox.json").path))
        #expect(try Harness(directory: folder).balance() == 500)
    }

    @Test func resetStartsOver() throws {
        let sandbox = try Harness()
        _ = sandbox.deployActive()
        sandbox.advance(3600)
        try sandbox.sandbox.reset()
        #expect(sandbox.balance() == 500)
        #expect(sandbox.get("/api/instances/")["total"] == 0)
        #expect(sandbox.stock() == 64)
        #expect(sandbox.get("/api/ssh-keys/")["ssh_keys"]?[0]?["name"] == "default")
        #expect(sandbox.sandbox.clock.now == SandboxCatalogue.standard.epoch)
    }

    @Test func defaultFolderFollowsXDG() {
        #expect(SandboxStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"])?.path == "/x/barrack")
        #expect(SandboxStore.defaultDirectory(environment: ["HOME": "/h"])?.path == "/h/.local/share/barrack")
        #expect(SandboxStore.defaultDirectory(environment: [:]) == nil)
    }

    @Test func keysAreRequiredWhenThePolicySaysSo() throws {
        let sandbox = try Sandbox(configuration: .init(speed: 0, keyPolicy: .exactly("secret")))
        #expect(sandbox.handle(method: "GET", path: "/api/balance/").status == 401)
        #expect(sandbox.handle(method: "GET", path: "/api/balance/", headers: ["Authorization": "Bearer nope"]).status == 401)
        #expect(sandbox.handle(method: "GET", path: "/api/balance/", headers: ["authorization": "Bearer secret"]).status == 200)
        #expect(sandbox.handle(method: "GET", path: "/api/balance/", headers: ["X-API-Key": "secret"]).status == 200)
    }
}

/// Reads the SSH wire format: fixed bytes, and strings prefixed by a 32-bit big-endian length.
struct WireReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position..<end])
    }

    mutating func string() -> [UInt8] {
        let length = take(4).reduce(0) { $0 << 8 | Int($1) }
        return take(length)
    }
}
