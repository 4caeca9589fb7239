import BarrackAPI
import BarrackSandbox
import BarrackScript
import Foundation

/// A throw-away copy of the platform a script would change, in which `--dry-run` and
/// `barrack plan` run the script for real: every branch, loop and wait behaves as it would, and
/// nothing but reads reaches the platform.
///
/// At its first call the rehearsal reads the target's state — instances, volumes, SSH keys,
/// firewalls, startup scripts, snapshots, images, balance and GPU stock — through the target's
/// own read operations, and seeds an in-memory sandbox with it (`Sandbox(seed:)`). From then on
/// every call, reads included, goes to that copy, so the script sees its own rehearsed changes.
/// The target is the real platform, a `barrack sandbox serve`, or the local sandbox alike.
public final class Rehearsal: PlatformConnection, @unchecked Sendable {
    /// The reads that make the seed, in the order they are sent.
    public static let seedOperations: [OperationID] = [
        .getBalance, .getGPUStock, .listInstances, .listVolumes, .listSSHKeys, .listFirewalls, .listScripts,
        .listSnapshots, .listImages,
    ]

    private let target: any PlatformConnection
    private let lock = NSLock()
    private var seeding: Task<Copy, Error>?
    private var copy: Copy?

    private struct Copy: Sendable {
        let sandbox: Sandbox
        let connection: ClientConnection
        let hourlyBefore: Double
        let balanceBefore: (amount: Double, currency: String)
    }

    /// A rehearsal of `target`; nothing is read until the first call.
    public init(target: any PlatformConnection) {
        self.target = target
    }

    public func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
                     body: JSONValue?) async throws -> JSONValue {
        let copy = try await seeded()
        return try await copy.connection.call(operation, pathParameters: pathParameters, query: query, body: body)
    }

    /// The copy, seeding it first if no call has yet.
    @discardableResult
    public func seed() async throws -> Sandbox {
        try await seeded().sandbox
    }

    /// The copy once seeded, else nil.
    public var sandbox: Sandbox? { lock.withLock { copy?.sandbox } }

    /// The operations that changed the copy, in order.
    public var changes: [SandboxChange] { sandbox?.changes ?? [] }

    /// The hourly spend of the target when the rehearsal began, and of the copy now (counting
    /// every change under way as finished); both nil before the first call.
    public var hourlySpend: (before: Double, after: Double)? {
        guard let copy = lock.withLock({ self.copy }) else { return nil }
        return (copy.hourlyBefore, copy.sandbox.steadyHourlySpend)
    }

    /// The target's balance and currency when the rehearsal began; nil before the first call.
    public var balanceBefore: (amount: Double, currency: String)? {
        lock.withLock { copy?.balanceBefore }
    }

    /// The clock scripts should run on: the copy's, so that a wait for a deploy takes no real time.
    public var clock: any ScriptClock {
        SandboxScriptClock { [weak self] in self?.sandbox }
    }

    private func seeded() async throws -> Copy {
        let task = lock.withLock { () -> Task<Copy, Error> in
            if let seeding { return seeding }
            let target = self.target
            let task = Task { try await Rehearsal.makeCopy(of: target) }
            seeding = task
            return task
        }
        let made = try await task.value
        lock.withLock { copy = made }
        return made
    }

    private static func makeCopy(of target: any PlatformConnection) async throws -> Copy {
        let seed = try await readSeed(from: target)
        let sandbox = Sandbox(seed: seed)
        let connection = ClientConnection(client: BarrackClient(transport: SandboxTransport(sandbox: sandbox)))
        return Copy(sandbox: sandbox, connection: connection, hourlyBefore: sandbox.steadyHourlySpend,
                    balanceBefore: sandbox.balance)
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
