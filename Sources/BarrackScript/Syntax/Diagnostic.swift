/// A problem found in a script before it runs: a lexical, syntax or resolution error.
///
/// It prints the way compilers do: `file:line:col: error: message`, then the source line and a caret
/// with `~` under the whole offending token.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// A stable code a tool can match: `SYNTAX_ERROR`, `NESTING_LIMIT`, `NAME_ERROR`, …
    public var code: String
    /// What was found and what was expected.
    public var message: String
    /// Where: the offending token or construct.
    public var range: SourceRange
    /// The script it is in.
    public var source: Source
    /// Further lines, such as where an unclosed bracket was opened.
    public var notes: [String]
    /// Whether the input simply ended too soon (an open bracket, block or string, a trailing
    /// operator): the REPL then asks for another line instead of reporting it.
    public var isIncompleteInput: Bool

    /// Creates a diagnostic.
    public init(code: String = "SYNTAX_ERROR", message: String, range: SourceRange, source: Source, notes: [String] = [], isIncompleteInput: Bool = false) {
        self.code = code
        self.isIncompleteInput = isIncompleteInput
        self.message = message
        self.range = range
        self.source = source
        self.notes = notes
    }

    /// The line and column where it starts.
    public var location: SourceLocation { source.location(of: range.start) }

    /// The whole report: header, source line, caret, notes.
    public var description: String {
        let location = self.location
        let prefix = code == "SYNTAX_ERROR" ? "" : code + ": "
        var text = "\(source.name):\(location.line):\(location.column): error: \(prefix)\(VisibleText.escaped(message))"
        text += "\n" + SourceExcerpt.render(source: source, range: range)
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}

extension Diagnostic {
    /// The report of a file's diagnostics: the first `Parser.maxDiagnostics` (20) in full, then
    /// one line that counts the rest, so that a long list is cut short but never silently.
    ///
    ///     … and 5 more errors
    public static func report(_ diagnostics: [Diagnostic]) -> String {
        var lines = diagnostics.prefix(Parser.maxDiagnostics).map(\.description)
        let more = diagnostics.count - Parser.maxDiagnostics
        if more > 0 {
            let counted = diagnostics.count >= Parser.maxCollected ? " (counting stopped at \(Parser.maxCollected))" : ""
            lines.append("… and \(more) more error\(more == 1 ? "" : "s")\(counted)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Renders a source line with a caret and tildes under a range.
public enum SourceExcerpt {
    /// The line that holds `range.start`, indented, and a marker line under the range.
    ///
    /// The marker repeats the line's tabs so that it lines up in any terminal.
    public static func render(source: Source, range: SourceRange) -> String {
        let location = source.location(of: range.start)
        let line = VisibleText.pictured(source.lineText(location.line))
        let gutter = String(location.line)
        var marker = ""
        for (index, character) in line.enumerated() where index < location.column - 1 {
            marker.append(character == "\t" ? "\t" : " ")
        }
        marker += "^"
        let end = source.location(of: max(range.start, range.end))
        let lineLength = line.count
        if end.line == location.line {
            let extra = min(end.column, lineLength + 1) - location.column - 1
            if extra > 0 { marker += String(repeating: "~", count: extra) }
        } else if lineLength >= location.column {
            marker += String(repeating: "~", count: lineLength - location.column)
        }
        let pad = String(repeating: " ", count: gutter.count)
        return " \(gutter) | \(line)\n \(pad) | \(marker)"
    }
}
