import Foundation

/// One create the ledger recorded: what was asked for, and what became of it.
public struct LedgerEntry: Sendable, Equatable {
    /// Where a recorded create stands.
    public enum State: String, Sendable {
        /// Recorded and sent; no answer yet (or the answer was lost and its lookup failed): the
        /// resource may exist.
        case pending
        /// The platform answered, or the resource was found by its name: it exists.
        case created
        /// The platform refused it, or a lookup by name showed it was never made.
        case failed
        /// Deleted (by a script, `barrack leftovers --clean`, or found gone).
        case deleted

        /// Whether the resource may still exist and bill.
        public var isOutstanding: Bool { self == .pending || self == .created }
    }

    /// The row's number in the ledger file; below zero for an entry kept in memory only.
    public var number: Int64
    /// The run that made it (`LedgerStore.newRunID()`).
    public var run: String
    public var kind: LedgerKind
    /// The operation sent (`deploy_instance`).
    public var operation: String
    /// The name it was sent with; nil for a restore left to the platform to name.
    public var name: String?
    public var region: String?
    /// The platform's id, once known.
    public var resourceID: String?
    public var state: State
    /// The hourly cost and currency the platform last gave for it.
    public var hourlyCost: Double?
    public var currency: String?
    /// When the create was recorded, seconds since 1970.
    public var recorded: Double

    /// An entry; `number` is filled in by the store.
    public init(number: Int64 = 0, run: String, kind: LedgerKind, operation: String, name: String?, region: String?,
                resourceID: String? = nil, state: State = .pending, hourlyCost: Double? = nil, currency: String? = nil,
                recorded: Double) {
        self.number = number
        self.run = run
        self.kind = kind
        self.operation = operation
        self.name = name
        self.region = region
        self.resourceID = resourceID
        self.state = state
        self.hourlyCost = hourlyCost
        self.currency = currency
        self.recorded = recorded
    }
}

extension Array where Element == LedgerEntry {
    /// What these entries cost per hour, as the platform last said, in the first currency it named
    /// (`USD` when none).
    public var hourlyCost: (amount: Double, currency: String) {
        (reduce(0) { $0 + ($1.hourlyCost ?? 0) }, lazy.compactMap(\.currency).first ?? "USD")
    }

    /// `2 instances, 1 volume, 20.25 USD/h`.
    public var summary: String {
        let (amount, currency) = hourlyCost
        return "\(LedgerKind.tally(map(\.kind))), \(String(format: "%.2f", amount)) \(currency)/h"
    }
}
