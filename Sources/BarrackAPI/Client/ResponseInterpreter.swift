import Foundation

/// Reads an answer: turns error answers into `BarrackAPIError`, checks that success answers are
/// JSON, and decodes typed payloads with errors that name the operation and the field.
struct ResponseInterpreter: Sendable {
    let redaction: Redaction

    /// The error an answer stands for, or `nil` for a 2xx answer that is not marked failed.
    func error(in response: TransportResponse, json: JSONValue?, operation: OperationID) -> BarrackAPIError? {
        let markedFailed = json?["success"]?.boolValue == false
        guard !response.isSuccess || markedFailed else { return nil }
        let requestID = json?["request_id"]?.stringValue ?? response.header(named: "X-Request-ID")
        if let json, let code = json["error"]?["code"]?.stringValue {
            return BarrackAPIError(
                code: code, status: response.status,
                message: redaction.apply(json["message"]?.stringValue ?? "no message"),
                operation: operation, requestID: requestID,
                details: json["error"]?["details"].map(redaction.apply))
        }
        let code = response.isSuccess ? ErrorCode.serverError : ErrorCode.forStatus(response.status)
        let message = json?["message"]?.stringValue.map(redaction.apply)
            ?? "HTTP \(response.status) with \(describeBody(response)) instead of the platform's error JSON"
        return BarrackAPIError(
            code: code.rawValue, status: response.status, message: message, operation: operation,
            requestID: requestID)
    }

    /// The answer's JSON, or a `DECODING` error saying why it is not JSON.
    func json(of response: TransportResponse, operation: OperationID, required: Bool) throws -> JSONValue? {
        do {
            return try JSONValue(parsing: response.body)
        } catch let error as JSONParseError {
            guard required else { return nil }
            throw BarrackAPIError(
                .decoding, status: response.status,
                message: "the answer of \(operation) is not JSON (\(describeBody(response))): \(error)",
                operation: operation, requestID: response.header(named: "X-Request-ID"))
        }
    }

    /// The typed payload of a success answer.
    func decode<Payload>(
        _ type: APIResponse<Payload>.Type, from response: TransportResponse, operation: OperationID,
        requestID: String?
    ) throws -> APIResponse<Payload> {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch let error as DecodingError {
            throw BarrackAPIError(
                .decoding, status: response.status,
                message: "the answer of \(operation) does not match \(operation.endpoint.responseSchema): \(Self.explain(error))",
                operation: operation, requestID: requestID)
        }
    }

    /// `field 'instance.gpu_count': expected Int, found a string` and the like.
    static func explain(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            let text = keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
            return text.isEmpty ? "the top level" : "field '\(text)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath, key)) is missing"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null, expected \(type)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private func describeBody(_ response: TransportResponse) -> String {
        guard !response.body.isEmpty else { return "an empty body" }
        let type = response.header(named: "Content-Type") ?? "no content type"
        return "a \(response.body.count)-byte body of \(type)"
    }
}
