import Synchronization

/// One run of script code and everything that belongs to that run alone: its step budget, its
/// call-depth limit, a sticky cancellation, and the hooks through which it prints, reads input and
/// loads imported files.
///
/// An `Interpreter` holds what runs share (globals, built-ins, compiled modules); a script thread
/// holds what one run owns, as starlark-go's `Thread` or Lua's `lua_State` do. `parallel for` runs its
/// iterations on child threads that share their parent's budgets: every step of every iteration
/// counts against one step limit, an iteration's calls nest on top of the depth at which the loop
/// started, and one cancellation stops them all.
///
/// It is named `ScriptThread`, not `Thread`, because nearly every host also imports Foundation,
/// whose `Thread` would make the short name ambiguous (and the module's own `BarrackScript` enum
/// hides the module-qualified spelling).
///
///     let thread = ScriptThread(interpreter)
///     thread.stepLimit = 1_000_000
///     thread.print = { text in captured.append(text) }
///     DispatchQueue.global().asyncAfter(deadline: .now() + 2) { thread.cancel() }
///     try interpreter.run(program, on: thread)
public final class ScriptThread: @unchecked Sendable {
    /// The interpreter whose globals and built-ins this thread runs against.
    public let interpreter: Interpreter
    /// The thread whose budgets this one shares (`parallel for` workers), or nil for a run.
    public let parent: ScriptThread?
    /// Raise `STEP_LIMIT` after this many loop iterations and calls, counted over the thread and
    /// all its children. Set it before the run starts.
    public var stepLimit: Int?
    /// Raise `RECURSION_LIMIT` beyond this many nested calls, counted through `parallel for`.
    /// Set it before the run starts.
    public var maxCallDepth: Int
    /// Raise `MEMORY_LIMIT` once the run has grown the process's resident memory by more than this
    /// many bytes (see `MemoryGuard`). Set it before the run starts.
    public var memoryLimit: Int?
    /// Stop the run with `TIME_LIMIT` after this many seconds of real time: like a cancellation,
    /// it cuts short sleeps, waits and requests, and cannot be caught. Set it before the run starts.
    public var timeLimit: Double?
    /// Where `print` (and `input`'s prompt) writes.
    public var print: @Sendable (String) -> Void
    /// Where `input` reads a line from; nil at the end of input. Called without the interpreter
    /// lock, so it may block.
    public var input: @Sendable () -> String?
    /// Called on the evaluating thread every 1,024 steps of the run (its `parallel for` workers'
    /// included), under the interpreter lock: a host can pause a long run there, as the playground
    /// does to let shorter runs of other learners go first. Set it before the run starts.
    public var checkpoint: (@Sendable () -> Void)?
    /// Reads the file an `import "path"` names (already made relative to the importing file), or
    /// nil when this host does not let scripts import files. Used by `Interpreter.compile(_:on:)`.
    public var load: (@Sendable (_ path: String) throws -> Source)?

    /// Loop iterations and calls so far; only the root thread counts (children forward to it).
    @exclusivity(unchecked) var stepCount = 0
    /// How many times `cancel()` was called, on the root thread; it only grows. Each evaluator
    /// remembers how many it has raised `INTERRUPTED` for, so that every `parallel for` worker
    /// sees each cancellation, and cleanup blocks can run after the first.
    let cancellations = Atomic<Int>(0)
    /// Set by a cancellation that arrives while `finally` and `defer` blocks run because of an
    /// earlier one: every cleanup block still pending, in any worker, is skipped.
    @exclusivity(unchecked) var skipsInterruptCleanup = false
    /// Set on the root thread when the time limit cancelled the run: its cancellations are
    /// `TIME_LIMIT`, not `INTERRUPTED`.
    let timeLimitReached = Atomic<Bool>(false)
    /// The run's memory guard, on the root thread, made when the run starts.
    @exclusivity(unchecked) var memoryGuard: MemoryGuard?
    /// The call depth of the parent's evaluator at the moment it started this child.
    let baseDepth: Int

    /// A thread for one run on `interpreter`, with the interpreter's limits and hooks.
    public init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        self.parent = nil
        self.baseDepth = 0
        self.stepLimit = interpreter.stepLimit
        self.maxCallDepth = interpreter.maxCallDepth
        self.memoryLimit = interpreter.memoryLimit
        self.timeLimit = interpreter.timeLimit
        let output = interpreter.output
        self.print = output
        self.input = interpreter.capabilities.contains(.input) ? ScriptThread.standardInput : ScriptThread.noInput
        self.load = interpreter.defaultLoad
    }

    /// A child of `parent` whose calls start at `depth`: a `parallel for` worker.
    init(child parent: ScriptThread, depth: Int) {
        self.interpreter = parent.interpreter
        self.parent = parent
        self.baseDepth = depth
        self.stepLimit = parent.stepLimit
        self.maxCallDepth = parent.maxCallDepth
        self.memoryLimit = parent.memoryLimit
        self.timeLimit = parent.timeLimit
        self.print = parent.print
        self.input = parent.input
        self.load = parent.load
    }

    /// The thread that owns the budgets: this one, or the root of its parents.
    var root: ScriptThread {
        var thread = self
        while let parent = thread.parent { thread = parent }
        return thread
    }

    /// Loop iterations and calls counted so far, over this thread's whole family.
    public var steps: Int { root.stepCount }

    /// Asks the run to stop with `INTERRUPTED` at its next loop iteration, call or wait. Safe from
    /// any thread, also before the run starts.
    ///
    /// A cancellation is never cleared: the main evaluator and every `parallel for` worker each
    /// raise `INTERRUPTED` for it (a script cannot catch it). The `finally` and `defer` blocks it
    /// unwinds through still run; a second `cancel()` while they run skips all that remain.
    public func cancel() {
        root.cancellations.wrappingAdd(1, ordering: .relaxed)
    }

    /// Whether `cancel()` was ever called on this thread's family.
    public var isCancelled: Bool { root.cancellations.load(ordering: .relaxed) > 0 }

    private static let standardInput: @Sendable () -> String? = { readLine() }
    private static let noInput: @Sendable () -> String? = { nil }
    /// Reads imported files from disk.
    static let fileLoader: @Sendable (String) throws -> Source = { try Source.read(path: $0) }
}
