import BarrackAPI
import BarrackJSON
import BarrackPlatform
import BarrackSandbox
import BarrackScript

extension LanguageServer {
    /// `textDocument/hover`: a built-in's help (`help NAME`) with its API operation and what it
    /// does to the account, a method's help after a `.`, a keyword's help, or the declaration of
    /// a name the document declares.
    func hover(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let offset = analysis.document.offset(of: try params.position())
        guard let index = analysis.tokenIndex(at: offset) else { return .null }
        let token = analysis.tokens[index]
        guard let text = hoverText(token, at: index, in: analysis) else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(text)], "range": analysis.document.range(token.range)]
    }

    private func hoverText(_ token: Token, at index: Int, in analysis: DocumentAnalysis) -> String? {
        if token.kind.isKeyword {
            let word = analysis.source.text(token.range)
            return LanguageHelp.topic(named: word).map { Self.fenced($0.text) }
        }
        guard token.kind == .identifier else { return nil }
        let name = token.text
        if index > 0, analysis.tokens[index - 1].kind == .dot || analysis.tokens[index - 1].kind == .questionDot {
            let methods = ["string", "list", "map"].compactMap { MethodCatalogue.method(name, ofType: $0) }
            return methods.isEmpty ? nil : Self.fenced(methods.map(HelpText.detail).joined(separator: "\n"))
        }
        if let symbol = analysis.symbols.symbol(at: token.range.start) {
            return declarationText(analysis.symbols.symbols[symbol], in: analysis)
        }
        guard let builtin = builtins[name] else { return nil }
        return builtinText(builtin) + (Self.listPrice(ofCallAt: token.range, in: analysis).map { "\n" + $0 } ?? "")
    }

    /// For a call whose `gpu:` is a request written out (`H100-SXM5-80GB x 8`), what it costs an
    /// hour at the platform's list price: `8 × 2.49 USD = 19.92 USD/h`.
    static func listPrice(ofCallAt callee: SourceRange, in analysis: DocumentAnalysis) -> String? {
        var found: String?
        for statement in analysis.statements where statement.range.start <= callee.start && callee.end <= statement.range.end {
            statement.forEachExpression { expression in
                guard found == nil, case .call(let name, let arguments, _) = expression.kind, name.range == callee,
                      let gpu = arguments.first(where: { $0.label == "gpu" })?.value,
                      case .gpuRequest(let model, let count) = gpu.kind, case .intLiteral(let number) = count.kind
                else { return }
                let modelName: String
                switch model.kind {
                case .atom(let text), .stringLiteral(let text): modelName = text
                default: return
                }
                guard let price = ListPrices.perGPUHour(modelName) else { return }
                found = "List price: \(number) × \(Self.usd(price)) = \(Self.usd(price * Double(number)))/h "
                    + "(the platform's published prices; `barrack plan FILE` asks the platform)."
            }
        }
        return found
    }

    /// An amount in USD as `barrack plan` writes amounts.
    private static func usd(_ amount: Double) -> String {
        PlanReport.amount(amount) + " USD"
    }

    /// `help NAME`'s text, and what the built-in does to the account when it calls the platform.
    func builtinText(_ builtin: BuiltinFunction) -> String {
        var text = Self.fenced(HelpText.detail(builtin))
        if let operation = builtin.help.operation.flatMap(OperationID.init(rawValue:)) {
            switch PlatformEffect.of(operation) {
            case .read:
                text += "\nReads the platform; changes nothing."
            case .change:
                text += "\nChanges the platform without adding an hourly charge."
            case .spend:
                text += "\nSpends: may add an hourly charge. `barrack plan FILE` shows the $/h before anything is spent."
            }
        }
        return text
    }

    private func declarationText(_ symbol: SymbolIndex.Symbol, in analysis: DocumentAnalysis) -> String {
        let source = analysis.source
        let line = source.location(of: symbol.declarationRange.start).line
        switch symbol.kind {
        case .function:
            var header = source.lineText(line).trimmingSpaces()
            if header.hasSuffix("{") { header = String(header.dropLast()).trimmingSpaces() }
            return Self.fenced(header) + "\nfunction, line \(line)"
        case .variable:
            return Self.fenced(source.lineText(line).trimmingSpaces()) + "\nvariable, line \(line)"
        case .parameter:
            return Self.fenced(symbol.name) + "\nparameter, line \(line)"
        case .loopVariable:
            return Self.fenced(symbol.name) + "\nloop variable, line \(line)"
        case .errorVariable:
            return Self.fenced(symbol.name) + "\nthe caught error (code, message, status, operation), line \(line)"
        }
    }

    /// Text in a fenced block, so that an editor shows it in a fixed-width font as written.
    static func fenced(_ text: String) -> String {
        "```barrack\n" + (text.hasSuffix("\n") ? text : text + "\n") + "```"
    }
}
