/// `len upper lower split trim starts_with ends_with contains replace format`.
enum StringMethods {
    static let all: [BuiltinFunction] = [
        Methods.method("string", "len", returns: "int", summary: "The number of characters.") { call in
            .int(try call.string(0).count)
        },
        Methods.method("string", "upper", returns: "string", summary: "The text in upper case.") { call in
            .string(try call.string(0).uppercased())
        },
        Methods.method("string", "lower", returns: "string", summary: "The text in lower case.") { call in
            .string(try call.string(0).lowercased())
        },
        Methods.method("string", "split", [.optional("separator", "string", default: "white space")],
                       returns: "list", summary: "The pieces between separators (runs of white space by default).") { call in
            let text = try call.string(0)
            if call.argument(1) == nil {
                return .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
            }
            let separator = try call.string(1)
            guard !separator.isEmpty else { throw ErrorObject.value("string.split: the separator is empty") }
            return .list(split(text, by: separator).map { .string($0) })
        },
        Methods.method("string", "trim", returns: "string", summary: "The text without leading and trailing white space.") { call in
            let text = try call.string(0)
            return .string(String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))
        },
        Methods.method("string", "starts_with", [.required("prefix", "string")], returns: "bool", summary: "Whether the text starts with prefix.") { call in
            .bool(try call.string(0).hasPrefix(try call.string(1)))
        },
        Methods.method("string", "ends_with", [.required("suffix", "string")], returns: "bool", summary: "Whether the text ends with suffix.") { call in
            .bool(try call.string(0).hasSuffix(try call.string(1)))
        },
        Methods.method("string", "contains", [.required("part", "string")], returns: "bool", summary: "Whether part occurs in the text.") { call in
            let part = try call.string(1)
            let text = try call.string(0)
            return .bool(part.isEmpty || split(text, by: part).count > 1)
        },
        Methods.method("string", "replace", [.required("old", "string"), .required("new", "string")],
                       returns: "string", summary: "The text with every old replaced by new.") { call in
            let old = try call.string(1)
            guard !old.isEmpty else { throw ErrorObject.value("string.replace: 'old' is empty") }
            let text = try call.string(0)
            let replacement = try call.string(2)
            let pieces = split(text, by: old)
            // Each of n occurrences may grow the text by the replacement: refuse before building it.
            let (growth, overflowed) = (pieces.count - 1).multipliedReportingOverflow(by: replacement.utf8.count)
            try MemoryGuard.checkAllocatable(elements: overflowed ? Int.max : text.utf8.count + growth, stride: 1, of: "the replaced string")
            let result = Value.string(pieces.joined(separator: replacement))
            try call.memoryGuard?.noteResult(result)
            return result
        },
        BuiltinFunction(name: "string.format", parameters: [.required("self")], isVariadic: true,
                        help: BuiltinHelp(summary: "The text with each {} replaced by the next argument.", returns: "string",
                                          group: "string")) { call in
            try format(try call.string(0), call.rest)
        },
    ]

    /// Splits on every occurrence of a non-empty separator.
    static func split(_ text: String, by separator: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while let found = rest.range(of: separator) {
            pieces.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }

    static func format(_ template: String, _ arguments: [Value]) throws -> Value {
        var output = ""
        var next = 0
        var characters = template.makeIterator()
        while let character = characters.next() {
            if character == "{" {
                guard characters.next() == "}" else {
                    throw ErrorObject.value("string.format: '{' must be followed by '}' (write '{}' for each argument)")
                }
                guard next < arguments.count else {
                    throw ErrorObject.argument("string.format: more {} than arguments (\(arguments.count))")
                }
                output += arguments[next].description
                next += 1
            } else {
                output.append(character)
            }
        }
        return .string(output)
    }
}

extension Substring {
    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes.
    func range(of needle: String) -> Range<Index>? {
        let needleBytes = Array(needle.utf8)
        guard let first = needleBytes.first else { return nil }
        var index = startIndex
        while index < endIndex {
            if utf8[index] == first, utf8[index...].starts(with: needleBytes) {
                let end = utf8.index(index, offsetBy: needleBytes.count)
                if String(self[index..<end]) == needle { return index..<end }
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}
