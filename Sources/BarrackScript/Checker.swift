/// Finds the syntax errors of a script (`Interpreter.compile` also finds name errors).
public enum Checker {
    /// The syntax diagnostics of `source`, in source order; empty when its syntax is valid.
    public static func check(_ source: Source) -> [Diagnostic] {
        Parser.parse(source).diagnostics
    }
}
