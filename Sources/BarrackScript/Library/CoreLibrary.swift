#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The core built-ins (LANGUAGE.md section 6): printing, conversion, collections, errors, time,
/// the environment and JSON.
enum CoreLibrary {
    static func register(in interpreter: Interpreter) {
        for builtin in all where interpreter.capabilities.contains(needs[builtin.name] ?? []) {
            interpreter.register(builtin)
        }
        interpreter.register(HelpText.builtin())
    }

    /// The built-ins that reach outside the interpreter, with the capability each needs.
    static let needs: [String: Capabilities] = ["env": .environment, "input": .input, "exit": .exit]

    static func builtin(_ name: String, _ parameters: [BuiltinParameter] = [], variadic: Bool = false, summary: String,
                        returns: String = "", example: String = "",
                        body: @escaping @Sendable (BuiltinCall) throws -> Value) -> BuiltinFunction {
        BuiltinFunction(name: name, parameters: parameters, isVariadic: variadic,
                        help: BuiltinHelp(summary: summary, returns: returns, example: example, group: "core"), body: body)
    }

    static let all: [BuiltinFunction] = [
        builtin("print", variadic: true, summary: "Writes its arguments separated by spaces, then a newline.",
                returns: "nil", example: "print \"total:\" 42") { call in
            let interpreter = call.interpreter
            let pieces = try call.rest.map { value -> String in
                if let form = interpreter.printForm, !(value.isString) { return try form(value) }
                return value.description
            }
            call.thread.print(pieces.joined(separator: " ") + "\n")
            return .null
        },
        builtin("len", [.required("value")], summary: "The length of a string, list, map or range.",
                returns: "int", example: "len([1, 2])") { call in
            switch try call.value(0) {
            case .string(let text): return .int(text.count)
            case .list(let list): return .int(list.elements.count)
            case .map(let map): return .int(map.count)
            case .range(let low, let high): return .int(try Ranges.count(low, high))
            default: throw call.typeError(0, "a string, list, map or range")
            }
        },
        builtin("range", [.required("start", "int"), .optional("end", "int")],
                summary: "The ints from 0 to n-1 (range(n)) or from start to end-1.", returns: "range",
                example: "for i in range(3) { print i }") { call in
            let first = try call.int(0)
            guard call.argument(1) != nil else { return .range(0, first) }
            return .range(first, try call.int(1))
        },
        builtin("type", [.required("value")], summary: "The name of a value's type.", returns: "string",
                example: "type(1.5)  # \"float\"") { call in
            .string(try call.value(0).typeName)
        },
        builtin("str", [.required("value")], summary: "The value as text, as print shows it.", returns: "string") { call in
            .string(try call.value(0).description)
        },
        builtin("int", [.required("value")], summary: "An int from a number (toward zero), a numeric string, a bool, or a duration (whole seconds).",
                returns: "int") { call in
            try Conversions.int(try call.value(0))
        },
        builtin("float", [.required("value")], summary: "A float from a number, a numeric string, or a duration (seconds).",
                returns: "float") { call in
            try Conversions.float(try call.value(0))
        },
        builtin("error", [.required("code", "string"), .optional("message", "string"), .optional("details", "map")],
                summary: "An error value to raise.", returns: "error",
                example: "raise error(code: QUOTA, message: \"too many\")") { call in
            let code = try call.string(0)
            let message = call.argument(1) == nil ? code : try call.string(1)
            return .error(ErrorObject(code: code, message: message, details: call.argument(2) ?? .null))
        },
        builtin("sleep", [.required("duration", "duration")], summary: "Waits for a duration (or a number of seconds).",
                returns: "nil", example: "sleep 5s") { call in
            guard let milliseconds = try Operators.milliseconds(of: try call.value(0)) else {
                throw call.typeError(0, "a duration")
            }
            guard milliseconds >= 0 else {
                throw call.argumentError(0, "must not be negative, not \(try call.value(0).literal)")
            }
            let clock = call.interpreter.clock
            call.withoutLock {
                clock.sleep(milliseconds: milliseconds) { call.isInterruptPending }
            }
            // A sleep cut short by Ctrl-C ends the script here, before its next statement.
            if call.isInterruptPending { throw call.takeInterrupt() }
            return .null
        },
        builtin("now", summary: "The current time in seconds since 1970 (UTC).", returns: "float") { call in
            .float(call.interpreter.clock.now())
        },
        builtin("env", [.required("name", "string")], summary: "An environment variable, or nil when unset.",
                returns: "string or nil") { call in
            let name = try call.string(0)
            guard let value = getenv(name) else { return .null }
            if SecretName.isSecret(name), !call.interpreter.capabilities.contains(.secretEnvironment) {
                return .string(SecretName.redacted)
            }
            return .string(String(cString: value))
        },
        builtin("input", [.optional("prompt", "string", default: "\"\"")],
                summary: "Reads a line from standard input; nil at the end of input.", returns: "string or nil") { call in
            let thread = call.thread
            if call.argument(0) != nil { thread.print(try call.string(0)) }
            StandardStreams.flush()
            return call.withoutLock { thread.input().map { .string($0) } ?? .null }
        },
        builtin("exit", [.optional("code", "int", default: "0")], summary: "Ends the script with an exit status.") { call in
            let code = call.argument(0) == nil ? 0 : try call.int(0)
            // A process status is one byte: exit(256) would end the script with 0, exit(-1) with 255.
            guard (0...255).contains(code) else { throw call.argumentError(0, "must be between 0 and 255, not \(code)") }
            throw ExitRequest(code: Int32(code))
        },
        builtin("round", [.required("number", "number"), .optional("digits", "int", default: "0")],
                summary: "A number rounded half away from zero: an int without digits, else a float with that many decimals.",
                returns: "int or float", example: "round(19.925, 2)  # 19.93") { call in
            let value = try call.value(0)
            guard let number = Operators.number(value) else { throw call.typeError(0, "a number") }
            guard call.argument(1) != nil else { return try Conversions.int(.float(number.rounded())) }
            let digits = try call.int(1)
            guard (0...15).contains(digits) else { throw call.argumentError(1, "must be between 0 and 15") }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return .float((number * scale).rounded() / scale)
        },
        builtin("min", [.required("first"), .optional("second")], variadic: true,
                summary: "The smallest of its arguments, or of a list.", returns: "any", example: "min(3, 1, 2)") { call in
            try Extremes.pick(call, keepFirstWhen: -1)
        },
        builtin("max", [.required("first"), .optional("second")], variadic: true,
                summary: "The largest of its arguments, or of a list.", returns: "any", example: "max([3, 1, 2])") { call in
            try Extremes.pick(call, keepFirstWhen: 1)
        },
        builtin("abs", [.required("number", "number")], summary: "The absolute value of a number or duration.",
                returns: "same type") { call in
            switch try call.value(0) {
            case .int(let number):
                guard number != Int.min else { throw ErrorObject.overflow("abs(\(number)) does not fit in an int") }
                return .int(abs(number))
            case .float(let number): return .float(abs(number))
            case .duration(let milliseconds):
                guard milliseconds != Int.min else { throw ErrorObject.overflow("abs of that duration does not fit") }
                return .duration(abs(milliseconds))
            default: throw call.typeError(0, "a number")
            }
        },
        builtin("json", [.required("value"), .optional("pretty", "bool", default: "false")],
                summary: "The value as JSON text; pretty: true indents it.", returns: "string",
                example: "json({a: [1, 2.5, true, nil]})") { call in
            .string(try JSON.encode(try call.value(0), pretty: call.argument(1)?.isTruthy == true))
        },
        builtin("parse_json", [.required("text", "string")], summary: "The value a JSON text describes.",
                returns: "any", example: "parse_json(\"[1, 2]\")") { call in
            try JSON.decode(try call.string(0))
        },
    ]
}

/// `min` and `max`: over their arguments, or over one list, in the order of `sort` (so NaN is
/// the largest: `max([1.0, nan])` is `nan` and `min` skips it).
enum Extremes {
    static func pick(_ call: BuiltinCall, keepFirstWhen order: Int) throws -> Value {
        var values = call.arguments.compactMap { $0 } + call.rest
        if values.count == 1, case .list(let list) = values[0] { values = list.elements }
        guard var best = values.first else {
            throw ErrorObject.value("\(call.function.name) of an empty list")
        }
        for value in values.dropFirst() where try SortOrder.compare(value, best, call.function.name) == order {
            best = value
        }
        return best
    }
}

/// `int(v)` and `float(v)`.
enum Conversions {
    static func int(_ value: Value) throws -> Value {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .float(let number):
            guard number.isFinite, number.magnitude < 9.2e18 else {
                throw ErrorObject.overflow("\(Value.formatFloat(number)) does not fit in an int")
            }
            return .int(Int(number))
        case .duration(let milliseconds): return .int(milliseconds / 1_000)
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if let number = Int(trimmed.filter { $0 != "_" }) { return .int(number) }
            throw ErrorObject.value("cannot convert \(Value.quote(text)) to an int")
        default:
            throw ErrorObject.type("cannot convert \(value.typeName) to an int")
        }
    }

    static func float(_ value: Value) throws -> Value {
        switch value {
        case .float: return value
        case .int(let number): return .float(Double(number))
        case .bool(let flag): return .float(flag ? 1 : 0)
        case .duration(let milliseconds): return .float(Double(milliseconds) / 1_000)
        case .string(let text):
            if let number = Double(text.trimmingWhitespace()) { return .float(number) }
            throw ErrorObject.value("cannot convert \(Value.quote(text)) to a float")
        default:
            throw ErrorObject.type("cannot convert \(value.typeName) to a float")
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
