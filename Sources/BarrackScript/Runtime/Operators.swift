/// The arithmetic and comparison of values (LANGUAGE.md sections 2 and 4).
///
/// Ints never wrap: an overflow is an `OVERFLOW` error. Mixing types is a `TYPE_ERROR` that names
/// both types.
enum Operators {
    static func mismatch(_ symbol: String, _ left: Value, _ right: Value) -> ErrorObject {
        ErrorObject.type("unsupported operand types for \(symbol): \(left.typeName) and \(right.typeName)")
    }

    static func overflow(_ symbol: String, _ a: Int, _ b: Int) -> ErrorObject {
        ErrorObject.overflow("integer overflow in \(a) \(symbol) \(b)")
    }

    @inline(__always)
    static func add(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (sum, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow("+", a, b) }
            return .int(sum)
        case (.float(let a), .float(let b)): return .float(a + b)
        case (.int(let a), .float(let b)): return .float(Double(a) + b)
        case (.float(let a), .int(let b)): return .float(a + Double(b))
        case (.string(let a), .string(let b)):
            try MemoryGuard.checkAllocatable(elements: a.utf8.count + b.utf8.count, stride: 1, of: "the string")
            return .string(a + b)
        case (.duration(let a), .duration(let b)):
            let (sum, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow("+", a, b) }
            return .duration(sum)
        case (.list(let a), .list(let b)):
            try MemoryGuard.checkAllocatable(elements: a.elements.count + b.elements.count, of: "the list")
            return .list(ListObject(a.elements + b.elements))
        case (.map(let a), .map(let b)):
            let merged = a.copy()
            for (key, value) in b.entries { merged[key] = value }
            return .map(merged)
        default:
            throw mismatch("+", left, right)
        }
    }

    @inline(__always)
    static func subtract(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (difference, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow("-", a, b) }
            return .int(difference)
        case (.float(let a), .float(let b)): return .float(a - b)
        case (.int(let a), .float(let b)): return .float(Double(a) - b)
        case (.float(let a), .int(let b)): return .float(a - Double(b))
        case (.duration(let a), .duration(let b)):
            let (difference, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow("-", a, b) }
            return .duration(difference)
        default:
            throw mismatch("-", left, right)
        }
    }

    static func multiply(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (product, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow("*", a, b) }
            return .int(product)
        case (.float(let a), .float(let b)): return .float(a * b)
        case (.int(let a), .float(let b)): return .float(Double(a) * b)
        case (.float(let a), .int(let b)): return .float(a * Double(b))
        case (.duration(let a), .int(let b)), (.int(let b), .duration(let a)):
            let (product, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow("*", a, b) }
            return .duration(product)
        case (.duration(let a), .float(let b)), (.float(let b), .duration(let a)):
            return .duration(try milliseconds(Double(a) * b))
        default:
            throw mismatch("*", left, right)
        }
    }

    static func divide(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.duration(let a), .duration(let b)):
            guard b != 0 else { throw divisionByZero() }
            return .float(Double(a) / Double(b))
        case (.duration(let a), _):
            guard let divisor = number(right) else { throw mismatch("/", left, right) }
            guard divisor != 0 else { throw divisionByZero() }
            return .duration(try milliseconds(Double(a) / divisor))
        default:
            guard let a = number(left), let b = number(right) else { throw mismatch("/", left, right) }
            guard b != 0 else { throw divisionByZero() }
            return .float(a / b)
        }
    }

    static func floorDivide(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw divisionByZero() }
            if a == Int.min && b == -1 { throw overflow("//", a, b) }
            let quotient = a / b
            return .int((a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient)
        case (.duration(let a), .duration(let b)):
            guard b != 0 else { throw divisionByZero() }
            return try floorDivide(.int(a), .int(b))
        default:
            guard let a = number(left), let b = number(right) else { throw mismatch("//", left, right) }
            guard b != 0 else { throw divisionByZero() }
            return .float((a / b).rounded(.down))
        }
    }

    static func remainder(_ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw divisionByZero() }
            if b == -1 { return .int(0) }
            let result = a % b
            return .int(result != 0 && (result < 0) != (b < 0) ? result + b : result)
        case (.duration(let a), .duration(let b)):
            guard b != 0 else { throw divisionByZero() }
            if b == -1 { return .duration(0) }
            let result = a % b
            return .duration(result != 0 && (result < 0) != (b < 0) ? result + b : result)
        default:
            guard let a = number(left), let b = number(right) else { throw mismatch("%", left, right) }
            guard b != 0 else { throw divisionByZero() }
            let result = a.truncatingRemainder(dividingBy: b)
            return .float(result != 0 && (result < 0) != (b < 0) ? result + b : result)
        }
    }

    static func negate(_ value: Value) throws -> Value {
        switch value {
        case .int(let a):
            guard a != Int.min else { throw ErrorObject.overflow("integer overflow in -(\(a))") }
            return .int(-a)
        case .float(let a): return .float(-a)
        case .duration(let a):
            guard a != Int.min else { throw ErrorObject.overflow("duration overflow in -(\(value))") }
            return .duration(-a)
        default: throw ErrorObject.type("bad operand type for unary -: \(value.typeName)")
        }
    }

    /// Orders two values: numbers, strings, durations; anything else is a type error.
    @inline(__always)
    static func compare(_ left: Value, _ right: Value, _ symbol: String) throws -> Int {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.duration(let a), .duration(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default:
            guard let a = number(left), let b = number(right) else {
                throw ErrorObject.type("cannot compare \(left.typeName) and \(right.typeName) with \(symbol)")
            }
            if a.isNaN || b.isNaN { return 2 }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let a): return Double(a)
        case .float(let a): return a
        default: return nil
        }
    }

    /// A duration, or a number of seconds, in milliseconds; nil for any other value. `OVERFLOW`
    /// when the seconds do not fit (`sleep 1e16` is 10^19 ms, past the largest int).
    static func milliseconds(of value: Value) throws -> Int? {
        switch value {
        case .duration(let milliseconds): return milliseconds
        case .int(let seconds):
            let (milliseconds, overflowed) = seconds.multipliedReportingOverflow(by: 1_000)
            if overflowed { throw ErrorObject.overflow("\(seconds) seconds is too long a duration") }
            return milliseconds
        case .float(let seconds):
            guard seconds.isFinite, (seconds * 1_000).magnitude < 9.2e18 else {
                throw ErrorObject.overflow("\(Value.formatFloat(seconds)) seconds is too long a duration")
            }
            return Int((seconds * 1_000).rounded())
        default: return nil
        }
    }

    static func milliseconds(_ value: Double) throws -> Int {
        guard value.isFinite, value.magnitude < 9.2e18 else {
            throw ErrorObject.overflow("duration out of range")
        }
        return Int(value.rounded())
    }

    static func divisionByZero() -> ErrorObject {
        ErrorObject(code: ErrorCode.divisionByZero, message: "division by zero")
    }

    /// `model x count`: a GPU request `{model, count}`, count 1, 2, 4 or 8.
    static func gpuRequest(_ model: Value, _ count: Value) throws -> Value {
        guard case .string(let name) = model else {
            throw ErrorObject.type("the GPU model before 'x' must be a string or atom, not \(model.typeName)")
        }
        guard case .int(let number) = count else {
            throw ErrorObject.type("the GPU count after 'x' must be an int, not \(count.typeName)")
        }
        guard Choice.gpuCounts.contains(number) else {
            throw ErrorObject.value(Choice.badGPUCountMessage(number))
        }
        return .map(["model": .string(name), "count": .int(number)])
    }
}
