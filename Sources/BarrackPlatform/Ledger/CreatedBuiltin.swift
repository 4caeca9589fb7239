import BarrackAPI
import BarrackScript

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
