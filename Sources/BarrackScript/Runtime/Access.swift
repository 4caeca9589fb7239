/// Reading and writing parts of values: `a.name`, `a[i]`, and their assignments.
enum Access {
    /// `value.name`: a map's key, an error's field, or a bound method.
    static func member(_ value: Value, _ name: String, optional: Bool) throws -> Value {
        switch value {
        case .map(let map):
            if let found = map[name] { return found }
            if optional { return .null }
            if let method = Methods.map[name] { return bind(method, to: value) }
            throw missingKey(name, in: map)
        case .error(let error):
            switch name {
            case "code": return .string(error.code)
            case "message": return .string(error.message)
            case "status": return error.status.map { .int($0) } ?? .null
            case "operation": return error.operation.map { .string($0) } ?? .null
            case "details": return error.details
            default:
                if optional { return .null }
                throw ErrorObject(code: ErrorCode.key,
                                  message: "an error has no field '\(name)'; its fields: code, message, status, operation, details")
            }
        case .null where optional:
            return .null
        default:
            if let method = Methods.table(for: value)?[name] { return bind(method, to: value) }
            if optional { return .null }
            throw noMember(name, on: value)
        }
    }

    static func missingKey(_ key: String, in map: MapObject) -> ErrorObject {
        let keys = map.keys
        let listed = keys.isEmpty ? "the map is empty" : "its keys: " + keys.prefix(20).joined(separator: ", ") + (keys.count > 20 ? ", …" : "")
        return ErrorObject(code: ErrorCode.key,
                           message: "map has no key '\(key)'\(Suggestion.didYouMean(key, among: keys)) (\(listed)); use .get(\"\(key)\") or ?.\(key) for an optional read")
    }

    static func noMember(_ name: String, on value: Value) -> ErrorObject {
        let methods = Methods.table(for: value).map { Array($0.keys).sorted() } ?? []
        if case .null = value {
            return ErrorObject.type("cannot read '.\(name)' of nil; use '?.\(name)' to allow nil")
        }
        return ErrorObject.type("\(value.typeName) has no field or method '\(name)'"
                                + Suggestion.didYouMean(name, among: methods))
    }

    /// A method as a value (`let f = xs.append`).
    static func bind(_ method: BuiltinFunction, to receiver: Value) -> Value {
        let bound = BuiltinFunction(name: method.name, parameters: Array(method.parameters.dropFirst()),
                                    isVariadic: method.isVariadic, help: method.help) { call in
            let arguments = [receiver] + call.arguments.map { $0 ?? .null }
            return try method.body(BuiltinCall(function: method, arguments: arguments, rest: call.rest, context: call.context))
        }
        return .function(FunctionObject(builtin: bound))
    }

    /// `value[index]`.
    static func index(_ value: Value, _ index: Value) throws -> Value {
        switch (value, index) {
        case (.list(let list), .int(let position)):
            return list.elements[try checkedIndex(position, count: list.elements.count)]
        case (.map(let map), .string(let key)):
            guard let found = map[key] else { throw missingKey(key, in: map) }
            return found
        case (.string(let text), .int(let position)):
            let characters = Array(text)
            return .string(String(characters[try checkedIndex(position, count: characters.count)]))
        case (.range(let low, let high), .int(let position)):
            return .int(try Ranges.element(low, high, at: position))
        case (.map, _):
            throw ErrorObject.type("map keys are strings, not \(index.typeName)")
        case (.list, _), (.string, _), (.range, _):
            throw ErrorObject.type("\(value.typeName) indices are ints, not \(index.typeName)")
        default:
            throw ErrorObject.type("\(value.typeName) cannot be indexed")
        }
    }

    /// A list position, negative counting from the end; `INDEX_ERROR` when out of range.
    static func checkedIndex(_ position: Int, count: Int) throws -> Int {
        let resolved = position < 0 ? position + count : position
        guard resolved >= 0, resolved < count else {
            throw ErrorObject.index("index \(position) is out of range for length \(count)")
        }
        return resolved
    }

    /// `value[index] = newValue`.
    static func setIndex(_ value: Value, _ index: Value, _ newValue: Value) throws {
        switch (value, index) {
        case (.list(let list), .int(let position)):
            list.elements[try checkedIndex(position, count: list.elements.count)] = newValue
        case (.map(let map), .string(let key)):
            map[key] = newValue
        case (.map, _):
            throw ErrorObject.type("map keys are strings, not \(index.typeName)")
        case (.list, _):
            throw ErrorObject.type("list indices are ints, not \(index.typeName)")
        default:
            throw ErrorObject.type("\(value.typeName) does not support item assignment")
        }
    }

    /// `value.name = newValue`.
    static func setMember(_ value: Value, _ name: String, _ newValue: Value) throws {
        guard case .map(let map) = value else {
            throw ErrorObject.type("cannot set '.\(name)' on \(value.typeName); only maps have settable keys")
        }
        map[name] = newValue
    }
}
