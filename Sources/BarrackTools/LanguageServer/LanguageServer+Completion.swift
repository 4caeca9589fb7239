import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/completion`: what the REPL's Tab offers for the word before the cursor
    /// (`Completer`, the same code), with the names the document declares added to the names in
    /// scope. The completer reads the code from the start of the cursor's statement
    /// (`codeBeforeCursor`), as the REPL reads its input.
    func completion(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let (analysis, codeStart, cursor) = try codeBeforeCursor(params)
        let document = analysis.document
        let code = String(decoding: document.bytes[codeStart..<cursor], as: UTF8.self)
        var completer = Completer(interpreter: builtinsInterpreter, atoms: environment.atoms)
        let declared = analysis.symbols.allNames
        completer.variables += declared.filter { !completer.variables.contains($0) }.sorted()
        let completion = completer.complete(line: code, cursor: code.utf8.count)
        let replaced = SourceRange(start: codeStart + completion.start, end: cursor)
        let isMember = code.utf8.prefix(completion.start).last.map { $0 == UInt8(ascii: ".") } ?? false
        let items: [JSONValue] = completion.candidates.enumerated().map { rank, candidate in
            let kind = completionKind(candidate, isMember: isMember, declared: declared)
            var item: JSONValue = [
                "label": .string(candidate),
                "kind": .int(kind.rawValue),
                "sortText": .string(sortKey(rank)),
                "textEdit": document.edit(replaced, candidate),
            ]
            if let builtin = builtins[candidate], !isMember, kind == .function {
                item = item.setting("detail", .string(builtin.help.summary))
            }
            return item
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// The document a request names, and the byte offsets of where the code that completion and
    /// signature help read begins and of the cursor. That code starts at the nearest line, at or
    /// above the cursor's (100 lines at most), that begins a statement at the left margin: not
    /// blank, not a comment, not a closing bracket and not inside a string. So a call written over
    /// several lines is read whole, a broken statement above does not leak into the reading, and
    /// the completer's reading of strings and brackets starts outside any of them.
    func codeBeforeCursor(_ params: JSONValue) throws(ResponseError) -> (analysis: DocumentAnalysis, start: Int, cursor: Int) {
        let analysis = try analysis(for: params)
        let document = analysis.document
        let position = try params.position()
        let cursor = document.offset(of: position)
        var start = document.offset(of: TextPosition(line: position.line, character: 0))
        for line in stride(from: position.line, through: max(0, position.line - 100), by: -1) {
            let lineStart = document.offset(of: TextPosition(line: line, character: 0))
            if startsStatement(at: lineStart, in: analysis) {
                start = lineStart
                break
            }
        }
        return (analysis, start, max(start, cursor))
    }

    private func startsStatement(at offset: Int, in analysis: DocumentAnalysis) -> Bool {
        let bytes = analysis.document.bytes
        guard offset < bytes.count else { return false }
        switch bytes[offset] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"),
             UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"):
            return false
        default:
            // Inside a (long) string when a token holds the offset after its first byte.
            guard let index = analysis.tokenIndex(at: offset) else { return true }
            return analysis.tokens[index].range.start >= offset
        }
    }

    /// The protocol's `CompletionItemKind`s that completion gives.
    enum CompletionKind: Int {
        case method = 2, function = 3, field = 5, variable = 6, property = 10, value = 12, keyword = 14, enumMember = 20
    }

    private func completionKind(_ candidate: String, isMember: Bool, declared: Set<String>) -> CompletionKind {
        if isMember {
            let isMethod = ["string", "list", "map"].contains { MethodCatalogue.method(candidate, ofType: $0) != nil }
            return isMethod ? .method : .field
        }
        if candidate.hasSuffix(":") { return .property }
        if candidate.hasPrefix("\"") { return .value }
        if TokenKind.keywords[candidate] != nil { return .keyword }
        if declared.contains(candidate) { return .variable }
        if builtins[candidate] != nil { return .function }
        if Completer.isAtom(candidate) { return .enumMember }
        return .variable
    }

    /// A rank as text that sorts as the number does: the completer's order is kept.
    private func sortKey(_ rank: Int) -> String {
        let digits = String(rank)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

extension JSONValue {
    /// This object with `key` set to `value`.
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = value
        return .object(object)
    }
}
