/// Finds the syntax errors of a script (`Interpreter.compile` also finds name errors).
public enum Checker {
    /// The syntax diagnostics of `source`, in source order; empty when its syntax is valid.
    public static func check(_ source: Source) -> [Diagnostic] {
        Parser.parse(source).diagnostics
    }

    /// The problems of the calls of `builtins` in `source` (`barrack check`): unknown keywords,
    /// missing or surplus arguments, literals outside their choices. Empty when its syntax is not
    /// valid (`check` reports that).
    ///
    ///     Checker.checkCalls(source, builtins: interpreter.builtins)
    public static func checkCalls(_ source: Source, builtins: [BuiltinFunction]) -> [Diagnostic] {
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { return [] }
        return callDiagnostics(statements, source: source, builtins: builtins)
    }

    /// Everything `barrack check` reports about `source`, in one pass and in source order: its
    /// syntax errors, its name errors (compiling it in `interpreter`) and the problems of its
    /// built-in calls together, so that fixing one kind does not reveal the next.
    ///
    /// A statement with a syntax error is left out of the tree, and with it whatever it declared:
    /// a name error about a name that the file declares somewhere (`let`, `fn`) is then dropped
    /// rather than blamed on a line that is right.
    public static func checkAll(_ source: Source, in interpreter: Interpreter) -> Report {
        let (statements, syntax) = Parser.parse(source)
        var found = syntax
        var program: Program?
        do {
            program = try interpreter.compile(statements, of: source)
        } catch {
            let declared = syntax.isEmpty ? [] : declaredNames(in: source)
            found += error.diagnostics.filter { diagnostic in
                !(diagnostic.code == ErrorCode.name && declared.contains(source.text(diagnostic.range)))
            }
        }
        found += callDiagnostics(statements, source: source, builtins: interpreter.builtins)
        var seen: Set<String> = []
        let unique = found.filter { seen.insert("\($0.range.start) \($0.message)").inserted }
        // Stable: at one position, syntax comes before names and names before calls.
        let ordered = unique.enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
        return Report(diagnostics: ordered.map(\.element), statements: statements, program: syntax.isEmpty ? program : nil)
    }

    /// The names after `let` and `fn` anywhere in `source`, by its tokens.
    private static func declaredNames(in source: Source) -> Set<String> {
        let tokens = Lexer.tokenize(source).tokens
        var names: Set<String> = []
        for (index, token) in tokens.enumerated().dropLast()
        where token.kind == .kwLet || token.kind == .kwFn {
            names.insert(source.text(tokens[index + 1].range))
        }
        return names
    }

    /// What `checkAll` found. It holds the checked tree, so that a command about to exit can keep
    /// it instead of spending time freeing it (a fifth of checking 100,000 lines went to freeing).
    public struct Report {
        /// The diagnostics in source order; empty when the script is valid.
        public let diagnostics: [Diagnostic]
        /// The statements that parsed (a statement with a syntax error is left out), for tools
        /// that read the tree beside the diagnostics (the language server).
        public let statements: [Stmt]
        let program: Program?
    }

    private static func callDiagnostics(_ statements: [Stmt], source: Source, builtins: [BuiltinFunction]) -> [Diagnostic] {
        BuiltinCallCheck.diagnostics(statements, source: source,
                                     builtins: Dictionary(builtins.map { ($0.name, $0) }, uniquingKeysWith: { $1 }))
    }
}
