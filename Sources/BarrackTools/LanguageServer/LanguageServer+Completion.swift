import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/completion`: what the REPL's Tab offers for the word before the cursor
    /// (`Completer`, the same code), with the names the document declares added to the names in
    /// scope. The completer reads the cursor's line, as the REPL reads its input line.
    func completion(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let (analysis, lineStart, cursor) = try lineBeforeCursor(params)
        let document = analysis.document
        let line = String(decoding: document.bytes[lineStart..<cursor], as: UTF8.self)
        var completer = Completer(interpreter: builtinsInterpreter, atoms: environment.atoms)
        let declared = analysis.symbols.allNames
        completer.variables += declared.filter { !completer.variables.contains($0) }.sorted()
        let completion = completer.complete(line: line, cursor: line.utf8.count)
        let replaced = SourceRange(start: lineStart + completion.start, end: cursor)
        let isMember = line.utf8.prefix(completion.start).last.map { $0 == UInt8(ascii: ".") } ?? false
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

    /// The document a request names, and the byte offsets of the start of the cursor's line and
    /// of the cursor: the code completion and signature help read.
    func lineBeforeCursor(_ params: JSONValue) throws(ResponseError) -> (analysis: DocumentAnalysis, lineStart: Int, cursor: Int) {
        let analysis = try analysis(for: params)
        let position = try params.position()
        let cursor = analysis.document.offset(of: position)
        let lineStart = analysis.document.offset(of: TextPosition(line: position.line, character: 0))
        return (analysis, lineStart, max(lineStart, cursor))
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
