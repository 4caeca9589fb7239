import BarrackAPI
import BarrackPlatform
import BarrackScript

/// How a failure reaches standard error: the error's report as text, or with `--output json` an
/// error object a program can read:
///
///     {"error": {"code": "NOT_FOUND", "message": "no instance with id 'BRK-1'", "status": 404,
///                "operation": "get_instance", "details": {…}, "file": "a.brk", "line": 3, "column": 5}}
///
/// `code`, `message` and `exit_status` are always there; the others when known.
struct ErrorReport {
    /// The output format chosen; only `json` changes what is written (YAML readers read JSON).
    let format: OutputFormat?

    /// Writes `error` and returns the exit status it calls for: 130 for an interruption, 1 for
    /// anything else.
    @discardableResult
    func write(_ error: any Error) -> Int32 {
        let object = (error as? ErrorObject) ?? ErrorObject(code: ErrorReport.code(of: error), message: ErrorReport.message(of: error))
        let status: Int32 = object.code == ErrorCode.interrupted ? 130 : 1
        StandardStreams.flush()
        if format == .json || format == .yaml {
            StandardStreams.writeError(ErrorReport.json(object, exitStatus: status).serialized() + "\n")
        } else if error is ErrorObject {
            StandardStreams.writeError(object.report + "\n")
        } else {
            StandardStreams.writeError("barrack: \(error)\n")
        }
        return status
    }

    /// Writes compile diagnostics (syntax and name errors), which exit with status 2.
    func write(_ diagnostics: [Diagnostic]) {
        StandardStreams.flush()
        if format == .json || format == .yaml {
            let errors = diagnostics.map { diagnostic -> JSONValue in
                let members: [JSONObject.Member] = [
                    .init(key: "code", value: .string(diagnostic.code)),
                    .init(key: "message", value: .string(diagnostic.message)),
                    .init(key: "exit_status", value: .int(2)),
                    .init(key: "file", value: .string(diagnostic.source.name)),
                    .init(key: "line", value: .int(diagnostic.location.line)),
                    .init(key: "column", value: .int(diagnostic.location.column)),
                ]
                return .object(JSONObject([.init(key: "error", value: .object(JSONObject(members)))]))
            }
            for error in errors { StandardStreams.writeError(error.serialized() + "\n") }
        } else if !diagnostics.isEmpty {
            StandardStreams.writeError(Diagnostic.report(diagnostics) + "\n")
        }
    }

    /// The error object of `error`.
    static func json(_ error: ErrorObject, exitStatus: Int32) -> JSONValue {
        var members: [JSONObject.Member] = [
            .init(key: "code", value: .string(error.code)),
            .init(key: "message", value: .string(error.message)),
            .init(key: "exit_status", value: .int(Int(exitStatus))),
        ]
        if let status = error.status { members.append(.init(key: "status", value: .int(status))) }
        if let operation = error.operation { members.append(.init(key: "operation", value: .string(operation))) }
        if error.details != .null, let details = try? ValueConversion.json(error.details) {
            members.append(.init(key: "details", value: details))
        }
        if let location = error.location {
            let position = location.source.location(of: location.range.start)
            members.append(.init(key: "file", value: .string(location.source.name)))
            members.append(.init(key: "line", value: .int(position.line)))
            members.append(.init(key: "column", value: .int(position.column)))
        }
        return .object(JSONObject([.init(key: "error", value: .object(JSONObject(members)))]))
    }

    /// The code of an error that is not a script's: the platform client's own, else `ERROR`.
    static func code(of error: any Error) -> String {
        (error as? BarrackAPIError)?.code ?? "ERROR"
    }

    static func message(of error: any Error) -> String {
        (error as? BarrackAPIError)?.message ?? "\(error)"
    }
}
