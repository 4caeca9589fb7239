import BarrackAPI
import Foundation

/// What this run created, kept in memory and, when the host gives a store, in the ledger file
/// before each create is sent (`LedgerConnection` does the recording).
///
/// The run's own entries answer `created()` and the line `barrack run` prints when a run ends
/// leaving resources; the file's entries of every run answer `barrack leftovers`.
///
/// ```swift
/// let ledger = Ledger(store: { try LedgerStore(directory: folder, scope: "https://barrack.ai/api/ default") })
/// let connection = LedgerConnection(base: ClientConnection(client: client), ledger: ledger)
/// ```
public final class Ledger: @unchecked Sendable {
    /// This run's id.
    public let run: String
    private let lock = NSLock()
    private let openStore: (@Sendable () throws -> LedgerStore)?
    private var store: LedgerStore?
    private var entries: [LedgerEntry] = []

    /// A ledger for one run; `store` opens the file at the first create (nil: memory only, as
    /// under `--dry-run` or in the playground).
    public init(run: String = LedgerStore.newRunID(), store: (@Sendable () throws -> LedgerStore)? = nil) {
        self.run = run
        self.openStore = store
    }

    /// A number that names one of this run's entries.
    public typealias Token = Int

    /// Records a create before it is sent; throws when the file cannot be written, so that
    /// nothing is sent that the ledger would not know of.
    func willCreate(_ kind: LedgerKind, _ operation: OperationID, name: String?, region: String?) throws -> Token {
        try lock.withLock {
            var entry = LedgerEntry(run: run, kind: kind, operation: operation.rawValue, name: name, region: region,
                                    recorded: Date().timeIntervalSince1970)
            // An entry kept in memory only is numbered below zero, so that numbers stay unique.
            entry.number = -Int64(entries.count + 1)
            if let openStore {
                do {
                    if store == nil { store = try openStore() }
                    entry.number = try store?.insert(entry) ?? entry.number
                } catch {
                    throw BarrackAPIError(.configuration, message: "\(operation) could not be recorded in the ledger (\(error)); nothing was sent",
                                          operation: operation)
                }
            }
            entries.append(entry)
            return entries.count - 1
        }
    }

    /// Settles entry `token` as created, from the resource the platform gave (its id, name, status and cost).
    func created(_ token: Token, resource: JSONValue) {
        change(token) { entry in
            entry.state = .created
            entry.resourceID = resource["id"]?.stringValue ?? entry.resourceID
            entry.name = resource["name"]?.stringValue ?? entry.name
            entry.hourlyCost = resource["hourly_cost"]?.doubleValue ?? entry.hourlyCost
            entry.currency = resource["currency"]?.stringValue ?? entry.currency
        }
    }

    /// Settles entry `token` as never made.
    func notCreated(_ token: Token) {
        change(token) { $0.state = .failed }
    }

    /// Marks the resource `id` deleted, in this run and in the file.
    func deleted(_ kind: LedgerKind, id: String) {
        lock.withLock {
            for index in entries.indices where entries[index].kind == kind && entries[index].resourceID == id {
                entries[index].state = .deleted
            }
            try? store?.markDeleted(kind, id: id)
        }
    }

    /// Writes `entry` (one found by `Leftovers`, of this run or an earlier one) to this run's
    /// record and to the file.
    func update(_ entry: LedgerEntry) {
        lock.withLock {
            for index in entries.indices where entries[index].number == entry.number {
                entries[index] = entry
            }
            if entry.number > 0 { try? storeOpened()?.update(entry) }
        }
    }

    /// This run's entries whose resource may still exist, in the order they were made.
    public var outstandingThisRun: [LedgerEntry] {
        lock.withLock { entries.filter(\.state.isOutstanding) }
    }

    /// Every run's entries in the file whose resource may still exist; this run's alone when
    /// there is no file.
    public func outstanding() throws -> [LedgerEntry] {
        try lock.withLock {
            guard let store = try storeOpened() else { return entries.filter(\.state.isOutstanding) }
            return try store.outstanding()
        }
    }

    private func storeOpened() throws -> LedgerStore? {
        if store == nil, let openStore { store = try openStore() }
        return store
    }

    private func change(_ token: Token, _ body: (inout LedgerEntry) -> Void) {
        lock.withLock {
            guard entries.indices.contains(token) else { return }
            body(&entries[token])
            if entries[token].number > 0 { try? store?.update(entries[token]) }
        }
    }
}

extension Ledger {
    /// The line a run that leaves resources ends with, without the program's name:
    /// `left running: 2 instances, 39.90 USD/h (barrack leftovers)`; nil when it leaves none.
    ///
    /// It is made from what the platform last said of each resource, without asking it again,
    /// so it can be printed after Ctrl-C or with the platform unreachable.
    public var leftRunningLine: String? {
        let entries = outstandingThisRun
        guard !entries.isEmpty else { return nil }
        return "left running: \(entries.summary) (barrack leftovers)"
    }
}
