/// `len append pop map filter sort sort_by first last sum contains join group_by reverse`.
///
/// `append`, `pop` and `+=` change the list itself; `sort`, `sort_by`, `reverse`, `map` and
/// `filter` return new lists, so they chain (`xs.sort().first()`).
enum ListMethods {
    static let all: [BuiltinFunction] = [
        Methods.method("list", "len", returns: "int", summary: "The number of elements.") { call in
            if let range = Methods.range(call) { return .int(try Ranges.count(range.lower, range.upper)) }
            return .int(try Methods.elements(call).count)
        },
        Methods.method("list", "append", [.required("value")], returns: "list", summary: "Adds a value at the end; returns the list.") { call in
            let list = try Methods.list(call)
            list.elements.append(try call.value(1))
            return .list(list)
        },
        Methods.method("list", "pop", [.optional("index", "int", default: "-1")],
                       summary: "Removes and returns the element at index (the last by default).") { call in
            let list = try Methods.list(call)
            guard !list.elements.isEmpty else { throw ErrorObject.index("pop from an empty list") }
            let position = try Access.checkedIndex(call.argument(1) == nil ? -1 : try call.int(1), count: list.elements.count)
            return list.elements.remove(at: position)
        },
        Methods.method("list", "map", [.required("function", "function")], returns: "list", summary: "A new list of function(element).") { call in
            let function = try Methods.function(call, 1)
            return .list(try Methods.elements(call).map { try call.call(function, [$0]) })
        },
        Methods.method("list", "filter", [.required("function", "function")],
                       returns: "list", summary: "A new list of the elements for which function(element) is true.") { call in
            let function = try Methods.function(call, 1)
            return .list(try Methods.elements(call).filter { try call.call(function, [$0]).isTruthy })
        },
        Methods.method("list", "sort", [.optional("by", "function", default: "nil"), .optional("reverse", "bool", default: "false")],
                       returns: "list",
                       summary: "A new list in ascending order; by: a key fn(x), or a comparator fn(a, b) that gives true (or a negative number) when a comes first.") { call in
            let reverse = try call.flag(2)
            let elements = try Methods.elements(call)
            guard let by = call.argument(1) else { return .list(try sortedValues(elements, reverse: reverse) { $0 }) }
            guard case .function(let function) = by else {
                let hint = by.typeName == "bool" ? "; for a descending order write reverse: true" : ""
                throw ErrorObject.type("list.sort: 'by' must be a key function fn(x) or a comparator fn(a, b), not \(by.typeName)\(hint)")
                    .blaming("by")
            }
            let arity = function.arity
            if arity.required == 2 {
                return .list(try SortOrder.stableSorted(elements) { right, left in
                    try reverse ? comesFirst(call, by, left, right) : comesFirst(call, by, right, left)
                })
            }
            guard arity.required <= 1, (arity.maximum ?? 1) >= 1 else {
                throw ErrorObject.type("list.sort: 'by' must take one argument (a key) or two (a comparator); \(function.name) needs \(arity.required)")
                    .blaming("by")
            }
            let keyed = try elements.map { (key: try call.call(by, [$0]), value: $0) }
            return .list(try sortedValues(keyed, reverse: reverse) { $0.key }.map(\.value))
        },
        Methods.method("list", "sort_by", [.required("key", "function"), .optional("reverse", "bool", default: "false")],
                       returns: "list", summary: "A new list ordered by key(element).") { call in
            let function = try Methods.function(call, 1)
            let reverse = try call.flag(2)
            let keyed = try Methods.elements(call).map { (key: try call.call(function, [$0]), value: $0) }
            return .list(try sortedValues(keyed, reverse: reverse) { $0.key }.map(\.value))
        },
        Methods.method("list", "first", summary: "The first element, or nil when empty.") { call in
            if let range = Methods.range(call) { return range.upper > range.lower ? .int(range.lower) : .null }
            return try Methods.elements(call).first ?? .null
        },
        Methods.method("list", "last", summary: "The last element, or nil when empty.") { call in
            if let range = Methods.range(call) { return range.upper > range.lower ? .int(range.upper - 1) : .null }
            return try Methods.elements(call).last ?? .null
        },
        Methods.method("list", "sum", returns: "number", summary: "The sum of the elements (0 when empty).") { call in
            if let range = Methods.range(call) { return .int(try Ranges.sum(range.lower, range.upper)) }
            let elements = try Methods.elements(call)
            guard var total = elements.first else { return .int(0) }
            for element in elements.dropFirst() { total = try Operators.add(total, element) }
            return total
        },
        Methods.method("list", "contains", [.required("value")], returns: "bool", summary: "Whether an element equals value.") { call in
            let value = try call.value(1)
            if let range = Methods.range(call) {
                switch value {
                case .int(let number): return .bool(number >= range.lower && number < range.upper)
                case .float(let number):
                    // == compares ints and floats numerically, so 2.0 is in range(3).
                    return .bool(number == number.rounded() && number >= Double(range.lower) && number < Double(range.upper))
                default: return .bool(false)
                }
            }
            return .bool(try Methods.elements(call).contains(value))
        },
        Methods.method("list", "join", [.optional("separator", "string", default: "\"\"")],
                       returns: "string", summary: "The elements as text, joined by separator.") { call in
            let separator = call.argument(1) == nil ? "" : try call.string(1)
            return .string(try Methods.elements(call).map(\.description).joined(separator: separator))
        },
        Methods.method("list", "group_by", [.required("key", "function")],
                       returns: "map", summary: "A map from str(key(element)) to the list of those elements, in first-seen order.") { call in
            let function = try Methods.function(call, 1)
            let groups = MapObject()
            for element in try Methods.elements(call) {
                let key = try call.call(function, [element]).description
                if case .list(let group)? = groups[key] {
                    group.elements.append(element)
                } else {
                    groups[key] = .list(ListObject([element]))
                }
            }
            return .map(groups)
        },
        Methods.method("list", "reverse", returns: "list", summary: "A new list in reverse order.") { call in
            .list(try Methods.elements(call).reversed())
        },
    ]

    /// A stable sort by `key` in the order of `SortOrder` (descending when `reverse`, equal
    /// elements still in their order); mixing types that do not compare is a type error.
    static func sortedValues<T>(_ values: [T], reverse: Bool, key: (T) -> Value) throws -> [T] {
        let first = reverse ? 1 : -1
        return try SortOrder.stableSorted(values) { right, left in
            try SortOrder.compare(key(right), key(left), "sort") == first
        }
    }

    /// Whether comparator `function` puts `a` before `b`: it gives true, or a negative number.
    private static func comesFirst(_ call: BuiltinCall, _ function: Value, _ a: Value, _ b: Value) throws -> Bool {
        switch try call.call(function, [a, b]) {
        case .bool(let first): return first
        case .int(let number): return number < 0
        case .float(let number): return number < 0
        case let other:
            throw ErrorObject.type("list.sort: the comparator must give a bool (true when a comes first) or a number (negative when a comes first), not \(other.typeName)")
        }
    }
}
