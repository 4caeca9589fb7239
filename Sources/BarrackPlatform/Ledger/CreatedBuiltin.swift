import BarrackAPI
import BarrackScript
import Foundation

/// `created()`: what this run created and has not deleted, read live, so that a `finally` can
/// clean up even what a lost answer hid from the script's variables.
enum CreatedBuiltin {
    static func builtin(connection: any PlatformConnection, ledger: Ledger) -> BuiltinFunction {
        let help = BuiltinHelp(
            summary: "What this run created and has not deleted (instances, volumes, snapshots, images), each read now: a create whose answer was lost is looked up by the name it was sent with.",
            returns: "list of maps {kind, id, name, status, hourly_cost, currency, region, operation, recorded}",
            example: "for r in created() where r.kind == \"instance\" and r.id != nil { delete_instance r.id }",
            group: "account")
        return BuiltinFunction(name: "created", help: help) { call in
            let entries = ledger.outstandingThisRun
            if entries.isEmpty { return .list(ListObject([])) }
            let found = try BlockingBridge.run(call) {
                await Leftover.read(entries, through: connection, ledger: ledger)
            }
            return .list(ListObject(found.map(\.value)))
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
        let counts = LedgerKind.allCases.compactMap { kind -> String? in
            let count = entries.filter { $0.kind == kind }.count
            return count > 0 ? kind.counted(count) : nil
        }
        let hourly = entries.reduce(0) { $0 + ($1.hourlyCost ?? 0) }
        let currency = entries.lazy.compactMap(\.currency).first ?? "USD"
        return "left running: \(counts.joined(separator: ", ")), \(String(format: "%.2f", hourly)) \(currency)/h (barrack leftovers)"
    }
}
