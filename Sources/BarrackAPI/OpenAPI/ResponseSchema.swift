/// The success answers of the OpenAPI document, read to know what an operation gives back before
/// calling it: the REPL completes `instance(vm).` with an instance's fields.
public enum ResponseSchema {
    /// The members of `operation`'s success answer, in the document's order, each with its
    /// schema (`$ref`s followed); empty when the document does not describe it.
    public static func members(of operation: OperationID) -> [(name: String, schema: JSONValue)] {
        guard let schema = answers[operation] else { return [] }
        return fields(of: schema)
    }

    /// The named members of an object schema, in order, with their schemas resolved, across its
    /// `allOf`, `oneOf` and `anyOf` parts (an answer is the envelope `allOf` its payload); empty
    /// for any other schema.
    public static func fields(of schema: JSONValue) -> [(name: String, schema: JSONValue)] {
        let schema = OpenAPISchemas.resolved(schema)
        var found = (schema["properties"]?.objectValue ?? JSONObject()).map { ($0.key, OpenAPISchemas.resolved($0.value)) }
        for key in ["allOf", "oneOf", "anyOf"] {
            for part in schema[key]?.arrayValue ?? [] {
                for field in fields(of: part) where !found.contains(where: { $0.0 == field.name }) { found.append(field) }
            }
        }
        return found
    }

    /// Whether `schema` describes an object (`type: object` or named members).
    public static func isObject(_ schema: JSONValue) -> Bool {
        let schema = OpenAPISchemas.resolved(schema)
        return schema["type"]?.stringValue == "object" || !fields(of: schema).isEmpty
    }

    /// Whether `schema` describes an array.
    public static func isArray(_ schema: JSONValue) -> Bool {
        OpenAPISchemas.resolved(schema)["type"]?.stringValue == "array"
    }

    /// Each operation's 2xx answer schema.
    private static let answers: [OperationID: JSONValue] = OpenAPISchemas.operations { operation in
        guard let responses = operation["responses"]?.objectValue,
              let success = responses.first(where: { $0.key.hasPrefix("2") })?.value else { return nil }
        return OpenAPISchemas.resolved(success)["content"]?["application/json"]?["schema"]
    }
}
