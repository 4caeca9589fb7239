/// The request schemas of the OpenAPI document, read to find the members of a request body that
/// the document does not name: the sandbox refuses them and the client warns about them, so a
/// misspelt `os_volume_size` never passes silently (the document's rule on unknown fields).
public enum RequestSchema {
    /// A body member the operation's schema does not name.
    public struct UnknownField: Sendable, Equatable, CustomStringConvertible {
        /// Where it is, as `new_data_volumes[0].volume_typ`.
        public let path: String
        /// The names its object may have, sorted.
        public let known: [String]

        public var description: String {
            "unknown field '\(path)'; the fields there are: " + known.joined(separator: ", ")
        }
    }

    /// The members of `body` (at any depth) that the request schema of `operation` does not name;
    /// empty when the operation takes no body or every member is known.
    public static func unknownFields(in body: JSONValue, for operation: OperationID) -> [UnknownField] {
        guard let schema = schemas[operation] else { return [] }
        var found: [UnknownField] = []
        collect(body, schema, path: "", into: &found)
        return found
    }

    /// Each operation's request body schema, read once from the embedded document.
    private static let schemas: [OperationID: JSONValue] = OpenAPISchemas.operations { operation in
        operation["requestBody"]?["content"]?["application/json"]?["schema"]
    }

    private static func resolved(_ schema: JSONValue) -> JSONValue { OpenAPISchemas.resolved(schema) }

    /// The named members a schema's objects may have, across its `oneOf`, `anyOf` and `allOf`;
    /// nil when it is open (no `additionalProperties: false`) or not an object schema.
    private static func properties(of schema: JSONValue) -> [String: JSONValue]? {
        let schema = resolved(schema)
        var members: [String: JSONValue] = [:]
        var isClosed = schema["additionalProperties"] == .bool(false)
        for member in schema["properties"]?.objectValue ?? JSONObject() { members[member.key] = member.value }
        for key in ["oneOf", "anyOf", "allOf"] {
            for variant in schema[key]?.arrayValue ?? [] {
                guard let more = properties(of: variant) else { continue }
                isClosed = true
                members.merge(more) { first, _ in first }
            }
        }
        return isClosed ? members : nil
    }

    private static func collect(_ value: JSONValue, _ schema: JSONValue, path: String, into found: inout [UnknownField]) {
        switch value {
        case .object(let object):
            guard let members = properties(of: schema) else { return }
            let known = members.keys.sorted()
            for member in object {
                let memberPath = path.isEmpty ? member.key : path + "." + member.key
                guard let memberSchema = members[member.key] else {
                    found.append(UnknownField(path: memberPath, known: known))
                    continue
                }
                collect(member.value, memberSchema, path: memberPath, into: &found)
            }
        case .array(let elements):
            guard let items = itemSchema(of: schema) else { return }
            for (index, element) in elements.enumerated() {
                collect(element, items, path: "\(path)[\(index)]", into: &found)
            }
        default:
            return
        }
    }

    private static func itemSchema(of schema: JSONValue) -> JSONValue? {
        let schema = resolved(schema)
        if let items = schema["items"] { return items }
        for variant in schema["oneOf"]?.arrayValue ?? [] {
            if let items = itemSchema(of: variant) { return items }
        }
        return nil
    }
}
