import BarrackAPI
import BarrackScript

/// One line of a run's NDJSON answer (`POST /api/run`).
enum RunEvent: Sendable {
    /// Text the script printed, newline included.
    case output(String)
    /// The run ended well; `result` is a REPL line's value as printed, if any.
    case finished(result: String?, milliseconds: Int)
    /// The run ended with an error.
    case failed(RunFailure, milliseconds: Int)

    /// The event as one JSON line, newline included.
    var line: String {
        let value: JSONValue
        switch self {
        case .output(let text):
            value = ["type": "output", "text": .string(text)]
        case .finished(let result, let milliseconds):
            value = ["type": "done", "ok": true, "result": result.map(JSONValue.string) ?? .null,
                     "elapsed_ms": .int(milliseconds)]
        case .failed(let failure, let milliseconds):
            value = ["type": "done", "ok": false, "elapsed_ms": .int(milliseconds), "error": failure.json]
        }
        return value.serialized() + "\n"
    }
}

/// Why a run failed: a code, a message, where, and the report as the command line prints it
/// (source line and caret included).
struct RunFailure: Sendable, Equatable {
    var code: String
    var message: String
    var line: Int?
    var column: Int?
    var text: String

    var json: JSONValue {
        ["code": .string(code), "message": .string(message), "line": line.map(JSONValue.int) ?? .null,
         "column": column.map(JSONValue.int) ?? .null, "text": .string(text)]
    }

    /// The first diagnostic of a script that does not compile, with the report of all of them.
    init(_ failure: CompileFailure) {
        let first = failure.diagnostics.first
        code = first?.code ?? "SYNTAX_ERROR"
        message = first?.message ?? "the script does not compile"
        line = first?.location.line
        column = first?.location.column
        text = failure.description
    }

    /// An uncaught error of a run.
    init(_ error: ErrorObject) {
        code = error.code
        message = error.message
        if let location = error.location {
            let position = location.source.location(of: location.range.start)
            line = position.line
            column = position.column
        }
        text = error.report
    }

    /// A failure the playground itself decides (the output cap, `exit`).
    init(code: String, message: String) {
        self.code = code
        self.message = message
        text = "error: \(code): \(message)"
    }
}
