/// A runtime error: both the Swift error that unwinds the evaluator and the script's error value.
///
/// A script sees `err.code`, `err.message`, `err.status`, `err.operation` and `err.details`. The
/// location and call stack are filled in as the error passes up through the evaluator, so that an
/// uncaught error can show where it happened and how the program got there.
public final class ErrorObject: Error, @unchecked Sendable, CustomStringConvertible {
    /// A stable ALL-CAPS code (`KEY_ERROR`, `OUT_OF_STOCK`, …).
    public let code: String
    /// What went wrong, for a person.
    public let message: String
    /// The HTTP status of an API failure, or nil.
    public let status: Int?
    /// The API operation that failed, or nil.
    public let operation: String?
    /// More data: a map, or nil.
    public let details: Value
    /// Whether the failure is passing (a 429, a 5xx, a dropped or refused connection), so that
    /// asking again later may succeed: `wait until` counts it as "not yet".
    public let isRetryable: Bool
    /// Where it was raised.
    public internal(set) var location: ErrorLocation?
    /// The calls it passed through, innermost first.
    public internal(set) var trace: [ErrorLocation] = []
    /// The parameter of a built-in whose argument is at fault, which a built-in names with
    /// `blaming(_:)`; the caret then goes under that argument.
    public private(set) var parameter: String?
    /// The offset among a call's arguments of the one at fault, found from `parameter` or by
    /// the binding of arguments to parameters.
    var argumentOffset: Int?
    /// Whether the keyword of that argument is at fault (`nmae:`), not its value.
    var blamesKeyword = false
    /// The error that was unwinding when a `finally` or `defer` block raised this one instead.
    public internal(set) var replaced: ErrorObject?

    /// Creates an error.
    public init(code: String, message: String, status: Int? = nil, operation: String? = nil, details: Value = .null,
                isRetryable: Bool = false) {
        self.code = code
        self.message = message
        self.status = status
        self.operation = operation
        self.details = details
        self.isRetryable = isRetryable
    }

    public var description: String { "\(code): \(message)" }

    /// The report for an uncaught error: code and message, where, the source line, the call stack.
    public var report: String {
        var text: String
        if let location {
            let position = location.source.location(of: location.range.start)
            text = "\(location.source.name):\(position): error: \(code): \(VisibleText.escaped(message))\n"
            text += SourceExcerpt.render(source: location.source, range: location.range)
        } else {
            text = "error: \(code): \(VisibleText.escaped(message))"
        }
        if !trace.isEmpty {
            text += "\ncall stack (innermost first):" + CallStackText.render(trace)
        }
        if let replaced {
            text += "\nraised by a finally or defer block that ran because of:\n" + replaced.report
        }
        return text
    }

    /// This error, saying that the argument of `parameter` is at fault.
    ///
    ///     throw ErrorObject(code: "ARGUMENT_ERROR", message: "deploy: unknown region").blaming("region")
    @discardableResult
    public func blaming(_ parameter: String) -> ErrorObject {
        self.parameter = parameter
        return self
    }

    /// Sets the location if none is set yet (errors from built-ins learn it from their call site).
    func locate(_ source: Source, _ range: SourceRange) {
        if location == nil { location = ErrorLocation(function: "", source: source, range: range) }
    }
}

/// A place in a script: the function and the source range.
public struct ErrorLocation: Sendable {
    /// The function being called (for trace entries).
    public var function: String
    /// The script.
    public var source: Source
    /// The expression.
    public var range: SourceRange
}

/// The stable codes of the language's own errors (LANGUAGE.md section 7).
public enum ErrorCode {
    public static let name = "NAME_ERROR"
    /// A program uses a part of the language the VM does not run yet (refused before it runs).
    public static let notOnVM = "NOT_ON_VM"
    public static let type = "TYPE_ERROR"
    public static let key = "KEY_ERROR"
    public static let index = "INDEX_ERROR"
    public static let argument = "ARGUMENT_ERROR"
    public static let value = "VALUE_ERROR"
    public static let overflow = "OVERFLOW"
    public static let divisionByZero = "DIVISION_BY_ZERO"
    public static let recursionLimit = "RECURSION_LIMIT"
    public static let stepLimit = "STEP_LIMIT"
    /// The run outgrew the host's `memoryLimit`, or asked for more memory than the machine has.
    public static let memoryLimit = "MEMORY_LIMIT"
    /// The run took longer than the host's `timeLimit` (`barrack run --timeout`).
    public static let timeLimit = "TIME_LIMIT"
    public static let interrupted = "INTERRUPTED"
    public static let timeout = "TIMEOUT"
    public static let importError = "IMPORT_ERROR"
    public static let parallel = "PARALLEL"
    /// A script's own `raise "message"`.
    public static let raised = "ERROR"
}

extension ErrorObject {
    /// Whether the error stops the run from outside: Ctrl-C (`INTERRUPTED`) or the host's time
    /// limit (`TIME_LIMIT`). Neither can be caught; both still run `finally` and `defer` blocks.
    public var isCancellation: Bool { code == ErrorCode.interrupted || code == ErrorCode.timeLimit }

    static func type(_ message: String) -> ErrorObject { ErrorObject(code: ErrorCode.type, message: message) }
    static func value(_ message: String) -> ErrorObject { ErrorObject(code: ErrorCode.value, message: message) }
    static func argument(_ message: String) -> ErrorObject { ErrorObject(code: ErrorCode.argument, message: message) }
    static func index(_ message: String) -> ErrorObject { ErrorObject(code: ErrorCode.index, message: message) }
    static func overflow(_ message: String) -> ErrorObject { ErrorObject(code: ErrorCode.overflow, message: message) }
}
