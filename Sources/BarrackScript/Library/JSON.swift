import BarrackJSON

/// `json(v)` and `parse_json(s)`, without Foundation: keys keep their order, ints stay ints.
enum JSON {
    /// Compact JSON, or indented by two spaces when `pretty`. Durations become seconds.
    static func encode(_ value: Value, pretty: Bool) throws -> String {
        var output = ""
        try write(value, to: &output, pretty: pretty, indent: 0, depth: 0)
        return output
    }

    private static func write(_ value: Value, to output: inout String, pretty: Bool, indent: Int, depth: Int) throws {
        guard depth < 256 else { throw ErrorObject.value("json: the value nests deeper than 256 levels (does it contain itself?)") }
        let newline = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .float(let number):
            guard number.isFinite else { throw ErrorObject.value("json: \(Value.formatFloat(number)) has no JSON form") }
            output += number.description
        case .string(let text): output += quote(text)
        case .duration(let milliseconds):
            output += milliseconds % 1_000 == 0 ? String(milliseconds / 1_000) : String(Double(milliseconds) / 1_000)
        case .range(let low, let high):
            try write(.list(ListObject(try Ranges.elements(low, high, guard: nil))), to: &output, pretty: pretty, indent: indent, depth: depth)
        case .list(let list):
            output += "["
            for (index, element) in list.elements.enumerated() {
                output += (index > 0 ? "," : "") + newline
                try write(element, to: &output, pretty: pretty, indent: indent + 1, depth: depth + 1)
            }
            output += (list.elements.isEmpty ? "" : close) + "]"
        case .map(let map):
            output += "{"
            for (index, (key, element)) in map.entries.enumerated() {
                output += (index > 0 ? "," : "") + newline + quote(key) + (pretty ? ": " : ":")
                try write(element, to: &output, pretty: pretty, indent: indent + 1, depth: depth + 1)
            }
            output += (map.count == 0 ? "" : close) + "}"
        case .error(let error):
            let fields = MapObject()
            fields["code"] = .string(error.code)
            fields["message"] = .string(error.message)
            if let status = error.status { fields["status"] = .int(status) }
            if let operation = error.operation { fields["operation"] = .string(operation) }
            if case .null = error.details {} else { fields["details"] = error.details }
            try write(.map(fields), to: &output, pretty: pretty, indent: indent, depth: depth)
        case .function(let function):
            throw ErrorObject.type("json: a function (\(function.name)) has no JSON form")
        }
    }

    /// `text` as a JSON string, escaped as BarrackJSON writes it.
    static func quote(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }

    /// Parses JSON text (BarrackJSON's parser, the client's too); a `VALUE_ERROR` says what was
    /// wrong and at which line and column.
    static func decode(_ text: String) throws -> Value {
        do {
            return Value(json: try JSONValue(parsing: text))
        } catch let error as JSONParseError {
            throw ErrorObject.value("parse_json: \(error.message) at line \(error.line), column \(error.column)")
        }
    }
}

extension Value {
    /// The value as JSON text, as `json(v)` writes it (indented by two spaces when `pretty`).
    /// Throws `TYPE_ERROR` for a function and `VALUE_ERROR` for a float with no JSON form.
    public func jsonText(pretty: Bool = false) throws -> String {
        try JSON.encode(self, pretty: pretty)
    }

    /// A JSON value as a script value: objects become maps in their key order, arrays lists.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .float(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(ListObject(elements.map(Value.init(json:))))
        case .object(let object):
            let map = MapObject()
            for member in object.members { map[member.key] = Value(json: member.value) }
            self = .map(map)
        }
    }
}
