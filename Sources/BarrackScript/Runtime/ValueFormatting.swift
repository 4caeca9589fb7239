/// How values print (LANGUAGE.md section 6): a string as its text, everything else in literal form.
extension Value: CustomStringConvertible {
    /// The text `print` and `str` give.
    public var description: String {
        if case .string(let text) = self { return text }
        return literal
    }

    /// The literal form: strings quoted, as inside collections.
    public var literal: String {
        var output = ""
        Value.write(self, to: &output, depth: 0)
        return output
    }

    /// Collections nested deeper than this print as `…`: a cycle (a list that holds itself) must
    /// not recurse forever.
    static let maxPrintDepth = 64
    /// Printing stops after this many bytes, which also ends the exponential walk of a list that
    /// holds itself twice.
    static let maxPrintLength = 1 << 24

    static func write(_ value: Value, to output: inout String, depth: Int) {
        guard depth < maxPrintDepth, output.utf8.count < maxPrintLength else {
            output += "…"
            return
        }
        switch value {
        case .null: output += "nil"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .float(let number): output += formatFloat(number)
        case .string(let text): output += quote(text)
        case .duration(let milliseconds): output += formatDuration(milliseconds)
        case .range(let low, let high): output += Ranges.text(low, high)
        case .list(let list):
            output += "["
            for (index, element) in list.elements.enumerated() {
                if index > 0 { output += ", " }
                write(element, to: &output, depth: depth + 1)
            }
            output += "]"
        case .map(let map):
            output += "{"
            for (index, (key, element)) in map.entries.enumerated() {
                if index > 0 { output += ", " }
                output += isBareKey(key) ? key : quote(key)
                output += ": "
                write(element, to: &output, depth: depth + 1)
            }
            output += "}"
        case .function(let function): output += "<fn \(function.name)>"
        case .error(let error): output += "<error \(error.code): \(error.message)>"
        }
    }

    /// `2.0`, `2.5`, `1e-05`, `inf`, `nan`.
    static func formatFloat(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return number.description
    }

    /// The largest units that add up exactly: `1h30m`, `10m`, `1s500ms`, `0s`.
    static func formatDuration(_ milliseconds: Int) -> String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds.magnitude
        var text = milliseconds < 0 ? "-" : ""
        for (unit, size) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)] as [(String, UInt)] {
            if rest >= size {
                text += "\(rest / size)\(unit)"
                rest %= size
            }
        }
        return text
    }

    /// A string in double quotes with the language's escapes.
    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "{": output += "\\{"
            default:
                if VisibleText.isControl(scalar) {
                    output += VisibleText.escape(scalar)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Map keys print bare when they read as a name: letters, digits and `_`, not starting with a digit.
    static func isBareKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
    }
}
