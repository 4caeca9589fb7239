import BarrackAPI
import BarrackScript

/// Binds the Barrack platform into an interpreter: one built-in per API operation, registered
/// through the same public API any embedding host uses.
///
///     let interpreter = Interpreter()
///     Platform.register(in: interpreter, connection: client)
///     // scripts can now say: deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1
public enum Platform {
    /// Registers every platform built-in, talking to the platform through `connection`.
    ///
    /// With `dryRun`, the built-ins that cost money or destroy data (`deploy`, `delete_*`,
    /// `restore*`) send nothing: they print the request they would send, and `deploy` its hourly
    /// cost, and return that plan.
    ///
    /// `defaults` fills in what a configuration gives (the `region` of the config file), and
    /// `notice` hears one line after each deploy, deletion or restore that succeeded.
    public static func register(in interpreter: Interpreter, connection: any PlatformConnection, dryRun: Bool = false,
                                defaults: PlatformDefaults = PlatformDefaults(),
                                notice: (@Sendable (String) -> Void)? = nil) {
        for builtin in builtins(connection: connection, dryRun: dryRun, defaults: defaults, notice: notice) {
            interpreter.register(builtin)
        }
        for (name, text) in StandardLibrary.modules { interpreter.registerModule(name: name, text: text) }
    }

    /// The names of the standard library's modules (`import "fleet"`).
    public static var standardModules: [String] { StandardLibrary.modules.keys.sorted() }

    /// The text of a standard library module, as embedded in the binary.
    public static func standardModule(_ name: String) -> String? { StandardLibrary.modules[name] }

    /// The platform built-ins, in the order `help` lists them.
    public static func builtins(connection: any PlatformConnection, dryRun: Bool = false,
                                defaults: PlatformDefaults = PlatformDefaults(),
                                notice: (@Sendable (String) -> Void)? = nil) -> [BuiltinFunction] {
        BuiltinTable.all.map { row in
            let spec = defaults.apply(to: row)
            return PlatformCall(spec: spec, connection: connection,
                                prepare: spec.operation == .deployInstance ? DeployDefaults.prepare(connection) : nil,
                                dryRun: dryRun && DryRun.previews(spec.operation),
                                notice: DryRun.previews(spec.operation) ? notice : nil).builtin()
        }
    }

    /// The operation each built-in calls, by built-in name.
    public static var operations: [String: OperationID] {
        Dictionary(uniqueKeysWithValues: BuiltinTable.all.map { ($0.name, $0.operation) })
    }
}
