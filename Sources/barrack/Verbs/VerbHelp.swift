import BarrackAPI
import BarrackPlatform

/// `barrack VERB --help`, and the list of verbs in `barrack --help`: written from the built-in
/// table, like the verbs themselves.
enum VerbHelp {
    /// One usage line: `barrack instance ID [--output FORMAT] …`.
    static func usage(_ verb: PlatformCommand) -> String {
        var words = ["barrack", verb.name]
        for option in verb.positionals { words.append(option.isRequired ? option.valueName : "[\(option.valueName)]") }
        for option in verb.options where !option.isPositional {
            var word = "--" + option.flag + (option.shape == .flag ? "" : " " + option.valueName)
            if option.shape == .gpu { word += " [--count N]" }
            words.append(option.isRequired ? word : "[\(word)]")
        }
        if verb.returnsInstance { words.append("[--wait]") }
        if verb.isDestructive { words.append("[--yes]") }
        words.append("[--output FORMAT] [--columns A,B] [--no-header]")
        return "Usage: " + words.joined(separator: " ")
    }

    /// The whole help of a verb.
    static func text(_ verb: PlatformCommand) -> String {
        var rows: [(String, String)] = []
        for option in verb.options {
            let name = option.isPositional ? option.valueName
                : "--" + option.flag + (option.shape == .flag ? ", --no-" + option.flag : " " + option.valueName)
            var summary = option.summary
            if option.shape == .list { summary += " Separate several with commas." }
            if option.shape == .flag { summary += " (a switch)" }
            if !option.choices.isEmpty, option.shape != .gpu || option.choices.count <= 12 {
                summary += " One of: " + option.choices.joined(separator: ", ") + "."
            }
            if option.isRequired {
                summary += " Required."
            } else if let defaultDescription = option.defaultDescription {
                summary += " Default: \(defaultDescription)."
            }
            rows.append((name, summary))
            if option.shape == .gpu { rows.append(("--count N", "How many GPUs: 1, 2, 4 or 8. Default: 1.")) }
        }
        if verb.returnsInstance {
            rows.append(("--wait", "Wait until the instance is no longer in a transitional status (CREATING, STOPPING, …), then print it."))
        }
        if verb.isDestructive {
            rows.append(("-y, --yes", "Do not ask first (without a terminal, \(verb.name) refuses to run unless given this)."))
        }
        rows.append(("-o, --output FORMAT", "table, json or yaml (default: the config's output, else table)."))
        rows.append(("--columns A,B", "The keys to show, in this order."))
        rows.append(("--no-header", "No header line (a single record prints its values alone)."))
        rows.append(("-h, --help", "Show this help."))
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        let lines = rows.map { name, summary in
            let padded = name.count >= width ? name + "\n" + String(repeating: " ", count: width + 2)
                : name + String(repeating: " ", count: width - name.count)
            return "  " + padded + summary
        }
        return """
            OVERVIEW: \(verb.summary)

            \(usage(verb))

            OPTIONS:
            \(lines.joined(separator: "\n"))

            The global options of `barrack run --help` (--sandbox, --profile, --dry-run, …) work here too.
            In a script it is the built-in \(verb.builtin): see `barrack help \(verb.builtin)`.

            """
    }

    /// The verbs by group, a line of names each, for `barrack --help` and the manual.
    static func overview() -> String {
        let verbs = Platform.commands
        var groups: [String] = []
        for verb in verbs where !groups.contains(verb.group) { groups.append(verb.group) }
        return groups.map { group in
            "  \(group): " + verbs.filter { $0.group == group }.map(\.name).joined(separator: ", ")
        }.joined(separator: "\n")
    }
}
