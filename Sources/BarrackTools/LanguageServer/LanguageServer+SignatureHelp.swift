import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/signatureHelp`: the parameters of the built-in or document function whose
    /// arguments are being typed — `f(…` or the command form `f …` — with the one being typed
    /// active: the keyword argument's, else the positional one's. The call is read as completion
    /// reads it (`codeBeforeCursor`, `CallContext`: the completer's own reading), so it may span
    /// lines.
    func signatureHelp(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let (analysis, codeStart, cursor) = try codeBeforeCursor(params)
        let document = analysis.document
        let functions = Dictionary(analysis.symbols.symbols.filter { $0.kind == .function }.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        let context = CallContext(tokensOf: Array(document.bytes[codeStart..<cursor]),
                                  isBuiltin: { builtins[$0] != nil || functions[$0] != nil })
        guard let call = context.call else { return .null }
        let parameters: [(name: String, label: String)]
        var documentation = ""
        if let function = functions[call], let written = function.parameters {
            parameters = written.map { (String($0.prefix { $0 != " " }), $0) }
        } else if let builtin = builtins[call] {
            parameters = builtin.parameters.filter { $0.name != "self" }.map { parameter in
                (parameter.name, parameter.isRequired ? parameter.name : parameter.name + "?")
            }
            documentation = builtin.help.summary
        } else {
            return .null
        }
        var active = 0
        if let label = context.argumentLabel {
            active = parameters.firstIndex { $0.name == label } ?? parameters.count
        } else if let index = context.positionalIndex {
            active = index
        }
        let signature: JSONValue = [
            "label": .string(call + "(" + parameters.map(\.label).joined(separator: ", ") + ")"),
            "documentation": .string(documentation),
            "parameters": .array(parameters.map { ["label": .string($0.label)] }),
        ]
        return ["signatures": [signature], "activeSignature": 0, "activeParameter": .int(active)]
    }
}
