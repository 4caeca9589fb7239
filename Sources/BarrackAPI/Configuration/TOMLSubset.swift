// Kept instead of TOMLKit: it keeps no source position for a parsed value, so an error about a
// setting (a wrong type, a value out of range, an unknown key) could not name its line; measured
// in docs/DESIGN.md, "Libraries and the hand-written parts that stay".
/// A parser for the part of TOML that the config file uses.
///
/// Supported: `#` comments, `[table]` and `[dotted.table]` headers with bare or quoted keys,
/// `key = value` with basic ("…", with escapes) and literal ('…') strings, booleans and decimal
/// integers (with `_` separators). Anything else (arrays, inline tables, floats, dates, multi-line
/// strings) is an error naming its line and column, never silently misread.
struct TOMLSubset {
    enum Value: Equatable, Sendable {
        case string(String)
        case bool(Bool)
        case integer(Int)

        var typeName: String {
            switch self {
            case .string: return "a string"
            case .bool: return "a boolean"
            case .integer: return "an integer"
            }
        }
    }

    /// One `key = value` line with where it was.
    struct Entry: Equatable, Sendable {
        let key: String
        let value: Value
        let line: Int
        let column: Int
    }

    /// A table: its dotted path (empty for the top level) and its entries in order.
    struct Table: Equatable, Sendable {
        let path: [String]
        var entries: [Entry]
        let line: Int
    }

    struct ParseError: Error, Equatable, CustomStringConvertible {
        let message: String
        let line: Int
        let column: Int
        var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The tables in file order; the first is the top level.
    static func parse(_ text: String) throws -> [Table] {
        var tables = [Table(path: [], entries: [], line: 1)]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var scanner = LineScanner(line: Array(rawLine.unicodeScalars), number: index + 1)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                let path = try scanner.tableHeader()
                if tables.contains(where: { $0.path == path }) {
                    throw ParseError(message: "the table [\(path.joined(separator: "."))] appears twice", line: index + 1, column: 1)
                }
                tables.append(Table(path: path, entries: [], line: index + 1))
                continue
            }
            let column = scanner.column
            let key = try scanner.key()
            scanner.skipSpaces()
            try scanner.expect("=", "expected '=' after the key '\(key)'")
            scanner.skipSpaces()
            let value = try scanner.value()
            scanner.skipSpaces()
            guard scanner.atEndOrComment else { throw scanner.error("unexpected text after the value") }
            if tables[tables.count - 1].entries.contains(where: { $0.key == key }) {
                throw ParseError(message: "the key '\(key)' appears twice in the same table", line: index + 1, column: column)
            }
            tables[tables.count - 1].entries.append(Entry(key: key, value: value, line: index + 1, column: column))
        }
        return tables
    }

    /// Reads one line.
    private struct LineScanner {
        let line: [Unicode.Scalar]
        let number: Int
        var position = 0

        init(line: [Unicode.Scalar], number: Int) {
            // A file written on Windows ends lines with "\r\n".
            self.line = line.last == "\r" ? Array(line.dropLast()) : line
            self.number = number
        }

        var peek: Unicode.Scalar? { position < line.count ? line[position] : nil }
        var column: Int { position + 1 }
        var atEndOrComment: Bool { peek == nil || peek == "#" }

        func error(_ message: String) -> ParseError {
            ParseError(message: message, line: number, column: column)
        }

        mutating func skipSpaces() {
            while peek == " " || peek == "\t" { position += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar, _ message: String) throws {
            guard peek == scalar else { throw error(message) }
            position += 1
        }

        mutating func tableHeader() throws -> [String] {
            position += 1
            if peek == "[" { throw error("arrays of tables ([[…]]) are not supported") }
            var path: [String] = []
            while true {
                skipSpaces()
                path.append(try key())
                skipSpaces()
                if peek == "." {
                    position += 1
                    continue
                }
                try expect("]", "expected ']' to close the table header")
                skipSpaces()
                guard atEndOrComment else { throw error("unexpected text after the table header") }
                return path
            }
        }

        mutating func key() throws -> String {
            if peek == "\"" { return try basicString() }
            if peek == "'" { return try literalString() }
            let start = position
            while let scalar = peek, Self.isBareKeyScalar(scalar) { position += 1 }
            guard position > start else { throw error("expected a key (letters, digits, '_' or '-')") }
            return String(String.UnicodeScalarView(line[start..<position]))
        }

        static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }

        mutating func value() throws -> Value {
            switch peek {
            case "\"":
                if line.count >= position + 3, line[position + 1] == "\"", line[position + 2] == "\"" {
                    throw error("multi-line strings are not supported")
                }
                return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": throw error("arrays are not supported in the config file")
            case "{": throw error("inline tables are not supported in the config file")
            case nil: throw error("expected a value after '='")
            default: return try bareValue()
            }
        }

        mutating func bareValue() throws -> Value {
            let start = position
            while let scalar = peek, scalar != " ", scalar != "\t", scalar != "#" { position += 1 }
            let text = String(String.UnicodeScalarView(line[start..<position]))
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            let digits = text.replacingUnderscores()
            if let integer = Int(digits), !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") {
                return .integer(integer)
            }
            position = start
            throw error("expected a string in quotes, true, false or an integer, found '\(text)'")
        }

        mutating func literalString() throws -> String {
            let opening = position
            position += 1
            let start = position
            while let scalar = peek, scalar != "'" { position += 1 }
            guard peek == "'" else {
                position = opening
                throw error("unterminated string: add the closing '")
            }
            let text = String(String.UnicodeScalarView(line[start..<position]))
            position += 1
            return text
        }

        mutating func basicString() throws -> String {
            let opening = position
            position += 1
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                position += 1
                switch scalar {
                case "\"":
                    return String(result)
                case "\\":
                    result.append(try escape())
                default:
                    result.append(scalar)
                }
            }
            position = opening
            throw error("unterminated string: add the closing \"")
        }

        mutating func escape() throws -> Unicode.Scalar {
            guard let scalar = peek else { throw error("unterminated escape sequence") }
            position += 1
            switch scalar {
            case "\"": return "\""
            case "\\": return "\\"
            case "n": return "\n"
            case "t": return "\t"
            case "r": return "\r"
            case "b": return "\u{08}"
            case "f": return "\u{0C}"
            case "u", "U":
                let count = scalar == "u" ? 4 : 8
                guard position + count <= line.count,
                    let code = UInt32(String(String.UnicodeScalarView(line[position..<position + count])), radix: 16),
                    let result = Unicode.Scalar(code)
                else { throw error("expected \(count) hexadecimal digits of a Unicode scalar after \\\(scalar)") }
                position += count
                return result
            default:
                position -= 1
                throw error("invalid escape '\\\(scalar)'")
            }
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
