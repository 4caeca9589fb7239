/// A function written in Swift and registered with an interpreter: the core library, the
/// platform's operations, or anything an embedding host adds.
///
/// The interpreter binds a call's arguments to `parameters` before the body runs: an unknown
/// keyword, a missing required argument or a surplus argument is an `ARGUMENT_ERROR` that names
/// the built-in and the parameter, so bodies only ever see well-formed calls.
///
///     let double = BuiltinFunction(name: "double", parameters: [.required("n")]) { call in
///         .int(try call.int(0) * 2)
///     }
///     interpreter.register(double)
public final class BuiltinFunction: Sendable {
    /// The name scripts call it by.
    public let name: String
    /// The parameters, in positional order.
    public let parameters: [BuiltinParameter]
    /// Whether surplus positional arguments are accepted (they arrive in `BuiltinCall.rest`).
    public let isVariadic: Bool
    /// Help: summary, returns, example, group, operation.
    public let help: BuiltinHelp
    /// The Swift code.
    public let body: @Sendable (BuiltinCall) throws -> Value

    /// Creates a built-in.
    public init(name: String, parameters: [BuiltinParameter] = [], isVariadic: Bool = false,
                help: BuiltinHelp = BuiltinHelp(), body: @escaping @Sendable (BuiltinCall) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.isVariadic = isVariadic
        self.help = help
        self.body = body
    }
}

/// A parameter of a built-in.
public struct BuiltinParameter: Sendable {
    /// The keyword that names it.
    public var name: String
    /// Whether a call must give it.
    public var isRequired: Bool
    /// The default, shown in help (the body applies it; the binder leaves absent arguments nil).
    public var defaultDescription: String?
    /// The expected type, shown in help (`string`, `int`, `gpu request`, …).
    public var type: String
    /// What it means.
    public var summary: String
    /// The values it accepts, when it is an enumeration.
    public var allowedValues: [String]

    /// Creates a parameter.
    public init(name: String, isRequired: Bool, type: String = "any", defaultDescription: String? = nil,
                summary: String = "", allowedValues: [String] = []) {
        self.name = name
        self.isRequired = isRequired
        self.type = type
        self.defaultDescription = defaultDescription
        self.summary = summary
        self.allowedValues = allowedValues
    }

    /// A parameter every call must give.
    public static func required(_ name: String, _ type: String = "any", _ summary: String = "") -> BuiltinParameter {
        BuiltinParameter(name: name, isRequired: true, type: type, summary: summary)
    }

    /// A parameter a call may leave out.
    public static func optional(_ name: String, _ type: String = "any", default defaultDescription: String? = nil,
                                _ summary: String = "") -> BuiltinParameter {
        BuiltinParameter(name: name, isRequired: false, type: type, defaultDescription: defaultDescription, summary: summary)
    }
}

/// The help text of a built-in.
public struct BuiltinHelp: Sendable {
    /// One line: what it does.
    public var summary: String
    /// What it returns.
    public var returns: String
    /// A one-line example.
    public var example: String
    /// The group it is listed under by `help`.
    public var group: String
    /// The API operation it calls (`deploy_instance`), for platform built-ins.
    public var operation: String?
    /// The HTTP method and path of that operation (`POST /api/instances/`).
    public var route: String?

    /// Creates help text.
    public init(summary: String = "", returns: String = "", example: String = "", group: String = "core",
                operation: String? = nil, route: String? = nil) {
        self.summary = summary
        self.returns = returns
        self.example = example
        self.group = group
        self.operation = operation
        self.route = route
    }
}

/// One call of a built-in: its bound arguments, and the interpreter to call back into.
public struct BuiltinCall {
    /// The built-in being called.
    public let function: BuiltinFunction
    /// The arguments by parameter position; nil where the call left one out.
    public let arguments: [Value?]
    /// Surplus positional arguments of a variadic built-in.
    public let rest: [Value]
    let context: ExecutionContext

    /// The interpreter running the call.
    public var interpreter: Interpreter { context.interpreter }

    /// The run making the call: its hooks, limits and cancellation.
    public var thread: ScriptThread { context.thread }

    /// Whether the run was cancelled and this call's evaluator has not yet raised `INTERRUPTED`
    /// for it. A built-in that waits on something outside the interpreter polls it to give up
    /// early, then throws `takeInterrupt()`. (After an interrupt, the `finally` and `defer` blocks
    /// that run call built-ins that see false here, so their cleanup is not cut short.)
    public var isInterruptPending: Bool { context.isInterruptPending }

    /// The run's memory guard, when the host set a memory limit.
    var memoryGuard: MemoryGuard? { context.budget.memoryGuard }

    /// The `INTERRUPTED` error to throw after giving up because of `isInterruptPending`.
    ///
    ///     if call.isInterruptPending { throw call.takeInterrupt("interrupted while waiting") }
    public func takeInterrupt(_ message: String = "interrupted") -> ErrorObject {
        context.takeInterrupt(message)
    }

    /// The argument at `index`, or nil when it was not given or is `nil`.
    public func argument(_ index: Int) -> Value? {
        guard index < arguments.count, let value = arguments[index] else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Calls a script function (or another built-in) from Swift.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try context.call(function, arguments)
    }

    /// Runs `work` with the interpreter lock released, so other `parallel for` iterations run
    /// meanwhile (inside an atomic update the lock is kept). `work` must not touch script values.
    ///
    /// Standard output is flushed first: `work` waits (a sleep, a platform request, input), and
    /// what the script printed before it must reach a pipe or a CI log now, not at the end.
    public func withoutLock<T>(_ work: () throws -> T) rethrows -> T {
        StandardStreams.flush()
        return try context.withoutLock(work)
    }

    /// Calls `function` as one atomic step: it keeps the interpreter lock throughout, through
    /// sleeps and platform requests, so no other `parallel for` iteration runs until it returns.
    public func callAtomically(_ function: Value, _ arguments: [Value]) throws -> Value {
        try context.atomically { try context.call(function, arguments) }
    }

    /// An `ARGUMENT_ERROR` about parameter `index`.
    public func argumentError(_ index: Int, _ problem: String) -> ErrorObject {
        guard index < function.parameters.count else {
            return ErrorObject.argument("\(function.name): 'argument \(index + 1)' \(problem)")
        }
        let name = function.parameters[index].name
        return ErrorObject.argument("\(function.name): '\(name)' \(problem)").blaming(name)
    }

    /// The argument at `index` as a string; a type error otherwise.
    public func string(_ index: Int) throws -> String {
        guard case .string(let text)? = argument(index) else { throw typeError(index, "a string") }
        return text
    }

    /// The argument at `index` as an int; a type error otherwise.
    public func int(_ index: Int) throws -> Int {
        guard case .int(let number)? = argument(index) else { throw typeError(index, "an int") }
        return number
    }

    /// The argument at `index` as a bool: false when it was not given or is `nil`, a type error
    /// for any other value, so that `xs.sort("yes")` cannot pass for `reverse: true`.
    public func flag(_ index: Int) throws -> Bool {
        guard let value = argument(index) else { return false }
        guard case .bool(let flag) = value else { throw typeError(index, "true or false") }
        return flag
    }

    /// The argument at `index`, required.
    public func value(_ index: Int) throws -> Value {
        guard index < arguments.count, let value = arguments[index] else {
            throw argumentError(index, "is required")
        }
        return value
    }

    /// A `TYPE_ERROR` saying that argument `index` must be `expected`.
    public func typeError(_ index: Int, _ expected: String) -> ErrorObject {
        let got = index < arguments.count ? (arguments[index]?.typeName ?? "nothing") : "nothing"
        guard index < function.parameters.count else {
            return ErrorObject.type("\(function.name): 'argument \(index + 1)' must be \(expected), not \(got)")
        }
        let name = function.parameters[index].name
        return ErrorObject.type("\(function.name): '\(name)' must be \(expected), not \(got)").blaming(name)
    }
}
