import BarrackScript
import BarrackTools
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive session: `barrack` with no arguments on a terminal.
///
/// Each entered statement is compiled against the session's interpreter and run; the value of an
/// expression statement is printed (`ResultFormatter`) and kept in `_`. An unfinished statement
/// continues on the `...> ` prompt and is kept in the history as one entry; errors are printed and
/// the session goes on. `?name`, `name?` and `help KEYWORD` show help (`HelpShortcut`). Ctrl-D or
/// `exit` leave.
///
/// readline is blocking and not thread-safe, so it runs on the main thread, while each statement
/// runs on a large-stack evaluator thread that the main thread waits for.
struct REPL {
    /// The prompt for a new statement.
    static let prompt = "barrack> "
    /// The prompt for the next line of an unfinished statement.
    static let continuationPrompt = "...> "
    /// The environment variables the session reads.
    static let environmentNames = ["HOME", "XDG_STATE_HOME", "BARRACK_API_KEY", "NO_COLOR"]

    /// The interpreter the session's statements run in, with the built-ins the host registered.
    let interpreter: Interpreter
    /// The values of `environmentNames` that are set.
    let environment: [String: String]

    /// A session on `interpreter`, reading the process's environment.
    init(interpreter: Interpreter = Interpreter(), environment: [String: String] = REPL.currentEnvironment()) {
        self.interpreter = interpreter
        self.environment = environment
    }

    /// Runs the session until Ctrl-D or `exit`; the exit status.
    func run() -> Int32 {
        let interpreter = self.interpreter
        interpreter.define("_", .null)
        // Completion's listings wait at the prompt, where a spinner would scribble on the line.
        let statement = StatementFlag()
        Spinner.attach(to: interpreter) { !statement.isRunning }
        let relay = InterruptRelay(interpreter: interpreter)
        let resources = LiveResourceLookup(interpreter: interpreter)
        var history = HistoryFile(path: HistoryFile.defaultPath(environment: environment),
                                  filter: SecretFilter.fromEnvironment(environment))
        LineEditor.start(primaryPrompt: REPL.prompt, history: history.entries,
                         historyCapacity: HistoryFile.defaultCapacity) { [resources] in
            Completer(interpreter: interpreter, resources: resources)
        }

        var pending: [String] = []
        while true {
            // nil is Ctrl-D on an empty line; readline has ended the line already.
            guard let line = LineEditor.readLine(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt) else {
                return 0
            }
            if LineEditor.lineWasCancelled { pending = [] }
            if pending.isEmpty, line.allSatisfy(\.isWhitespace) { continue }
            pending.append(line)

            let entry = pending.joined(separator: "\n")
            let source = Source(name: "<repl>", text: pending.count == 1 ? HelpShortcut.statement(for: line) ?? line : entry)
            let program: Program
            do {
                program = try interpreter.compile(source, keepsResults: true)
            } catch {
                if REPL.needsMoreInput(error.diagnostics, source: source) { continue }
                pending = []
                if history.record(entry) { LineEditor.remember(entry) }
                StandardStreams.writeError(Diagnostic.report(error.diagnostics) + "\n")
                continue
            }
            pending = []
            // A statement typed over several lines is one entry of the history, recalled whole.
            if history.record(entry) { LineEditor.remember(entry) }
            if let code = statement.whileRunning({ evaluate(program, relay: relay) }) { return code }
        }
    }

    /// Whether the input is an unfinished statement rather than a wrong one: every problem is the
    /// input ending too soon (an open bracket, block or string), or sits at the very end of the
    /// input, where the next line may still supply what is expected (`let x =`, `f(`).
    static func needsMoreInput(_ diagnostics: [Diagnostic], source: Source) -> Bool {
        !diagnostics.isEmpty && diagnostics.allSatisfy { diagnostic in
            diagnostic.isIncompleteInput || diagnostic.range.start >= source.bytes.count
        }
    }

    /// Runs one statement and prints its value or its error; the exit status when it called `exit`.
    private func evaluate(_ program: Program, relay: InterruptRelay) -> Int32? {
        let interpreter = self.interpreter
        let outcome = Outcome()
        relay.whileRunning {
            ThreadLauncher.runAndWait {
                do {
                    try interpreter.run(program)
                    outcome.value = interpreter.lastResult
                } catch let error as ErrorObject {
                    outcome.report = error.report
                } catch let request as ExitRequest {
                    outcome.exitCode = request.code
                } catch {
                    outcome.report = "barrack: \(error)"
                }
            }
        }
        StandardStreams.flush()
        if let report = outcome.report { StandardStreams.writeError(report + "\n") }
        if let value = outcome.value, value != .null {
            interpreter.define("_", value)
            let formatter = ResultFormatter(width: REPL.terminalWidth(), colors: usesColors)
            StandardStreams.write(formatter.format(value) + "\n")
            StandardStreams.flush()
        }
        return outcome.exitCode
    }

    /// Colours only on a terminal, and never with `NO_COLOR` set (no-color.org).
    private var usesColors: Bool {
        Terminal.standardOutput.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// What a statement left behind, written by the evaluator thread and read after it ended.
    private final class Outcome: @unchecked Sendable {
        var value: Value?
        var report: String?
        var exitCode: Int32?
    }

    /// The width of the terminal on standard output; 80 when it cannot be told.
    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// The values of `environmentNames` in the process's environment.
    static func currentEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in environmentNames {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
