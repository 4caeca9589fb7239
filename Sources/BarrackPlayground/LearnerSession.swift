import BarrackBackends
import BarrackPlatform
import BarrackSandbox
import BarrackScript
import Foundation
import Synchronization

/// One learner: a sandbox of their own, kept in the database, and the REPL's interpreter.
///
/// Run starts every program fresh, as the Go and Rust playgrounds do: a new interpreter over the
/// same sandbox, so resources stay and variables do not (running a script twice never finds its
/// own `let` from the time before). The REPL line then carries on in the program's interpreter —
/// as IDLE's shell does after "Run module" — so a learner can look at `vm.status` after a run, and
/// its own lines keep their variables until the next Run, a reset or a restart of the server.
final class LearnerSession: @unchecked Sendable {
    let token: String
    let sandbox: Sandbox
    private let limits: PlaygroundLimits
    /// Runs of one learner go one at a time; it also guards `interpreter`.
    private let runLock = NSLock()
    /// The REPL's interpreter: the last Run's, with the REPL lines since.
    private var interpreter: Interpreter
    /// Whether the last run ended at a limit: the next one starts as a long run at the gate, so
    /// that a learner who runs `while true {}` again and again cannot take a processor from others.
    private var lastRunHitALimit = false

    private let gate: RunGate
    /// Where runs of this session on other servers are waited for.
    private let store: PlaygroundStore

    /// Opens `token`'s sandbox from `store` (a fresh one when none is saved).
    init(token: String, store: PlaygroundStore, limits: PlaygroundLimits, gate: RunGate) throws {
        self.token = token
        self.limits = limits
        self.gate = gate
        self.store = store
        sandbox = try Sandbox(storage: SessionSandboxStorage(store: store, token: token))
        interpreter = Self.makeInterpreter(sandbox)
    }

    /// An interpreter with the platform's built-ins on `sandbox` and none of the host's I/O:
    /// no `env`, `input`, `exit` or file imports (only the standard library's modules).
    static func makeInterpreter(_ sandbox: Sandbox) -> Interpreter {
        let interpreter = Interpreter(capabilities: [])
        PlatformBackend.sandboxed(sandbox).install(in: interpreter)
        return interpreter
    }

    /// The names a learner can complete: built-ins, keywords and the standard library's modules.
    var completions: [String] {
        runLock.withLock { Set(interpreter.builtins.map(\.name)).union(TokenKind.keywords.keys).sorted() }
    }

    /// A fresh sandbox and an interpreter without the learner's globals.
    func reset() throws {
        try runLock.withLock {
            try sandbox.reset()
            interpreter = Self.makeInterpreter(sandbox)
        }
    }

    /// Runs `text` — a program in a fresh interpreter, or one REPL line in the REPL's when `repl` —
    /// telling `emit` what it prints as it prints it and then how it ended. Blocks until the run
    /// ends; runs of this session wait for each other, on this server and on any other that shares
    /// its PostgreSQL database (`PlaygroundStore.serialisingRuns`). Call it on a thread with a large stack
    /// (`ThreadLauncher.detach`); a run that goes on waits at the gate while shorter runs of others
    /// run (`RunGate`).
    /// The run stops early (`INTERRUPTED`) once `audience` has left.
    func run(_ text: String, repl: Bool, audience: RunAudience = RunAudience(),
             emit: @escaping @Sendable (RunEvent) -> Void) {
        runLock.withLock {
            do {
                try store.serialisingRuns(of: token) {
                    if !repl { interpreter = Self.makeInterpreter(sandbox) }
                    let outcome = Self.run(text, name: repl ? "<repl>" : "main.brk", keepsResults: repl, in: interpreter,
                                           sandbox: sandbox, limits: limits, ticket: gate.enter(startsLong: lastRunHitALimit),
                                           audience: audience, emit: emit)
                    lastRunHitALimit = outcome.map(Self.limitCodes.contains) ?? false
                }
            } catch {
                emit(.failed(RunFailure(code: "STORAGE", message: "the run could not start: \(error)"), milliseconds: 0))
            }
        }
    }

    /// Runs a lesson's check against this learner's sandbox, in an interpreter of its own so that
    /// the learner's globals neither help nor hinder it: done when it ends without an error. Call it
    /// on a thread with a large stack, like `run`.
    func check(_ text: String) -> (done: Bool, message: String) {
        let printed = Mutex("")
        let outcome = Mutex<RunFailure?>(nil)
        runLock.withLock {
            _ = Self.run(text, name: "check.brk", keepsResults: false, in: Self.makeInterpreter(sandbox), sandbox: sandbox,
                         limits: limits, ticket: gate.enter(startsLong: false)) { event in
                switch event {
                case .output(let text): printed.withLock { $0 += text }
                case .failed(let failure, _): outcome.withLock { $0 = failure }
                case .finished: break
                }
            }
        }
        if let failure = outcome.withLock({ $0 }) {
            // A check says why with `raise "hint"`: the hint alone is what the learner needs.
            return (false, failure.code == ErrorCode.raised ? failure.message : failure.text)
        }
        let text = printed.withLock { $0 }.trimmingCharacters(in: .whitespacesAndNewlines)
        return (true, text.isEmpty ? "Done!" : text)
    }

    /// The errors of a run that used up a limit.
    private static let limitCodes: Set<String> = ["STEP_LIMIT", "TIME_LIMIT", "MEMORY_LIMIT", "OUTPUT_LIMIT"]

    /// Runs `text` and returns the code of the error it ended with, if any. The sandbox is saved
    /// before the last event, so that no instant the run has shown (`now()`) is lost to a restart.
    @discardableResult
    private static func run(_ text: String, name: String, keepsResults: Bool, in interpreter: Interpreter,
                            sandbox: Sandbox, limits: PlaygroundLimits, ticket: RunGate.Ticket,
                            audience: RunAudience = RunAudience(),
                            emit: @escaping @Sendable (RunEvent) -> Void) -> String? {
        defer { ticket.finish() }
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        let program: Program
        do {
            program = try interpreter.compile(Source(name: name, text: text), keepsResults: keepsResults)
        } catch {
            emit(.failed(RunFailure(error), milliseconds: elapsed()))
            return "SYNTAX_ERROR"
        }
        let thread = ScriptThread(interpreter)
        thread.stepLimit = limits.steps
        thread.timeLimit = limits.seconds
        thread.memoryLimit = limits.memoryMegabytes << 20
        thread.input = { nil }
        let meter = OutputMeter(limit: limits.outputBytes)
        thread.print = { [unowned thread] text in
            if meter.admit(text), !audience.hasLeft { emit(.output(text)) } else { thread.cancel() }
        }
        thread.checkpoint = { [unowned thread] in
            if audience.hasLeft { thread.cancel() }
            ticket.checkpoint { thread.isCancelled }
        }
        var failure: RunFailure?
        do {
            try interpreter.run(program, on: thread)
        } catch let error as ErrorObject {
            failure = RunFailure(error)
        } catch is ExitRequest {
            failure = RunFailure(code: "CAPABILITY", message: "exit is not available in the playground")
        } catch {
            failure = RunFailure(code: "ERROR", message: "\(error)")
        }
        do {
            try sandbox.save()
        } catch {
            failure = failure ?? RunFailure(code: "STORAGE", message: "the sandbox could not be saved: \(error)")
        }
        if meter.hasOverflowed {
            failure = RunFailure(code: "OUTPUT_LIMIT",
                                 message: "the run printed more than \(limits.outputBytes) bytes; the rest was cut off")
        }
        if let failure {
            emit(.failed(failure, milliseconds: elapsed()))
            return failure.code
        }
        let result = keepsResults ? interpreter.lastResult.flatMap { value -> String? in if case .null = value { return nil }; return value.description } : nil
        emit(.finished(result: result, milliseconds: elapsed()))
        return nil
    }
}
