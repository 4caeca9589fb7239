import BarrackAPI

/// One operation that changed a rehearsal sandbox (`Sandbox(seed:)`): what it did, to what, and
/// how it moved the hourly spend (`World.steadyHourlySpend`) — a row of `barrack plan`'s table.
public struct SandboxChange: Sendable, Equatable {
    /// The operation (`deploy_instance`, `delete_volume`, …).
    public var operation: OperationID
    /// The resource's id, name and region, when the operation was about one.
    public var resourceID: String?
    public var name: String?
    public var region: String?
    /// `H100-SXM5-80GB x 8` for an instance.
    public var gpus: String?
    /// The account's hourly spend before and after the operation.
    public var hourlyBefore: Double
    public var hourlyAfter: Double

    /// What the operation added to the hourly spend (negative when it took away).
    public var hourlyDelta: Double { World.money(hourlyAfter - hourlyBefore) }
}
