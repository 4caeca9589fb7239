import BarrackAPI
import BarrackScript

/// A throw-away copy of the platform, seeded with a platform's state, in which a `Rehearsal` runs
/// a script: `--dry-run`, `barrack plan` and the budget guard's estimates.
///
/// BarrackPlatform has no simulator of its own (it depends on the language and the client only,
/// docs/DESIGN.md); a host that links one gives a `PlatformCopier`. The sandbox's is
/// `SandboxCopier`, in BarrackBackends.
public protocol PlatformCopy: SimulatedTime {
    /// Where the rehearsal's calls go.
    var connection: any PlatformConnection { get }
    /// The calls that changed the copy, in order.
    var changes: [PlannedChange] { get }
    /// The copy's hourly spend, counting every change under way as finished.
    var steadyHourlySpend: Double { get }
    /// The copy's balance and its currency.
    var balance: (amount: Double, currency: String) { get }
}

/// Makes the copies rehearsals run in.
public protocol PlatformCopier: Sendable {
    /// A copy seeded with `target`'s state, read through the reads `Rehearsal.seedOperations`
    /// names; nothing else reaches `target`.
    func copy(of target: any PlatformConnection) async throws -> any PlatformCopy
}

/// One call that changed a rehearsal's copy: a row of `barrack plan`'s table.
public struct PlannedChange: Sendable, Equatable {
    /// The operation (`deploy_instance`, `delete_volume`, …).
    public var operation: OperationID
    /// The resource's id, name and region, when the operation was about one.
    public var resourceID: String?
    public var name: String?
    public var region: String?
    /// `H100-SXM5-80GB x 8` for an instance.
    public var gpus: String?
    /// What the call added to the hourly spend (negative when it took away).
    public var hourlyDelta: Double

    /// A change of `operation` that moved the hourly spend by `hourlyDelta`.
    public init(operation: OperationID, resourceID: String? = nil, name: String? = nil, region: String? = nil,
                gpus: String? = nil, hourlyDelta: Double) {
        self.operation = operation
        self.resourceID = resourceID
        self.name = name
        self.region = region
        self.gpus = gpus
        self.hourlyDelta = hourlyDelta
    }
}
