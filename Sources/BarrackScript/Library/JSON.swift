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

    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Parses JSON text; a `VALUE_ERROR` says what was wrong and at which character.
    static func decode(_ text: String) throws -> Value {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func failure(_ message: String) -> ErrorObject {
        ErrorObject.value("parse_json: \(message) at character \(position + 1)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func parseValue(depth: Int) throws -> Value {
        guard depth < 256 else { throw failure("nesting deeper than 256 levels") }
        guard position < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            let map = MapObject()
            skipSpace()
            if consume("}") { return .map(map) }
            repeat {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let key = try parseString()
                skipSpace()
                guard consume(":") else { throw failure("expected ':'") }
                skipSpace()
                map[key] = try parseValue(depth: depth + 1)
                skipSpace()
            } while consume(",")
            guard consume("}") else { throw failure("expected ',' or '}'") }
            return .map(map)
        case UInt8(ascii: "["):
            position += 1
            var elements: [Value] = []
            skipSpace()
            if consume("]") { return .list(ListObject(elements)) }
            repeat {
                skipSpace()
                elements.append(try parseValue(depth: depth + 1))
                skipSpace()
            } while consume(",")
            guard consume("]") else { throw failure("expected ',' or ']'") }
            return .list(ListObject(elements))
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            guard consumeWord("true") else { throw failure("unexpected character") }
            return .bool(true)
        case UInt8(ascii: "f"):
            guard consumeWord("false") else { throw failure("unexpected character") }
            return .bool(false)
        case UInt8(ascii: "n"):
            guard consumeWord("null") else { throw failure("unexpected character") }
            return .null
        default:
            return try parseNumber()
        }
    }

    mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    mutating func consumeWord(_ word: String) -> Bool {
        guard bytes[position...].starts(with: word.utf8) else { return false }
        position += word.utf8.count
        return true
    }

    mutating func parseNumber() throws -> Value {
        let start = position
        var isFloat = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
                position += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if !isFloat, let number = Int(text) { return .int(number) }
        guard !text.isEmpty, let number = Double(text) else {
            position = start
            throw failure("unexpected character")
        }
        return .float(number)
    }

    mutating func parseString() throws -> String {
        position += 1
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), consumeWord("\\u") {
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    output.append(contentsOf: Array(String(scalar).utf8))
                default: output.append(escape)
                }
            default:
                output.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count,
              let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw failure("bad \\u escape")
        }
        position += 4
        return code
    }
}
