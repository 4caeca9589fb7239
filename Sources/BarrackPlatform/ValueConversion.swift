import BarrackAPI
import BarrackScript

/// Converts between the platform's JSON and script values: objects become maps with the
/// contract's field names in the platform's order, arrays become lists.
public enum ValueConversion {
    /// A JSON value as a script value.
    public static func value(_ json: JSONValue) -> Value {
        Value(json: json)
    }

    /// How deep a value sent to the platform may nest: far deeper than any request body, and
    /// shallow enough that a list containing itself stops here instead of overflowing the stack.
    static let maxDepth = 64

    /// A script value as JSON; durations become seconds. Functions have no JSON form.
    public static func json(_ value: Value, depth: Int = 0) throws -> JSONValue {
        guard depth < maxDepth else {
            throw ErrorObject(code: "VALUE_ERROR",
                              message: "a value sent to the platform nests deeper than \(maxDepth) levels (does a list or map contain itself?)")
        }
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        case .duration(let milliseconds): return .int(milliseconds / 1_000)
        case .range(let low, let high):
            let (count, overflowed) = max(low, high).subtractingReportingOverflow(low)
            guard !overflowed, count <= 1_000_000 else {
                throw ErrorObject(code: "VALUE_ERROR", message: "a range of more than 1,000,000 ints cannot be sent to the platform")
            }
            return .array((low..<max(low, high)).map { .int($0) })
        case .list(let list): return .array(try list.elements.map { try json($0, depth: depth + 1) })
        case .map(let map):
            return .object(JSONObject(try map.entries.map { JSONObject.Member(key: $0.0, value: try json($0.1, depth: depth + 1)) }))
        case .error(let error):
            return .object(JSONObject([.init(key: "code", value: .string(error.code)),
                                       .init(key: "message", value: .string(error.message))]))
        case .function(let function):
            throw ErrorObject(code: "TYPE_ERROR", message: "a function (\(function.name)) cannot be sent to the platform")
        }
    }
}
