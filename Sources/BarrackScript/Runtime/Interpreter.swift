import Synchronization

/// Runs Barrack Script: compiles sources against its built-ins and globals, and evaluates them.
///
/// A host creates one interpreter, registers its built-ins (the core library is registered
/// already), then compiles and runs programs. Top-level variables persist from one program to the
/// next, which is what the REPL relies on. Each run has a `Thread` of its own that holds its
/// limits, its cancellation and its print, input and import hooks; docs/EMBEDDING.md shows a
/// whole host.
///
///     let interpreter = Interpreter()
///     interpreter.register(myBuiltin)
///     let program = try interpreter.compile(Source(name: "demo", text: "print 1 + 2"))
///     try interpreter.run(program)
///
/// `compile`, `register`, `define` and `call` may be called from any thread, also while scripts
/// run and from inside a built-in: they take the interpreter lock, which is re-entrant.
public final class Interpreter: @unchecked Sendable {
    /// The lock every evaluating thread holds while it runs script code.
    public let lock = InterpreterLock()
    /// What scripts may reach outside the interpreter (fixed at creation).
    public let capabilities: Capabilities
    /// The evaluator that runs this interpreter's programs (fixed at creation).
    public let engine: Engine
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
    /// The threads running now, which `interrupt()` cancels.
    private let running = Mutex<[ObjectIdentifier: ScriptThread]>([:])

    /// Where `print` writes, for threads created after it is set. Defaults to buffered standard
    /// output.
    public var output: @Sendable (String) -> Void = { StandardStreams.write($0) }
    /// How `print` writes an argument that is not a string; `nil` writes its `description`. A
    /// host chooses the form (the command line's `--output json` writes `Value.jsonText()`).
    public var printForm: (@Sendable (Value) throws -> String)?
    /// The clock behind `now`, `sleep` and `wait until`.
    public var clock: any ScriptClock = SystemClock()
    /// The step limit of threads created after it is set (see `ScriptThread.stepLimit`).
    public var stepLimit: Int?
    /// The memory limit of threads created after it is set (see `ScriptThread.memoryLimit`).
    public var memoryLimit: Int?
    /// The time limit of threads created after it is set (see `ScriptThread.timeLimit`).
    public var timeLimit: Double?
    /// At most this many `parallel for` worker threads at once in all loops together; beyond
    /// it a loop runs its iterations one by one on its own thread.
    public var maxWorkers = 64
    /// The worker threads running now (changed under the interpreter lock).
    var liveWorkers = 0
    /// The call-depth limit of threads created after it is set (see `ScriptThread.maxCallDepth`).
    public var maxCallDepth = 3_000
    /// Told when long waits start and end (the REPL shows a spinner).
    public var activity: (@Sendable (Activity) -> Void)?
    /// The value of the last expression statement of a program compiled with `keepsResults`.
    public internal(set) var lastResult: Value?

    /// What `activity` is told.
    public enum Activity: Sendable {
        case waitStarted, waitEnded
    }

    /// Creates an interpreter with the core library registered, and of its I/O built-ins (`env`,
    /// `input`, `exit`, file imports) those that `capabilities` allows, running its programs on
    /// `engine` (by default the one `BARRACK_ENGINE` names, see `Engine.fromEnvironment`).
    public init(capabilities: Capabilities = .all, engine: Engine = .fromEnvironment) {
        self.capabilities = capabilities
        self.engine = engine
        CoreLibrary.register(in: self)
    }

    /// Adds a built-in under its name (replacing any earlier one of the same name).
    public func register(_ builtin: BuiltinFunction) {
        lock.withLock {
            builtins.removeAll { $0.name == builtin.name }
            builtins.append(builtin)
            define(builtin.name, .function(FunctionObject(builtin: builtin)))
        }
    }

    /// Sets a top-level variable, declaring it if needed.
    public func define(_ name: String, _ value: Value) {
        lock.withLock {
            let slot = globalSlots[name] ?? globals.add(name)
            globalSlots[name] = slot
            globals.storage[slot] = value
        }
    }

    /// The value of a top-level variable, or nil if none has that name.
    public func global(_ name: String) -> Value? {
        lock.withLock {
            guard let slot = globalSlots[name] else { return nil }
            return globals.storage[slot]
        }
    }

    /// The names of all top-level variables and built-ins.
    public var globalNames: [String] { lock.withLock { Array(globalSlots.keys) } }

    /// Makes `import "name"` find `text` before looking on disk (the embedded standard library).
    public func registerModule(name: String, text: String) {
        lock.withLock { embeddedModules[name] = text }
    }

    /// Cancels every run in progress (see `ScriptThread.cancel()`): each stops with `INTERRUPTED` at its
    /// next loop iteration, call or wait. A run that starts later is not affected.
    public func interrupt() {
        running.withLock { threads in
            for thread in threads.values { thread.cancel() }
        }
    }

    /// Whether a run in progress was cancelled and has not yet stopped.
    public var isInterruptRequested: Bool {
        running.withLock { threads in threads.values.contains { $0.isCancelled } }
    }

    /// Compiles a program; every diagnostic found if it is not valid.
    ///
    /// With `keepsResults` (the REPL), each top-level expression statement's value is kept in
    /// `lastResult`, and a top-level `let` may declare a name again. Imports of files go through
    /// `thread`'s `load` hook, or through the interpreter's capabilities when no thread is given.
    ///
    /// Compiling is a transaction: a program that fails to compile declares no names and leaves
    /// no modules behind.
    public func compile(_ source: Source, keepsResults: Bool = false,
                        on thread: ScriptThread? = nil) throws(CompileFailure) -> Program {
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { throw CompileFailure(diagnostics: diagnostics) }
        return try compile(statements, of: source, keepsResults: keepsResults, on: thread)
    }

    /// Compiles statements already parsed from `source` (see `compile(_:keepsResults:on:)`).
    func compile(_ statements: [Stmt], of source: Source, keepsResults: Bool = false,
                 on thread: ScriptThread? = nil) throws(CompileFailure) -> Program {
        let load = thread.map(\.load) ?? defaultLoad
        lock.acquire()
        defer { lock.release() }
        let saved = (globalSlots, sessionDeclarations, modules, globals.count)
        do {
            var compiler = Compiler(interpreter: self, source: source, keepsResults: keepsResults, load: load)
            let prototype = try compiler.compileModule(statements)
            if engine == .vm { try BytecodeCompiler.compile(prototype) }
            return Program(prototype: prototype, source: source)
        } catch {
            (globalSlots, sessionDeclarations, modules) = (saved.0, saved.1, saved.2)
            globals.truncate(to: saved.3)
            throw error
        }
    }

    /// How files are imported when no thread says otherwise.
    var defaultLoad: (@Sendable (String) throws -> Source)? {
        capabilities.contains(.fileImports) ? ScriptThread.fileLoader : nil
    }

    /// Runs a compiled program on the calling thread with a new `Thread` carrying the interpreter's
    /// limits and output.
    ///
    /// Call it from a thread with a large stack (`ThreadLauncher.runAndWait`). Throws the
    /// script's uncaught `ErrorObject`, or `ExitRequest` when the script called `exit`.
    public func run(_ program: Program) throws {
        try run(program, on: ScriptThread(self))
    }

    /// Runs a compiled program on the calling thread as `thread`, holding the interpreter lock
    /// meanwhile. A thread is meant for one run: its steps and cancellation carry over.
    public func run(_ program: Program, on thread: ScriptThread) throws {
        lock.acquire()
        defer { lock.release() }
        lastResult = nil
        try running(thread) {
            let context = ExecutionContext(thread: thread, slotCapacity: 1 << 18)
            _ = try runModule(program.prototype, context: context)
        }
    }

    func runModule(_ prototype: FunctionPrototype, context: ExecutionContext) throws -> Value {
        let frame = try context.pushFrame(prototype, function: nil)
        defer { context.popFrame(frame, prototype) }
        return try context.runBody(prototype, frame)
    }

    /// Calls a function value from the host, on a new thread with the interpreter's limits; also
    /// from inside a built-in, where it runs nested in the caller's lock.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try call(function, arguments, on: ScriptThread(self))
    }

    /// Calls a function value from the host as `thread`.
    public func call(_ function: Value, _ arguments: [Value], on thread: ScriptThread) throws -> Value {
        lock.acquire()
        defer { lock.release() }
        return try running(thread) {
            let context = ExecutionContext(thread: thread, slotCapacity: 1 << 14)
            return try context.call(function, arguments)
        }
    }

    /// Runs `work` with `thread` listed as running, so that `interrupt()` reaches it.
    private func running<T>(_ thread: ScriptThread, _ work: () throws -> T) throws -> T {
        running.withLock { $0[ObjectIdentifier(thread)] = thread }
        defer { _ = running.withLock { $0.removeValue(forKey: ObjectIdentifier(thread)) } }
        let limits = thread.startLimits()
        defer { limits?.cancel() }
        return try work()
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

    /// Runs the module's top level unless an earlier import did.
    func runOnce(_ context: ExecutionContext) throws {
        guard !hasRun else { return }
        hasRun = true
        _ = try context.interpreter.runModule(prototype, context: context)
    }
}

/// The diagnostics of a program that failed to compile.
public struct CompileFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in source order.
    public var diagnostics: [Diagnostic]

    public var description: String { Diagnostic.report(diagnostics) }
}

/// Thrown by `exit(code)`: the host ends the process with `code` after flushing output.
public struct ExitRequest: Error, Sendable {
    /// The exit status.
    public var code: Int32
}
