/// A value of Barrack Script (LANGUAGE.md section 2).
///
/// Kept small and cheap to copy: scalars inline, strings as Swift strings, and collections,
/// functions and errors as references, which gives lists and maps the reference semantics the
/// language promises.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// A span of time in milliseconds.
    case duration(Int)
    /// The integers `lower..<upper` (written `a..b` inclusive, or `range(a, b)`).
    case range(Int, Int)
    case list(ListObject)
    case map(MapObject)
    case function(FunctionObject)
    case error(ErrorObject)

    /// `nil` and `false` are false; everything else is true.
    @inline(__always)
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        default: return true
        }
    }

    /// The name `type(v)` gives.
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .duration: return "duration"
        case .range: return "range"
        case .list: return "list"
        case .map: return "map"
        case .function: return "function"
        case .error: return "error"
        }
    }

    /// Whether the value is a string.
    public var isString: Bool {
        if case .string = self { return true }
        return false
    }

    /// Whether the value can be called.
    public var isCallable: Bool {
        if case .function = self { return true }
        return false
    }

    /// A new list value holding `elements`.
    public static func list(_ elements: [Value]) -> Value { .list(ListObject(elements)) }

    /// A new map value holding `pairs` in order.
    public static func map(_ pairs: KeyValuePairs<String, Value>) -> Value {
        let map = MapObject()
        for (key, value) in pairs { map[key] = value }
        return .map(map)
    }
}

extension Value: Equatable {
    /// Equality by value: lists and maps deeply, ints and floats numerically.
    public static func == (left: Value, right: Value) -> Bool {
        equal(left, right, depth: 0)
    }

    /// Collections nested deeper than this compare unequal: a list that contains itself must end
    /// in an answer, not a stack overflow.
    static let maxCompareDepth = 256

    static func equal(_ left: Value, _ right: Value, depth: Int) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.int(let a), .float(let b)): return Double(a) == b
        case (.float(let a), .int(let b)): return a == Double(b)
        case (.string(let a), .string(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.range(let a, let b), .range(let c, let d)): return (a == c && b == d) || (a >= b && c >= d)
        case (.list(let a), .list(let b)):
            if a === b { return true }
            guard depth < maxCompareDepth, a.elements.count == b.elements.count else { return false }
            return zip(a.elements, b.elements).allSatisfy { equal($0, $1, depth: depth + 1) }
        case (.map(let a), .map(let b)):
            if a === b { return true }
            guard depth < maxCompareDepth, a.count == b.count else { return false }
            return a.entries.allSatisfy { key, value in b[key].map { equal(value, $0, depth: depth + 1) } ?? false }
        case (.function(let a), .function(let b)): return a === b
        case (.error(let a), .error(let b)): return a === b || (a.code == b.code && a.message == b.message)
        default: return false
        }
    }
}

extension UnsafeMutablePointer where Pointee == Value {
    /// Stores `value` here. A value that holds no reference (null, a bool, a number, a duration, a
    /// range) is overwritten without being destroyed first, which skips `Value`'s outlined destroy
    /// on the commonest writes: a register or slot that held an int.
    @inline(__always)
    func store(_ value: consuming Value) {
        switch pointee {
        case .null, .bool, .int, .float, .duration, .range: initialize(to: value)
        default: pointee = value
        }
    }

    /// Takes the value out, leaving nil: a move, with no reference counted.
    @inline(__always)
    func take() -> Value {
        let value = move()
        initialize(to: .null)
        return value
    }

    /// The function held here, not retained: it stays valid while this place holds it.
    ///
    /// Read from the payload, which Swift lays out from an enum's first byte, so that a call does
    /// not copy the `Value` (a retain and a release) to learn its callee.
    @inline(__always)
    var borrowedFunction: Unmanaged<FunctionObject>? {
        guard case .function = pointee else { return nil }
        return UnsafeRawPointer(self).load(as: Unmanaged<FunctionObject>.self)
    }

    /// The number held here as a float (an int converted), read in place; nil for any other value.
    @inline(__always)
    var number: Double? {
        switch pointee {
        case .float(let number): return number
        case .int(let number): return Double(number)
        default: return nil
        }
    }

    /// The list held here, not retained (as `borrowedFunction`).
    @inline(__always)
    var borrowedList: Unmanaged<ListObject>? {
        guard case .list = pointee else { return nil }
        return UnsafeRawPointer(self).load(as: Unmanaged<ListObject>.self)
    }

    /// The map held here, not retained (as `borrowedFunction`).
    @inline(__always)
    var borrowedMap: Unmanaged<MapObject>? {
        guard case .map = pointee else { return nil }
        return UnsafeRawPointer(self).load(as: Unmanaged<MapObject>.self)
    }
}

