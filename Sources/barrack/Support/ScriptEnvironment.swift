import BarrackPlatform
import BarrackScript

/// An interpreter with the platform installed, as `run`, `-e` and the REPL use it.
struct ScriptEnvironment {
    let interpreter: Interpreter
    let backend: PlatformBackend

    /// Opens the backend the options choose and installs it; says on standard error which one it
    /// is when it is the sandbox, and any configuration warning.
    static func open(_ options: GlobalOptions) throws -> ScriptEnvironment {
        let backend = try PlatformBackend.open(options.backendOptions)
        for warning in backend.warnings { StandardStreams.writeError("barrack: warning: \(warning)\n") }
        let interpreter = Interpreter()
        backend.install(in: interpreter, dryRun: options.dryRun, maxHourly: options.maxHourly)
        if options.output == .json { interpreter.printsJSON = true }
        return ScriptEnvironment(interpreter: interpreter, backend: backend)
    }

    /// An interpreter with every built-in registered but no backend opened: for checking and for
    /// documentation, which never call the platform.
    static func detachedInterpreter() -> Interpreter {
        let interpreter = Interpreter()
        Platform.register(in: interpreter, connection: DetachedConnection())
        return interpreter
    }

    /// Saves the sandbox's state; a failure is reported, not fatal (the script already ran).
    func close() {
        do {
            try backend.close()
        } catch {
            StandardStreams.writeError("barrack: could not save the sandbox: \(error)\n")
        }
    }
}
