import BarrackAPI
import BarrackScript

/// Converts between the platform's JSON and script values: objects become maps with the
/// contract's field names in the platform's order, arrays become lists.
public enum ValueConversion {
    /// A JSON value as a script value.
    public static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .float(number)
        case .string(let text): return .string(text)
        case .array(let elements): return .list(ListObject(elements.map(value)))
        case .object(let object):
            let map = MapObject()
            for member in object.members { map[member.key] = value(member.value) }
            return .map(map)
        }
    }

    /// A script value as JSON; durations become seconds. Functions have no JSON form.
    public static func json(_ value: Value) throws -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        case .duration(let milliseconds): return .int(milliseconds / 1_000)
        case .range(let low, let high): return .array((low..<max(low, high)).map { .int($0) })
        case .list(let list): return .array(try list.elements.map(json))
        case .map(let map):
            return .object(JSONObject(try map.entries.map { JSONObject.Member(key: $0.0, value: try json($0.1)) }))
        case .error(let error):
            return .object(JSONObject([.init(key: "code", value: .string(error.code)),
                                       .init(key: "message", value: .string(error.message))]))
        case .function(let function):
            throw ErrorObject(code: "TYPE_ERROR", message: "a function (\(function.name)) cannot be sent to the platform")
        }
    }
}
