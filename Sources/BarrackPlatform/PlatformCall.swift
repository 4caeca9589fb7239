import BarrackAPI
import BarrackScript

/// Turns a `PlatformBuiltinSpec` into a built-in: checks and converts the arguments, sends the
/// request, and converts the answer (or the failure) into script values.
struct PlatformCall: Sendable {
    let spec: PlatformBuiltinSpec
    let connection: any PlatformConnection
    /// Fills in what a request leaves out (deploy's boot source and SSH keys) before it is sent.
    let prepare: (@Sendable (inout JSONObject, BuiltinCall) throws -> Void)?
    /// Print each change on standard error as the request it stands for (`--dry-run`, where the
    /// connection is a `Rehearsal` and nothing is sent to the platform).
    var announcesChanges = false
    /// Checks and reserves a call's hourly cost before it is sent (`--max-hourly`).
    var budget: BudgetGuard?
    /// Told one line (`MutationNotice`) when the call succeeded.
    var notice: (@Sendable (String) -> Void)?

    /// The built-in, with help that names its operation and route.
    func builtin() -> BuiltinFunction {
        let endpoint = spec.operation.endpoint
        let parameters = spec.parameters.map { parameter in
            // A GPU request's model is one of the catalogue's, which `barrack check` checks too.
            BuiltinParameter(name: parameter.name, isRequired: parameter.isRequired, type: parameter.typeName,
                             defaultDescription: parameter.defaultDescription, summary: parameter.summary,
                             allowedValues: parameter.kind == .gpu ? Catalogue.gpuModels : parameter.allowedValues)
        }
        let help = BuiltinHelp(summary: spec.summary, returns: spec.returns, example: spec.example, group: spec.group,
                               operation: spec.operation.rawValue,
                               route: "\(endpoint.method.rawValue) \(endpoint.pathTemplate)")
        return BuiltinFunction(name: spec.name, parameters: parameters, help: help) { call in
            try self.perform(call)
        }
    }

    func perform(_ call: BuiltinCall) throws -> Value {
        var pathParameters: [String: String] = [:]
        var query: [QueryItem] = []
        var body = JSONObject()
        for (index, parameter) in spec.parameters.enumerated() {
            guard let value = call.argument(index) else {
                if let sentDefault = parameter.sentDefault, case .body(let name) = parameter.target { body[name] = sentDefault }
                continue
            }
            if parameter.kind == .gpu {
                guard case .map(let request) = value, case .string(let written)? = request["model"],
                      case .int(let count)? = request["count"] else {
                    throw ErrorObject(code: "ARGUMENT_ERROR",
                                      message: "\(spec.name): '\(parameter.name)' must be a GPU request such as \"H100-SXM5-80GB\" x 8, not \(value.typeName)")
                        .blaming(parameter.name)
                }
                let model = try PlatformCall.gpuModel(written, builtin: spec.name, parameter: parameter.name)
                switch parameter.target {
                case .query:
                    query.append(QueryItem(name: "gpu_model", value: model))
                    query.append(QueryItem(name: "gpu_count", value: String(count)))
                default:
                    body["gpu_model"] = .string(model)
                    body["gpu_count"] = .int(count)
                }
                continue
            }
            let json = try parameter.convert(value, builtin: spec.name)
            switch parameter.target {
            case .path(let name): pathParameters[name] = json.stringValue ?? ""
            case .query(let name): query.append(QueryItem(name: name, value: PlatformCall.queryText(json)))
            case .body(let name): body[name] = json
            }
        }
        try prepare?(&body, call)
        let endpoint = spec.operation.endpoint
        let sendsBody = endpoint.bodySchema != nil && !(endpoint.isBodyOptional && body.isEmpty)
        let connection = self.connection
        let operation = spec.operation
        let requestBody: JSONValue? = sendsBody ? .object(body) : nil
        let reservation = try budget?.reserve(operation, path: pathParameters, query: query, body: requestBody,
                                              connection: connection, call: call) ?? 0
        defer { budget?.release(reservation) }
        let sentQuery = query
        let sentPath = pathParameters
        let answer: JSONValue
        do {
            answer = try BlockingBridge.run(call) {
                try await connection.call(operation, pathParameters: sentPath, query: sentQuery, body: requestBody)
            }
        } catch let error as BarrackAPIError {
            throw PlatformCall.scriptError(error, spec: spec)
        }
        let payload = PlatformCall.payload(answer, endpoint: endpoint, whole: spec.returnsWholeAnswer)
        if announcesChanges && spec.effect.changes {
            DryRun.announce(operation, path: pathParameters, body: requestBody, payload: payload)
        }
        let result = ValueConversion.value(payload)
        if let notice { notice(MutationNotice.line(spec.name, result: result, id: pathParameters.values.first)) }
        return result
    }

    /// The catalogue's spelling of GPU model `written` (letter case is forgiven, as for other
    /// choices); an unknown model is an `ARGUMENT_ERROR` with the nearest model, before any request.
    static func gpuModel(_ written: String, builtin: String, parameter: String) throws -> String {
        let models = Catalogue.gpuModels
        guard let model = Choice.match(written, among: models) else {
            throw ErrorObject(code: "ARGUMENT_ERROR", message: Choice.unknownGPUModelMessage(written, builtin: builtin, models: models))
                .blaming(parameter)
        }
        return model
    }

    static func queryText(_ json: JSONValue) -> String {
        switch json {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }

    /// The part of a success envelope a script wants: a listing's items (`instances` gives a
    /// list), else the one object the answer is about (`instance`, an added `rule`), else the
    /// answer without the envelope's own keys (billing: records and summary). Ids and other plain
    /// values beside the items or the object (`firewall_id`, `tier`) only say what it belongs to.
    static func payload(_ answer: JSONValue, endpoint: Endpoint, whole: Bool = false) -> JSONValue {
        guard case .object(var object) = answer else { return answer }
        for key in envelopeKeys { object[key] = nil }
        if whole { return .object(object) }
        let structured = object.filter { member in
            switch member.value {
            case .object, .array: return !incidentalKeys.contains(member.key)
            default: return false
            }
        }
        if let key = endpoint.itemsKey, let items = object[key], structured.count == 1, structured[0].key == key {
            return items
        }
        if structured.count == 1, case .object = structured[0].value { return structured[0].value }
        return .object(object)
    }

    /// Keys of every answer that say nothing about the resource.
    static let envelopeKeys = ["success", "message", "request_id", "total", "page", "limit", "total_pages"]
    /// Structured keys that may stand beside a listing without being what a script asked for.
    static let incidentalKeys: Set<String> = ["metadata"]

    /// An API failure as a script error with the platform's code, status, message and operation,
    /// and the next step (`APIErrorAdvice`).
    static func scriptError(_ error: BarrackAPIError, spec: PlatformBuiltinSpec? = nil) -> ErrorObject {
        APIErrorAdvice.scriptError(error, spec: spec)
    }

    /// A failure that asking again later may cure: rate limits, server errors, lost connections
    /// and timeouts, after the client's own retries ran out.
    static func isPassing(_ error: BarrackAPIError) -> Bool {
        switch ErrorCode(rawValue: error.code) {
        case .rateLimited?, .serverError?, .network?, .timeout?: return true
        default: return (error.status ?? 0) >= 500 || error.status == 429
        }
    }
}
