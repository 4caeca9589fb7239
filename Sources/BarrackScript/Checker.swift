/// Finds every error of a script that can be found without running it.
public enum Checker {
    /// The diagnostics of `source`, in source order; empty when it is valid.
    public static func check(_ source: Source) -> [Diagnostic] {
        Parser.parse(source).diagnostics
    }
}
