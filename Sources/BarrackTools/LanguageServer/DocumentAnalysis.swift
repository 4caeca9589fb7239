import BarrackJSON
import BarrackScript

/// What the server knows about one version of an open document: its diagnostics (everything
/// `barrack check` reports) and its syntax tree, made once per version and read by every request
/// until the next change.
final class DocumentAnalysis {
    /// The document as analysed.
    let document: TextDocument
    /// Its text as the front end reads it.
    let source: Source
    /// Syntax, name and built-in call errors together, in source order.
    let diagnostics: [Diagnostic]
    /// The statements that parsed (one with a syntax error is left out).
    let statements: [Stmt]
    /// The declarations and their uses, made at the first request that needs them.
    private(set) lazy var symbols = SymbolIndex(statements, source: source)
    /// The `import` statements, in order: the module's name and the statement's range.
    var imports: [(name: String, range: SourceRange)] {
        statements.compactMap { statement in
            if case .importStatement(let name) = statement.kind { return (name, statement.range) }
            return nil
        }
    }

    /// The tokens, made at the first request that needs them.
    private(set) lazy var tokens: [Token] = Lexer.tokenize(source).tokens

    /// The index of the token whose bytes hold `offset` or end right at it (a cursor just after a
    /// word is on it); names and keywords win over the punctuation next to them.
    func tokenIndex(at offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.end < offset { low = middle + 1 } else { high = middle }
        }
        let candidates = (low..<min(tokens.count, low + 2)).filter {
            let token = tokens[$0]
            return token.range.start <= offset && offset <= token.range.end && token.kind != .newline && token.kind != .eof
        }
        return candidates.first { tokens[$0].kind == .identifier || tokens[$0].kind.isKeyword } ?? candidates.first
    }

    /// Checks `document` with the built-ins of `interpreter` (compiled, never run).
    init(_ document: TextDocument, interpreter: Interpreter) {
        self.document = document
        // The path, so that `import "./lib"` is found beside the file and errors name it.
        source = Source(name: DocumentURI.path(of: document.uri) ?? document.uri, bytes: document.bytes)
        let report = Checker.checkAll(source, in: interpreter)
        diagnostics = report.diagnostics
        statements = report.statements
        // Kept, so that the compiled program and its interpreter are freed with the analysis,
        // on the retirement queue (`Retirement`), and not here, before the diagnostics are sent.
        kept = (report, interpreter)
    }

    private let kept: (report: Checker.Report, interpreter: Interpreter)

    /// The `publishDiagnostics` parameters of this version.
    var publishedDiagnostics: JSONValue {
        [
            "uri": .string(document.uri),
            "version": .int(document.version),
            "diagnostics": .array(diagnostics.map(json)),
        ]
    }

    private func json(_ diagnostic: Diagnostic) -> JSONValue {
        var message = diagnostic.message
        for note in diagnostic.notes { message += "\nnote: " + note }
        return [
            "range": document.range(diagnostic.range),
            // Every diagnostic of the checker stops the script from running: an error.
            "severity": 1,
            "code": .string(diagnostic.code),
            "source": "barrack",
            "message": .string(message),
        ]
    }
}
