import Foundation

/// What `barrack sandbox status` shows: the balance, the resources and the clock.
public struct SandboxStatus: Sendable, Equatable, CustomStringConvertible {
    public var balance: Double
    public var currency: String
    /// Instances by status, deleted ones left out.
    public var instancesByStatus: [String: Int]
    public var volumes: Int
    public var sshKeys: Int
    public var firewalls: Int
    public var scripts: Int
    public var snapshots: Int
    public var images: Int
    public var simulatedTime: Date
    public var speed: Double
    public var file: URL?

    init(world: World, speed: Double, file: URL?) {
        balance = World.cents(world.balance)
        currency = world.currency.rawValue
        var counts: [String: Int] = [:]
        for instance in world.state.instances where instance.status != .deleted {
            counts[instance.status.rawValue, default: 0] += 1
        }
        instancesByStatus = counts
        volumes = world.state.volumes.count
        sshKeys = world.state.sshKeys.count
        firewalls = world.state.firewalls.count
        scripts = world.state.scripts.count
        snapshots = world.state.snapshots.count
        images = world.state.images.count
        simulatedTime = world.now
        self.speed = speed
        self.file = file
    }

    public var description: String {
        let instances = instancesByStatus.values.reduce(0, +)
        let byStatus = instancesByStatus.keys.sorted().map { "\($0) \(instancesByStatus[$0] ?? 0)" }
        var lines = [
            "balance:    " + String(format: "%.2f", balance) + " " + currency,
            "instances:  \(instances)" + (byStatus.isEmpty ? "" : " (" + byStatus.joined(separator: ", ") + ")"),
            "volumes:    \(volumes)",
            "ssh keys:   \(sshKeys)",
            "firewalls:  \(firewalls)",
            "scripts:    \(scripts)",
            "snapshots:  \(snapshots)",
            "images:     \(images)",
            "clock:      " + simulatedTime.formatted(.iso8601) + " (simulated, \(speed == 0 ? "frozen" : "×" + String(format: "%g", speed)))",
        ]
        if let file { lines.append("state file: " + file.path) }
        return lines.joined(separator: "\n")
    }
}
