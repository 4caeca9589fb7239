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

    /// Everything `barrack check` reports about `source`, parsing it once: its syntax errors, else
    /// its name errors (compiling it in `interpreter`), else the problems of its built-in calls.
    public static func checkAll(_ source: Source, in interpreter: Interpreter) -> Report {
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { return Report(diagnostics: diagnostics, statements: statements, program: nil) }
        do {
            let program = try interpreter.compile(statements, of: source)
            return Report(diagnostics: callDiagnostics(statements, source: source, builtins: interpreter.builtins),
                          statements: statements, program: program)
        } catch {
            return Report(diagnostics: error.diagnostics, statements: statements, program: nil)
        }
    }

    /// What `checkAll` found. It holds the checked tree, so that a command about to exit can keep
    /// it instead of spending time freeing it (a fifth of checking 100,000 lines went to freeing).
    public struct Report {
        /// The diagnostics in source order; empty when the script is valid.
        public let diagnostics: [Diagnostic]
        let statements: [Stmt]
        let program: Program?
    }

    private static func callDiagnostics(_ statements: [Stmt], source: Source, builtins: [BuiltinFunction]) -> [Diagnostic] {
        BuiltinCallCheck.diagnostics(statements, source: source,
                                     builtins: Dictionary(builtins.map { ($0.name, $0) }, uniquingKeysWith: { $1 }))
    }
}
