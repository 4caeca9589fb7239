/// The call stack of an uncaught error as text, short enough to read after a runaway recursion:
/// a call repeated from the same place prints once with a count (3,000 frames of `f` calling
/// itself are two lines), and a stack still longer than `shownLines` keeps its innermost and
/// outermost lines around a count of the calls left out.
enum CallStackText {
    /// Lines printed at most, the innermost `shownLines - outermostLines` and the outermost.
    static let shownLines = 30
    static let outermostLines = 10

    /// One `\n  in FUNCTION, called at FILE:LINE:COL` line per call, runs of the same call folded.
    static func render(_ trace: [ErrorLocation]) -> String {
        var lines: [String] = []
        var index = 0
        while index < trace.count {
            let line = text(of: trace[index])
            var repeats = 0
            while index + repeats + 1 < trace.count, text(of: trace[index + repeats + 1]) == line { repeats += 1 }
            lines.append(line)
            if repeats > 0 { lines.append("  … the same call \(repeats) more time\(repeats == 1 ? "" : "s")") }
            index += repeats + 1
        }
        if lines.count > shownLines {
            let left = lines.count - (shownLines - 1)
            let innermost = lines.prefix(shownLines - 1 - outermostLines)
            lines = innermost + ["  … \(left) more lines of calls …"] + lines.suffix(outermostLines)
        }
        return lines.map { "\n" + $0 }.joined()
    }

    private static func text(of entry: ErrorLocation) -> String {
        "  in \(entry.function), called at \(entry.source.name):\(entry.source.location(of: entry.range.start))"
    }
}
