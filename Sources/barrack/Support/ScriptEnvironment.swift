import BarrackAPI
import BarrackBackends
import BarrackPlatform
import BarrackScript
import Foundation

/// An interpreter with the platform installed, as `run`, `-e`, the REPL and the verbs use it.
struct ScriptEnvironment {
    let interpreter: Interpreter
    let backend: PlatformBackend
    /// How values are printed: `--output`, else the configuration's `output`, else table.
    let output: OutputFormat

    /// Opens the backend the options choose and installs it; says on standard error which one it
    /// is when it is the sandbox, and any configuration warning.
    ///
    /// With `notices`, a deploy, deletion or restore that succeeds says so in one line on standard
    /// error when that is a terminal (a script that prints nothing still shows what it spent),
    /// and a call that would add more than `confirm_over` per hour asks first when standard input
    /// and standard error are a terminal, unless `--yes` was given.
    static func open(_ options: GlobalOptions, notices: Bool = true) throws -> ScriptEnvironment {
        let backend = try PlatformBackend.open(options.backendOptions)
        for warning in backend.warnings { StandardStreams.writeError("barrack: warning: \(warning)\n") }
        let interpreter = Interpreter()
        var notice: (@Sendable (String) -> Void)?
        if notices, Terminal.standardError.isTerminal {
            notice = { line in StandardStreams.writeError("barrack: " + line + "\n") }
        }
        var confirmation: SpendConfirmation?
        if notices, !options.yes, Terminal(descriptor: 0).isTerminal, Terminal.standardError.isTerminal {
            confirmation = SpendConfirmation(threshold: backend.profileConfirmOver ?? SpendConfirmation.defaultThreshold,
                                             ask: { question, isInterrupted in
                                                 TerminalQuestion.ask(question, isInterrupted: isInterrupted)
                                             })
        }
        backend.install(in: interpreter, dryRun: options.dryRun, maxHourly: options.maxHourly, confirmation: confirmation,
                        notice: notice)
        let output = options.output ?? backend.output ?? .table
        if output == .json { interpreter.printForm = { try $0.jsonText() } }
        interpreter.register(ShowBuiltin.function(format: output))
        return ScriptEnvironment(interpreter: interpreter, backend: backend, output: output)
    }

    /// An interpreter with every built-in registered but no backend opened: for checking and for
    /// documentation, which never call the platform. When `configured` (for `check`), the
    /// configuration's region, if it can be read, makes `region` optional as it is when the
    /// script runs; documentation never depends on a configuration.
    static func detachedInterpreter(configured: Bool = false, engine: Engine = .fromEnvironment) -> Interpreter {
        let interpreter = Interpreter(engine: engine)
        let region = configured
            ? (try? ConfigurationLoader.load(environment: ProcessInfo.processInfo.environment))?.region?.rawValue : nil
        Platform.register(in: interpreter, connection: DetachedConnection(), defaults: PlatformDefaults(region: region))
        interpreter.register(ShowBuiltin.function(format: .table))
        return interpreter
    }

    /// Says on standard error what this run created and leaves behind, if anything:
    /// `barrack: left running: 2 instances, 39.90 USD/h (barrack leftovers)`.
    func reportLeftRunning() {
        guard let line = backend.ledger.leftRunningLine else { return }
        StandardStreams.flush()
        StandardStreams.writeError("barrack: \(line)\n")
        StandardStreams.flush()
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
