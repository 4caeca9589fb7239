import BarrackAPI
import BarrackScript
import Foundation

/// A throw-away copy of the platform a script would change, in which `--dry-run` and
/// `barrack plan` run the script for real: every branch, loop and wait behaves as it would, and
/// nothing but reads reaches the platform.
///
/// At its first call the rehearsal reads the target's state — instances, volumes, SSH keys,
/// firewalls, startup scripts, snapshots, images, balance and GPU stock — through the target's
/// own read operations, and seeds a copy with it (the host's `PlatformCopier`: the sandbox's,
/// `SandboxCopier`). From then on every call, reads included, goes to that copy, so the script
/// sees its own rehearsed changes. The target is the real platform, a `barrack sandbox serve`, or
/// the local sandbox alike.
public final class Rehearsal: PlatformConnection, @unchecked Sendable {
    /// The reads that make the seed, in the order they are sent.
    public static let seedOperations: [OperationID] = [
        .getBalance, .getGPUStock, .listInstances, .listVolumes, .listSSHKeys, .listFirewalls, .listScripts,
        .listSnapshots, .listImages,
    ]

    private let target: any PlatformConnection
    private let copier: any PlatformCopier
    private let lock = NSLock()
    private var seeding: Task<Seeded, Error>?
    private var seeded: Seeded?

    private struct Seeded: Sendable {
        let copy: any PlatformCopy
        let hourlyBefore: Double
        let balanceBefore: (amount: Double, currency: String)
    }

    /// A rehearsal of `target` in copies `copier` makes; nothing is read until the first call.
    public init(target: any PlatformConnection, copier: any PlatformCopier) {
        self.target = target
        self.copier = copier
    }

    public func call(_ operation: OperationID, pathParameters: [String: String], query: [QueryItem],
                     body: JSONValue?) async throws -> JSONValue {
        let copy = try await seed()
        return try await copy.connection.call(operation, pathParameters: pathParameters, query: query, body: body)
    }

    /// The copy, seeding it first if no call has yet.
    @discardableResult
    public func seed() async throws -> any PlatformCopy {
        let task = lock.withLock { () -> Task<Seeded, Error> in
            if let seeding { return seeding }
            let target = self.target
            let copier = self.copier
            let task = Task {
                let copy = try await copier.copy(of: target)
                return Seeded(copy: copy, hourlyBefore: copy.steadyHourlySpend, balanceBefore: copy.balance)
            }
            seeding = task
            return task
        }
        let made = try await task.value
        lock.withLock { seeded = made }
        return made.copy
    }

    /// The copy once seeded, else nil.
    public var copy: (any PlatformCopy)? { lock.withLock { seeded?.copy } }

    /// The operations that changed the copy, in order.
    public var changes: [PlannedChange] { copy?.changes ?? [] }

    /// The hourly spend of the target when the rehearsal began, and of the copy now (counting
    /// every change under way as finished); both nil before the first call.
    public var hourlySpend: (before: Double, after: Double)? {
        guard let seeded = lock.withLock({ self.seeded }) else { return nil }
        return (seeded.hourlyBefore, seeded.copy.steadyHourlySpend)
    }

    /// The target's balance and currency when the rehearsal began; nil before the first call.
    public var balanceBefore: (amount: Double, currency: String)? {
        lock.withLock { seeded?.balanceBefore }
    }

    /// The clock scripts should run on: the copy's, so that a wait for a deploy takes no real time.
    public var clock: any ScriptClock {
        SimulatedClock { [weak self] in self?.copy }
    }
}
