import BarrackAPI
import BarrackScript
import BarrackStandardLibrary

/// Binds the Barrack platform into an interpreter: one built-in per API operation, registered
/// through the same public API any embedding host uses.
///
///     let interpreter = Interpreter()
///     Platform.register(in: interpreter, connection: client)
///     // scripts can now say: deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1
public enum Platform {
    /// Registers every platform built-in, talking to the platform through `connection`.
    ///
    /// With `dryRun` (`--dry-run`), a copier of the platform, the script runs against a
    /// `Rehearsal` of `connection`: a throw-away copy of the platform seeded through its reads.
    /// Nothing but those reads reaches `connection`; every change is made in the copy and printed
    /// on standard error as the request it stands for, with its hourly cost, and the
    /// interpreter's clock becomes the copy's.
    ///
    /// `budget` (`--max-hourly`) guards calls that add to the hourly spend; `defaults` fills in
    /// what a configuration gives (the `region` of the config file), and `notice` hears one line
    /// after each call that spends or deletes and succeeded.
    ///
    /// Every create of a billed resource is recorded in `ledger` before it is sent
    /// (`LedgerConnection`); `created()` lists this run's. The default ledger is kept in memory
    /// only; a host that gives one with a `LedgerStore` also keeps it on disk.
    public static func register(in interpreter: Interpreter, connection: any PlatformConnection,
                                dryRun copier: (any PlatformCopier)? = nil,
                                budget: BudgetGuard = BudgetGuard(maxHourly: nil),
                                defaults: PlatformDefaults = PlatformDefaults(),
                                ledger: Ledger = Ledger(),
                                notice: (@Sendable (String) -> Void)? = nil) {
        if let copier {
            // A rehearsal's creates are made in its copy: they never reach the ledger's file.
            register(in: interpreter, rehearsal: Rehearsal(target: connection, copier: copier), announcesChanges: true,
                     budget: budget, defaults: defaults)
            return
        }
        let recorded = LedgerConnection(base: connection, ledger: ledger)
        for builtin in builtins(connection: recorded, budget: budget, defaults: defaults, notice: notice) {
            interpreter.register(builtin)
        }
        interpreter.register(CostReport.builtin(connection: connection))
        interpreter.register(CreatedBuiltin.builtin(connection: connection, ledger: ledger))
        registerModules(in: interpreter, budget: budget)
    }

    /// Registers every platform built-in over `rehearsal`, and its clock; with
    /// `announcesChanges`, each change is printed on standard error (`--dry-run`). The budget
    /// guard applies to the rehearsal as it would to the platform.
    public static func register(in interpreter: Interpreter, rehearsal: Rehearsal, announcesChanges: Bool,
                                budget: BudgetGuard = BudgetGuard(maxHourly: nil),
                                defaults: PlatformDefaults = PlatformDefaults()) {
        let ledger = Ledger()
        let recorded = LedgerConnection(base: rehearsal, ledger: ledger)
        for builtin in builtins(connection: recorded, announcesChanges: announcesChanges, budget: budget,
                                defaults: defaults) {
            interpreter.register(builtin)
        }
        interpreter.register(CostReport.builtin(connection: rehearsal))
        interpreter.register(CreatedBuiltin.builtin(connection: rehearsal, ledger: ledger))
        registerModules(in: interpreter, budget: budget)
        interpreter.clock = rehearsal.clock
    }

    private static func registerModules(in interpreter: Interpreter, budget: BudgetGuard) {
        interpreter.register(budget.builtin)
        interpreter.register(Offers.builtin)
        for (name, text) in StandardLibrary.modules { interpreter.registerModule(name: name, text: text) }
    }

    /// The names of the standard library's modules (`import "fleet"`).
    public static var standardModules: [String] { StandardLibrary.modules.keys.sorted() }

    /// The text of a standard library module, as embedded in the binary.
    public static func standardModule(_ name: String) -> String? { StandardLibrary.modules[name] }

    /// The platform built-ins, in the order `help` lists them.
    public static func builtins(connection: any PlatformConnection, announcesChanges: Bool = false,
                                budget: BudgetGuard? = nil,
                                defaults: PlatformDefaults = PlatformDefaults(),
                                notice: (@Sendable (String) -> Void)? = nil) -> [BuiltinFunction] {
        BuiltinTable.all.map { row in
            let spec = defaults.apply(to: row)
            return PlatformCall(spec: spec, connection: connection,
                                prepare: spec.operation == .deployInstance ? DeployDefaults.prepare(connection) : nil,
                                announcesChanges: announcesChanges, budget: budget,
                                notice: MutationNotice.isNoted(spec) ? notice : nil).builtin()
        }
    }

    /// The built-in that calls `operation` (`deploy` for `deploy_instance`).
    static func builtinName(of operation: OperationID) -> String {
        BuiltinTable.all.first { $0.operation == operation }?.name ?? operation.rawValue
    }

    /// What each built-in does to the account (`read`, `change` or `spend`), by built-in name.
    public static var effects: [String: PlatformEffect] {
        Dictionary(uniqueKeysWithValues: BuiltinTable.all.map { ($0.name, $0.effect) })
    }

    /// The operation each built-in calls, by built-in name.
    public static var operations: [String: OperationID] {
        Dictionary(uniqueKeysWithValues: BuiltinTable.all.map { ($0.name, $0.operation) })
    }
}
