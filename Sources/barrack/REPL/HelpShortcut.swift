import BarrackScript

/// The REPL's ways of asking for help that are not statements of the language: `?name` and
/// `name?` as in IPython, and `help KEYWORD`, whose keyword could not stand as an argument.
///
///     HelpShortcut.statement(for: "?deploy")    // "help(\"deploy\")"
///     HelpShortcut.statement(for: "help wait")  // "help(\"wait\")"
///     HelpShortcut.statement(for: "help deploy") // nil: an ordinary command call
enum HelpShortcut {
    /// The statement that a help request on `line` stands for, or nil when `line` is code.
    static func statement(for line: String) -> String? {
        let text = line.trimmingWhitespace()
        var topic: Substring?
        if text.hasPrefix("?"), text.count > 1 {
            topic = text.dropFirst()
        } else if text.hasSuffix("?"), text.count > 1, !text.hasSuffix("??") {
            topic = text.dropLast()
        } else if text.hasPrefix("help ") {
            let word = text.dropFirst(5).trimmingWhitespace()
            if LanguageHelp.topic(named: word) != nil { topic = Substring(word) }
        }
        guard let topic, isTopic(topic) else { return nil }
        return "help(\"\(topic)\")"
    }

    /// A name, a dotted method (`string.upper`), or a word `LanguageHelp` explains (`?.`).
    private static func isTopic(_ word: Substring) -> Bool {
        if LanguageHelp.topic(named: String(word)) != nil { return true }
        guard let first = word.first, first.isLetter || first == "_" else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
