import BarrackAPI
import BarrackPlatform
import BarrackSandbox
import Foundation

/// The copies rehearsals run in, made of the sandbox: an in-memory `Sandbox(seed:)` seeded with
/// the target's state, read through `Rehearsal.seedOperations`.
public struct SandboxCopier: PlatformCopier {
    /// The sandbox's copier.
    public init() {}

    public func copy(of target: any PlatformConnection) async throws -> any PlatformCopy {
        let sandbox = Sandbox(seed: try await Self.readSeed(from: target))
        return SandboxCopy(sandbox)
    }

    /// The target's state through its read operations.
    static func readSeed(from target: any PlatformConnection) async throws -> SandboxSeed {
        let balance = try await target.call(.getBalance, pathParameters: [:], query: [], body: nil)
        guard let amount = balance["balance"]?["amount"]?.doubleValue,
              let currency = balance["balance"]?["currency"]?.stringValue else {
            throw BarrackAPIError(.decoding, message: "cannot rehearse: get_balance answered without balance.amount and balance.currency")
        }
        var seed = SandboxSeed(now: Date(), balance: amount, currency: CurrencyEnum(rawValue: currency))
        seed.stock = try await items(.getGPUStock, from: target)
        seed.instances = try await items(.listInstances, from: target)
        seed.volumes = try await items(.listVolumes, from: target)
        seed.sshKeys = try await items(.listSSHKeys, from: target)
        seed.firewalls = try await items(.listFirewalls, from: target)
        seed.scripts = try await items(.listScripts, from: target)
        seed.snapshots = try await items(.listSnapshots, from: target)
        seed.images = try await items(.listImages, from: target)
        return seed
    }

    private static func items<Item: Decodable>(_ operation: OperationID, from target: any PlatformConnection) async throws -> [Item] {
        let answer = try await target.call(operation, pathParameters: [:], query: [], body: nil)
        guard let key = operation.endpoint.itemsKey, case .array(let list)? = answer[key] else { return [] }
        let decoder = JSONDecoder()
        do {
            return try list.map { try decoder.decode(Item.self, from: $0.jsonData()) }
        } catch {
            throw BarrackAPIError(.decoding, message: "cannot rehearse: the answer of \(operation.rawValue) could not be read: \(error)")
        }
    }
}

/// A sandbox's clock as a simulated platform's time.
class SandboxTime: SimulatedTime, @unchecked Sendable {
    let sandbox: Sandbox

    init(_ sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    func now() -> Double { sandbox.clock.now.timeIntervalSince1970 }

    func advance(seconds: Double) { sandbox.clock.advance(by: seconds) }
}

/// A rehearsal's copy: an in-memory sandbox and a connection to it.
final class SandboxCopy: SandboxTime, PlatformCopy, @unchecked Sendable {
    let connection: any PlatformConnection

    override init(_ sandbox: Sandbox) {
        connection = ClientConnection(client: BarrackClient(transport: SandboxTransport(sandbox: sandbox)))
        super.init(sandbox)
    }

    var changes: [PlannedChange] {
        sandbox.changes.map { change in
            PlannedChange(operation: change.operation, resourceID: change.resourceID, name: change.name,
                          region: change.region, gpus: change.gpus, hourlyDelta: change.hourlyDelta)
        }
    }

    var steadyHourlySpend: Double { sandbox.steadyHourlySpend }

    var balance: (amount: Double, currency: String) { sandbox.balance }
}
