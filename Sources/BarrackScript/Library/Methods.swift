/// The methods of lists, maps and strings (LANGUAGE.md section 4), as built-ins whose first
/// argument is the receiver. The tables are built once; a method call node looks its candidates
/// up when it is compiled.
enum Methods {
    static let list: [String: BuiltinFunction] = table(ListMethods.all)
    static let map: [String: BuiltinFunction] = table(MapMethods.all)
    static let string: [String: BuiltinFunction] = table(StringMethods.all)

    static func table(_ methods: [BuiltinFunction]) -> [String: BuiltinFunction] {
        Dictionary(methods.map { ($0.name.split(separator: ".").last.map(String.init) ?? $0.name, $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The method table of a value's type, if it has methods.
    static func table(for value: Value) -> [String: BuiltinFunction]? {
        switch value {
        case .list, .range: return list
        case .map: return map
        case .string: return string
        default: return nil
        }
    }

    /// Makes a method: `type.name`, the receiver as parameter `self`, then `parameters`.
    static func method(_ type: String, _ name: String, _ parameters: [BuiltinParameter] = [], returns: String = "",
                       summary: String, body: @escaping @Sendable (BuiltinCall) throws -> Value) -> BuiltinFunction {
        BuiltinFunction(name: "\(type).\(name)", parameters: [.required("self")] + parameters,
                        help: BuiltinHelp(summary: summary, returns: returns, group: type), body: body)
    }

    /// The elements of a receiver that is a list or a range. A range is made into a list here,
    /// and only for the methods that need one: `len`, `first`, `last`, `contains` and `sum`
    /// answer a range without it (`range(10_000_000_000).len()`).
    static func elements(_ call: BuiltinCall) throws -> [Value] {
        switch call.arguments.first ?? nil {
        case .list(let list)?: return list.elements
        case .range(let low, let high)?: return try Ranges.elements(low, high, guard: call.memoryGuard)
        default: return []
        }
    }

    /// The receiver as a list object: a range becomes a new list (`range(3).append(3)`).
    static func list(_ call: BuiltinCall) throws -> ListObject {
        if case .list(let list)? = call.arguments.first ?? nil { return list }
        return ListObject(try elements(call))
    }

    /// The receiver's bounds when it is a range.
    static func range(_ call: BuiltinCall) -> (lower: Int, upper: Int)? {
        if case .range(let lower, let upper)? = call.arguments.first ?? nil { return (lower, upper) }
        return nil
    }

    /// The argument at `index` as a function; a type error otherwise.
    static func function(_ call: BuiltinCall, _ index: Int) throws -> Value {
        let value = try call.value(index)
        guard value.isCallable else { throw call.typeError(index, "a function") }
        return value
    }
}
