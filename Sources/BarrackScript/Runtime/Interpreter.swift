import Dispatch
import Synchronization

/// Runs Barrack Script: compiles sources against its built-ins and globals, and evaluates them.
///
/// A host creates one interpreter, registers its built-ins (the core library is registered
/// already), then compiles and runs programs. Top-level variables persist from one program to the
/// next, which is what the REPL relies on.
///
///     let interpreter = Interpreter()
///     interpreter.register(myBuiltin)
///     let program = try interpreter.compile(Source(name: "demo", text: "print 1 + 2"))
///     try interpreter.run(program)
public final class Interpreter: @unchecked Sendable {
    /// The lock every evaluating thread holds while it runs script code.
    public let lock = InterpreterLock()
    let globals = GlobalTable()
    var globalSlots: [String: Int] = [:]
    /// Built-ins in registration order, for help and documentation.
    public private(set) var builtins: [BuiltinFunction] = []
    var modules: [String: Module] = [:]
    var embeddedModules: [String: String] = [:]
    /// Top-level names declared by the programs and modules compiled so far, with where: two
    /// modules may not both declare one name.
    var sessionDeclarations: [String: (source: Source, range: SourceRange)] = [:]
    /// The modules being compiled, innermost last: an import cycle is reported with this chain.
    var importChain: [String] = []
    /// Set by `interrupt()` and by the time limit; checked at every loop iteration, call and wait.
    /// It stays set until the next run starts: a stopped script sends no further request.
    let interruptRequested = Atomic<Bool>(false)
    /// Set with `interruptRequested` when the stop is the time limit's, not Ctrl-C's.
    let timeLimitReached = Atomic<Bool>(false)
    /// The current run's memory guard, when the host set `memoryLimit`.
    private(set) var memoryGuard: MemoryGuard?

    /// Where `print` writes. Defaults to buffered standard output.
    public var output: @Sendable (String) -> Void = { StandardStreams.write($0) }
    /// `print` writes values other than strings as compact JSON (`--output json`).
    public var printsJSON = false
    /// The clock behind `now`, `sleep` and `wait until`.
    public var clock: any ScriptClock = SystemClock()
    /// Raise `STEP_LIMIT` after this many loop iterations and calls (a playground's guard).
    public var stepLimit: Int?
    /// Raise `MEMORY_LIMIT` once a run has grown the process's resident memory by more than this
    /// many bytes (measured every 1,024 steps and after large concatenations; a playground's guard).
    public var memoryLimit: Int?
    /// Raise `TIME_LIMIT` once a run has taken this many seconds of real time (`--timeout`).
    public var timeLimit: Double?
    /// Raise `RECURSION_LIMIT` beyond this many nested calls.
    public var maxCallDepth = 3_000
    /// At most this many `parallel for` worker threads at once in all loops together; beyond
    /// it a loop runs its iterations one by one on its own thread.
    public var maxWorkers = 64
    /// The worker threads running now (changed under the interpreter lock).
    var liveWorkers = 0
    /// Told when long waits start and end (the REPL shows a spinner).
    public var activity: (@Sendable (Activity) -> Void)?
    /// The value of the last expression statement of a program compiled with `keepsResults`.
    public internal(set) var lastResult: Value?

    /// What `activity` is told.
    public enum Activity: Sendable {
        case waitStarted, waitEnded
    }

    /// Creates an interpreter with the core library registered.
    public init() {
        CoreLibrary.register(in: self)
    }

    /// Adds a built-in under its name (replacing any earlier one of the same name).
    public func register(_ builtin: BuiltinFunction) {
        builtins.removeAll { $0.name == builtin.name }
        builtins.append(builtin)
        define(builtin.name, .function(FunctionObject(builtin: builtin)))
    }

    /// Sets a top-level variable, declaring it if needed.
    public func define(_ name: String, _ value: Value) {
        let slot = globalSlots[name] ?? globals.add(name)
        globalSlots[name] = slot
        globals.storage[slot] = value
    }

    /// The value of a top-level variable, or nil if none has that name.
    public func global(_ name: String) -> Value? {
        guard let slot = globalSlots[name] else { return nil }
        return globals.storage[slot]
    }

    /// The names of all top-level variables and built-ins.
    public var globalNames: [String] { Array(globalSlots.keys) }

    /// Makes `import "name"` find `text` before looking on disk (the embedded standard library).
    public func registerModule(name: String, text: String) {
        embeddedModules[name] = text
    }

    /// Asks the running code to stop with `INTERRUPTED` at its next loop iteration, call or wait.
    public func interrupt() {
        interruptRequested.store(true, ordering: .relaxed)
    }

    /// Stops the run with `TIME_LIMIT` after `seconds`, unless cancelled first.
    private func startWatchdog(seconds: Double) -> DispatchWorkItem {
        let stop = DispatchWorkItem { [self] in
            timeLimitReached.store(true, ordering: .relaxed)
            interruptRequested.store(true, ordering: .relaxed)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, min(seconds, 1e9)), execute: stop)
        return stop
    }

    /// Whether `interrupt()` was called and the running code has not yet stopped for it. Built-ins
    /// that wait on something outside the interpreter poll it to give up early.
    public var isInterruptRequested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// Compiles a program; every diagnostic found if it is not valid.
    ///
    /// With `keepsResults` (the REPL), each top-level expression statement's value is kept in
    /// `lastResult`, and a top-level `let` may declare a name again.
    public func compile(_ source: Source, keepsResults: Bool = false) throws(CompileFailure) -> Program {
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { throw CompileFailure(diagnostics: diagnostics) }
        var compiler = Compiler(interpreter: self, source: source, keepsResults: keepsResults)
        let prototype = try compiler.compileModule(statements)
        return Program(prototype: prototype, source: source)
    }

    /// Runs a compiled program on the calling thread, holding the interpreter lock meanwhile.
    ///
    /// Call it from a thread with a large stack (`ThreadLauncher.runAndWait`). Throws the
    /// script's uncaught `ErrorObject`, or `ExitRequest` when the script called `exit`.
    public func run(_ program: Program) throws {
        lock.acquire()
        defer { lock.release() }
        interruptRequested.store(false, ordering: .relaxed)
        timeLimitReached.store(false, ordering: .relaxed)
        memoryGuard = memoryLimit.map { MemoryGuard(limit: $0) }
        let watchdog = timeLimit.map(startWatchdog)
        defer { watchdog?.cancel() }
        lastResult = nil
        let context = ExecutionContext(interpreter: self, slotCapacity: 1 << 18)
        _ = try runModule(program.prototype, context: context)
    }

    func runModule(_ prototype: FunctionPrototype, context: ExecutionContext) throws -> Value {
        let frame = try context.pushFrame(prototype, function: nil)
        defer { context.popFrame(frame, prototype) }
        return try context.runBody(prototype, frame)
    }

    /// Calls a function value from the host (outside any running program).
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        lock.acquire()
        defer { lock.release() }
        interruptRequested.store(false, ordering: .relaxed)
        timeLimitReached.store(false, ordering: .relaxed)
        let context = ExecutionContext(interpreter: self, slotCapacity: 1 << 14)
        return try context.call(function, arguments)
    }
}

/// A compiled program, ready to run.
public final class Program: @unchecked Sendable {
    let prototype: FunctionPrototype
    /// The source it was compiled from.
    public let source: Source

    init(prototype: FunctionPrototype, source: Source) {
        self.prototype = prototype
        self.source = source
    }
}

/// A compiled module: its top level runs once, at its first `import`.
final class Module {
    let prototype: FunctionPrototype
    var hasRun = false

    init(prototype: FunctionPrototype) {
        self.prototype = prototype
    }
}

/// The diagnostics of a program that failed to compile.
public struct CompileFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in source order.
    public var diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Thrown by `exit(code)`: the host ends the process with `code` after flushing output.
public struct ExitRequest: Error, Sendable {
    /// The exit status.
    public var code: Int32
}
