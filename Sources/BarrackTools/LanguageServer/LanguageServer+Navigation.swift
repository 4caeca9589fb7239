import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/definition`: where the name under the cursor is declared — in the document,
    /// or in a module it imports (the standard library's too) — or, on an `import`, the module's
    /// file.
    func definition(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let offset = analysis.document.offset(of: try params.position())
        if let name = importedModule(at: offset, in: analysis),
           let module = environment.modules.module(name, importedFrom: analysis.source.name) {
            return .array([Self.location(path: module.path, SourceRange(start: 0, end: 0), in: module.source)])
        }
        guard let index = analysis.tokenIndex(at: offset), analysis.tokens[index].kind == .identifier else { return .null }
        let token = analysis.tokens[index]
        if let symbol = analysis.symbols.symbol(at: token.range.start) {
            return .array([analysis.document.location(analysis.symbols.symbols[symbol].nameRange)])
        }
        guard let found = importedDeclaration(of: token.text, in: analysis) else { return .null }
        return .array([Self.location(path: found.module.path, found.range, in: found.module.source)])
    }

    /// `textDocument/references`: every place the document writes the name under the cursor,
    /// with its declaration when the client asks (in the module, for an imported name).
    func references(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let offset = analysis.document.offset(of: try params.position())
        let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
        guard let index = analysis.tokenIndex(at: offset), analysis.tokens[index].kind == .identifier else { return .null }
        let token = analysis.tokens[index]
        let symbols = analysis.symbols
        if let symbol = symbols.symbol(at: token.range.start) {
            let ranges = symbols.ranges(of: symbol).dropFirst(includeDeclaration ? 0 : 1)
            return .array(ranges.map { analysis.document.location($0) })
        }
        guard let found = importedDeclaration(of: token.text, in: analysis) else { return .null }
        var locations = symbols.unresolvedUses.filter { $0.name == token.text }.map { analysis.document.location($0.range) }
        if includeDeclaration { locations.insert(Self.location(path: found.module.path, found.range, in: found.module.source), at: 0) }
        return .array(locations)
    }

    /// `textDocument/documentSymbol`: the document's top-level functions and variables, with the
    /// functions and variables declared inside each function under it.
    func documentSymbols(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let symbols = analysis.symbols.symbols
        func entry(_ index: Int) -> JSONValue {
            let symbol = symbols[index]
            let children = Self.inSourceOrder(symbols.indices.filter { symbols[$0].parent == index && Self.isListed(symbols[$0]) }, symbols)
            return [
                "name": .string(symbol.name),
                "detail": .string(symbol.parameters.map { "(" + $0.joined(separator: ", ") + ")" } ?? ""),
                // SymbolKind: 12 function, 13 variable.
                "kind": symbol.kind == .function ? 12 : 13,
                "range": analysis.document.range(symbol.declarationRange),
                "selectionRange": analysis.document.range(symbol.nameRange),
                "children": .array(children.map(entry)),
            ]
        }
        return .array(Self.inSourceOrder(symbols.indices.filter { symbols[$0].isTopLevel && Self.isListed(symbols[$0]) }, symbols).map(entry))
    }

    /// Symbols by where they are declared (functions are indexed first: they are hoisted).
    private static func inSourceOrder(_ indices: [Int], _ symbols: [SymbolIndex.Symbol]) -> [Int] {
        indices.sorted { symbols[$0].nameRange.start < symbols[$1].nameRange.start }
    }

    private static func isListed(_ symbol: SymbolIndex.Symbol) -> Bool {
        symbol.kind == .function || symbol.kind == .variable
    }

    /// The module named by the `import` statement that holds `offset`.
    private func importedModule(at offset: Int, in analysis: DocumentAnalysis) -> String? {
        analysis.imports.first { $0.range.start <= offset && offset <= $0.range.end }?.name
    }

    /// The top-level declaration of `name` in the first module the document imports that makes
    /// one: a module's top-level names join the importing program's.
    func importedDeclaration(of name: String, in analysis: DocumentAnalysis) -> (module: ModuleFiles.Module, range: SourceRange)? {
        for imported in analysis.imports {
            guard let module = environment.modules.module(imported.name, importedFrom: analysis.source.name) else { continue }
            let statements = Parser.parse(module.source).statements
            let index = SymbolIndex(statements, source: module.source)
            if let symbol = index.topLevelSymbol(named: name) { return (module, index.symbols[symbol].nameRange) }
        }
        return nil
    }

    /// A `Location` in a file that is not open.
    static func location(path: String, _ range: SourceRange, in source: Source) -> JSONValue {
        TextDocument(uri: DocumentURI.uri(ofPath: path), version: 0, text: String(decoding: source.bytes, as: UTF8.self)).location(range)
    }
}
