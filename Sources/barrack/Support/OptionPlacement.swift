/// Where `barrack`'s own options may stand: anywhere on the line up to `--`, before or after the
/// script's name, as git and doctl read theirs. Everything after `--` goes to the script
/// verbatim, and so does an option after the script's name that is not barrack's own.
///
/// Without this, `barrack two.brk --dry-run` handed `--dry-run` to the script as `args[0]` and
/// deployed two billed instances. The arguments of `run` and `plan` are captured untouched (a
/// script's own `--verbose` must reach it), so the options are moved before the script's name
/// here, before ArgumentParser reads the line:
///
///     barrack two.brk --dry-run a -- --sandbox   →   barrack --dry-run two.brk a --sandbox
///     barrack plan two.brk --json                 →   barrack plan --json two.brk
enum OptionPlacement {
    /// One of barrack's options: its spellings, and whether a value follows it.
    struct Option {
        let names: [String]
        let takesValue: Bool
    }

    /// The options of every command that runs a script (`GlobalOptions`).
    static let global: [Option] = [
        Option(names: ["--sandbox"], takesValue: false),
        Option(names: ["--api-url"], takesValue: true),
        Option(names: ["--profile"], takesValue: true),
        Option(names: ["--output", "-o"], takesValue: true),
        Option(names: ["--verbose"], takesValue: false),
        Option(names: ["--max-hourly"], takesValue: true),
        Option(names: ["--dry-run"], takesValue: false),
        Option(names: ["--yes", "-y"], takesValue: false),
        Option(names: ["--explain"], takesValue: false),
    ]

    /// The options of `run` (and of `barrack FILE`) besides the global ones (`RunLimits`, `-e`).
    static let run: [Option] = global + [
        Option(names: ["--max-steps"], takesValue: true),
        Option(names: ["--timeout"], takesValue: true),
        Option(names: ["--max-memory"], takesValue: true),
        Option(names: ["-e"], takesValue: true),
    ]

    /// The options of `plan` besides the global ones.
    static let plan: [Option] = global + [Option(names: ["--json"], takesValue: false)]

    /// The subcommands but `run` and `plan`: they read their own options anywhere already, so
    /// their lines stay as they are.
    static var otherSubcommands: Set<String> {
        Set(BarrackCommand.subcommands.map { $0._commandName }).subtracting(["run", "plan"])
    }

    /// `words` (the command line without the program's name) with barrack's options that follow
    /// the script's name moved before it, and the first `--` after it taken out.
    static func arranged(_ words: [String]) -> [String] {
        guard let first = words.first, !otherSubcommands.contains(first) else { return words }
        let start = first == "run" || first == "plan" ? 1 : 0
        let options = first == "plan" ? plan : run
        // Before the script: options and their values, read as ArgumentParser reads them.
        var index = start
        while index < words.count, words[index].hasPrefix("-"), words[index] != "-", words[index] != "--" {
            index += option(named: words[index], in: options)?.takesValue == true && !words[index].contains("=") ? 2 : 1
        }
        guard index < words.count, words[index] != "--" else { return words }
        var moved: [String] = []
        var script: [String] = [words[index]]
        var rest = index + 1
        while rest < words.count {
            let word = words[rest]
            if word == "--" {
                script += words[(rest + 1)...]
                break
            }
            if let found = option(named: word, in: options) {
                moved.append(word)
                if found.takesValue, !word.contains("="), rest + 1 < words.count {
                    moved.append(words[rest + 1])
                    rest += 1
                }
            } else {
                script.append(word)
            }
            rest += 1
        }
        return Array(words[..<index]) + moved + script
    }

    /// The option `word` names (`--output`, `--output=json`, `-o`), if it is one of `options`.
    static func option(named word: String, in options: [Option]) -> Option? {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        return options.first { $0.names.contains(name) }
    }
}
