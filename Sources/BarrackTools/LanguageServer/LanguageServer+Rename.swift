import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/prepareRename`: the name under the cursor and its range, when it is one the
    /// document declares (a built-in or an imported name cannot be renamed from here).
    func prepareRename(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let offset = analysis.document.offset(of: try params.position())
        guard let symbol = renamable(at: offset, in: analysis) else { return .null }
        let range = analysis.symbols.symbols[symbol].nameRange
        return ["range": analysis.document.range(range), "placeholder": .string(analysis.symbols.symbols[symbol].name)]
    }

    /// `textDocument/rename`: every place the document writes the name, as one workspace edit.
    ///
    /// - Throws: a request failure saying why, for a name the document does not declare, a new
    ///   name that is not a name (a keyword, an ALL-CAPS atom), one that a built-in has, or one
    ///   that the same scope declares already.
    func rename(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let offset = analysis.document.offset(of: try params.position())
        let newName = try params.string("newName")
        guard let symbol = renamable(at: offset, in: analysis) else {
            throw .requestFailed("only a name this document declares can be renamed here")
        }
        let symbols = analysis.symbols
        let old = symbols.symbols[symbol]
        guard Self.isName(newName) else {
            throw .requestFailed("'\(newName)' is not a name: a name starts with a lowercase letter or '_' (or is a capitalised word with a lowercase letter) and is no keyword")
        }
        if builtins[newName] != nil { throw .requestFailed("'\(newName)' is a built-in; renaming '\(old.name)' to it would hide it") }
        if symbols.symbols.contains(where: { $0.name == newName && $0.scope == old.scope }) {
            throw .requestFailed("'\(newName)' is declared already where '\(old.name)' is")
        }
        let edits = symbols.ranges(of: symbol).map { analysis.document.edit($0, newName) }
        return ["changes": .object(JSONObject([JSONObject.Member(key: analysis.document.uri, value: .array(edits))]))]
    }

    private func renamable(at offset: Int, in analysis: DocumentAnalysis) -> Int? {
        guard let index = analysis.tokenIndex(at: offset), analysis.tokens[index].kind == .identifier else { return nil }
        return analysis.symbols.symbol(at: analysis.tokens[index].range.start)
    }

    /// Whether `text` lexes as one identifier (LANGUAGE.md section 1), not a keyword or an atom.
    static func isName(_ text: String) -> Bool {
        let tokens = Lexer.tokenize(Source(name: "<rename>", text: text)).tokens
        guard let first = tokens.first, first.kind == .identifier, first.range == SourceRange(start: 0, end: text.utf8.count)
        else { return false }
        return text != "x"
    }
}
