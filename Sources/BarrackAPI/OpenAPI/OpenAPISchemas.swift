/// Reading the embedded OpenAPI document (`OpenAPIDocument.json`): each operation's part of it,
/// and schemas with their `$ref`s followed. Parsed once.
enum OpenAPISchemas {
    /// The whole document, or an empty object if it cannot be read (a test checks that it can).
    static let document: JSONValue = (try? JSONValue(parsing: OpenAPIDocument.json)) ?? .object(JSONObject())

    /// What `part` finds in each operation of the document (its request schema, its answer…).
    static func operations(_ part: (JSONValue) -> JSONValue?) -> [OperationID: JSONValue] {
        var result: [OperationID: JSONValue] = [:]
        for path in document["paths"]?.objectValue ?? JSONObject() {
            for method in path.value.objectValue ?? JSONObject() {
                guard let name = method.value["operationId"]?.stringValue, let operation = OperationID(rawValue: name),
                      let found = part(method.value) else { continue }
                result[operation] = found
            }
        }
        return result
    }

    /// `schema` with its `$ref` followed (`#/components/schemas/VMInstance`,
    /// `#/components/responses/VMResponse`), a few levels deep.
    static func resolved(_ schema: JSONValue) -> JSONValue {
        var current = schema
        for _ in 0..<8 {
            guard let reference = current["$ref"]?.stringValue, reference.hasPrefix("#/") else { return current }
            var target: JSONValue? = document
            for step in reference.dropFirst(2).split(separator: "/") { target = target?[String(step)] }
            guard let target else { return current }
            current = target
        }
        return current
    }
}
