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
        return BuiltinCallCheck.diagnostics(statements, source: source,
                                            builtins: Dictionary(builtins.map { ($0.name, $0) }, uniquingKeysWith: { $1 }))
    }
}
