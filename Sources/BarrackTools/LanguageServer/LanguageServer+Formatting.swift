import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/formatting`: the formatter's text as one edit of the whole document, no edit
    /// when it is formatted already, and none for a document with syntax errors (which the
    /// diagnostics show).
    func formatting(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        guard let formatted = try? ScriptFormatter.format(analysis.source) else { return .array([]) }
        let document = analysis.document
        guard formatted != document.text else { return .array([]) }
        return .array([document.edit(SourceRange(start: 0, end: document.bytes.count), formatted)])
    }
}
