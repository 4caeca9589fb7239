import BarrackAPI
import BarrackPlatform
import BarrackScript

/// A value as indented JSON, keys in their order.
enum JSONText {
    /// Throws `TYPE_ERROR` for a function, which has no JSON form.
    static func pretty(_ value: Value) throws -> String {
        try ValueConversion.json(value).serialized(pretty: true)
    }
}

/// A value as a YAML document in block style, keys in their order.
///
/// Written here rather than with a YAML library because the values are only JSON's (maps, lists,
/// strings, numbers, booleans, nil): a string is left plain only when no YAML reader could take
/// it for anything else (it starts with a letter, holds only letters, digits, `-`, `_`, `.` and
/// `/`, and is not a word YAML 1.1 reads as a boolean or nil); every other string is written as a
/// JSON string, which YAML 1.2 reads as the same double-quoted string. Yams was measured against
/// it and not taken (docs/DESIGN.md, "Libraries and the hand-written parts that stay").
enum YAMLText {
    /// The document, ending in a newline.
    static func document(_ value: Value) -> String {
        let json = (try? ValueConversion.json(value)) ?? .string(value.literal)
        var lines: [String] = []
        write(json, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ json: JSONValue, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch json {
        case .array(let elements) where !elements.isEmpty:
            for element in elements {
                var nested: [String] = []
                write(element, indent: indent + 1, into: &nested)
                if isBlock(element), let first = nested.first {
                    // `- key: value` on the dash's line, the rest of the block under it.
                    lines.append(pad + "- " + first.dropFirst(pad.count + 2))
                    lines += nested.dropFirst()
                } else {
                    lines.append(pad + "- " + scalar(element))
                }
            }
        case .object(let object) where !object.members.isEmpty:
            for member in object.members {
                let key = plainKey(member.key) ? member.key : quoted(member.key)
                if isBlock(member.value) {
                    lines.append(pad + key + ":")
                    write(member.value, indent: indent + (isList(member.value) ? 0 : 1), into: &lines)
                } else {
                    lines.append(pad + key + ": " + scalar(member.value))
                }
            }
        default:
            lines.append(pad + scalar(json))
        }
    }

    private static func isBlock(_ json: JSONValue) -> Bool {
        switch json {
        case .array(let elements): return !elements.isEmpty
        case .object(let object): return !object.members.isEmpty
        default: return false
        }
    }

    private static func isList(_ json: JSONValue) -> Bool {
        if case .array = json { return true }
        return false
    }

    private static func scalar(_ json: JSONValue) -> String {
        switch json {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number.isFinite ? "\(number)" : (number.isNaN ? ".nan" : (number > 0 ? ".inf" : "-.inf"))
        case .string(let text): return plain(text) ? text : quoted(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// Words YAML 1.1 readers take for booleans or nil.
    static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nil"]

    static func plain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        guard !reserved.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./".unicodeScalars.contains(scalar))
        }
    }

    private static func plainKey(_ key: String) -> Bool {
        plain(key)
    }

    private static func quoted(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }
}
