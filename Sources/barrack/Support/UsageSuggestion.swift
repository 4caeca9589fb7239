import ArgumentParser
import BarrackScript

/// "Did you mean" for the usage errors ArgumentParser reports: a mistyped subcommand
/// (`barrack sandbox stok`) or option (`barrack check --dry-rn`, `barrack --dry-rn x.brk`) gets
/// the closest name the command has, by the edit distance the language's own errors use.
enum UsageSuggestion {
    /// `; did you mean 'stock'?` for the name the usage error `message` complains about, given the
    /// command line `words`; empty when nothing is close.
    static func text(for message: String, words: [String]) -> String {
        let command = deepestCommand(words)
        for (marker, candidates) in [("nknown option '", optionNames(of: command)),
                                     ("nexpected argument '", subcommandNames(of: command))] {
            guard let start = message.range(of: marker), let end = message[start.upperBound...].firstIndex(of: "'") else { continue }
            let word = String(message[start.upperBound..<end])
            if let near = Suggestion.closest(word, among: candidates) { return "; did you mean '\(near)'?" }
        }
        return ""
    }

    /// `message` with the suggestion put at the end of its first line.
    static func withSuggestion(_ message: String, words: [String]) -> String {
        // ArgumentParser suggests some names itself ("Did you mean …?"): one suggestion is enough.
        let suggestion = message.lowercased().contains("did you mean") ? "" : text(for: message, words: words)
        guard !suggestion.isEmpty else { return message }
        let lines = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        return String(lines[0]) + suggestion + (lines.count > 1 ? "\n" + lines[1] : "")
    }

    /// The subcommand the words name (`sandbox` for `barrack sandbox stok`), else `run`, which
    /// `barrack FILE` means.
    static func deepestCommand(_ words: [String]) -> any ParsableCommand.Type {
        var command: any ParsableCommand.Type = BarrackCommand.self
        for word in words {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = sub
        }
        return command == BarrackCommand.self ? RunCommand.self : command
    }

    static func subcommandNames(of command: any ParsableCommand.Type) -> [String] {
        command.configuration.subcommands.map { $0._commandName }
    }

    /// The option names the OPTIONS section of `command`'s help declares: the dashed words
    /// before each line's text (`-o, --output <format>   How …` gives `-o` and `--output`).
    static func optionNames(of command: any ParsableCommand.Type) -> [String] {
        optionNames(inHelp: RootHelp.section("OPTIONS:", of: command.helpMessage(columns: 200)) ?? "")
    }

    static func optionNames(inHelp help: String) -> [String] {
        var names: [String] = []
        for line in help.split(separator: "\n") {
            let declaration = line.drop { $0 == " " }.split(separator: "  ").first ?? ""
            for word in declaration.split(separator: " ") {
                let name = String(word.split(separator: ",").first ?? "")
                if name.hasPrefix("-") { names.append(name) }
            }
        }
        return names
    }
}
