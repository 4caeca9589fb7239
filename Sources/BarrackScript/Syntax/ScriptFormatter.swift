/// The one canonical layout of a script, with its comments and blank lines kept: what
/// `barrack fmt` writes and what the language server's formatting gives.
///
/// The layout is the source printer's (`SourcePrinter`: two-space indents, one statement a line,
/// spaces around binary operators, parentheses only where precedence needs them); the comments come
/// from the lexer's trivia (`Lexer.comments`): a comment on a line of its own stays before the
/// statement it preceded, at that statement's indent; a comment after a statement stays at the end
/// of its line; one blank line is kept wherever there was at least one. Long strings (`"""`) are
/// kept as written. Formatting is idempotent, and the formatted text parses to the same tree.
///
///     let   total=a+(b*c)   # sum  →   let total = a + b * c # sum
public enum ScriptFormatter {
    /// Why a script was not formatted: it has syntax errors (a half-written script is left as it
    /// is rather than guessed at).
    public struct Refusal: Error, Sendable {
        /// The syntax errors, in source order.
        public let diagnostics: [Diagnostic]
    }

    /// The formatted text of `source`.
    ///
    ///     let text = try ScriptFormatter.format(Source(name: "a.brk", text: "print(1)   # one\n"))
    ///     // "print(1) # one\n"
    ///
    /// - Throws: `Refusal` when `source` has syntax errors.
    public static func format(_ source: Source) throws(Refusal) -> String {
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else { throw Refusal(diagnostics: diagnostics) }
        return SourcePrinter.print(statements, keeping: Trivia(source: source))
    }
}
