import BarrackScript
import Synchronization

/// An interpreter for running untrusted input: bounded in steps and memory, with a clock that
/// never really sleeps, no standard input, and output thrown away.
public enum FuzzInterpreter {
    /// 10,000 steps keep one input to milliseconds while still reaching loops, calls and
    /// `parallel for`; 256 MB of growth is far below libFuzzer's 2 GB RSS limit.
    public static let stepLimit = 10_000
    public static let memoryLimit = 256 << 20

    /// A new interpreter set up for fuzzing, on `engine` (by default the one `BARRACK_ENGINE`
    /// names, so that every target can run against the VM).
    public static func make(engine: Engine = .fromEnvironment) -> Interpreter {
        let interpreter = Interpreter(engine: engine)
        interpreter.output = { _ in }
        interpreter.clock = InstantClock()
        interpreter.stepLimit = stepLimit
        interpreter.memoryLimit = memoryLimit
        interpreter.maxCallDepth = 1_000
        interpreter.register(BuiltinFunction(name: "input", parameters: [.optional("prompt", "string")],
                                             help: BuiltinHelp(summary: "No input while fuzzing."),
                                             body: { _ in .null }))
        return interpreter
    }

    /// Compiles and runs `source`; every error a script can cause is an expected outcome.
    public static func run(_ source: Source) {
        let interpreter = make()
        guard let program = try? interpreter.compile(source) else { return }
        ThreadLauncher.runAndWait {
            _ = try? interpreter.run(program)
        }
    }
}

/// A clock whose sleeps move simulated time on at once, so `sleep 1h` and `wait until` cost nothing.
final class InstantClock: ScriptClock {
    private let elapsed = Mutex<Double>(0)

    func now() -> Double { elapsed.withLock { $0 } }

    func sleep(milliseconds: Int, isInterrupted: () -> Bool) {
        elapsed.withLock { $0 += Double(milliseconds) / 1_000 }
    }
}
