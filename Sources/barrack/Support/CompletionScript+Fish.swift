import BarrackPlatform

extension CompletionScript {
    /// ArgumentParser's fish script (subcommands and their options, no file names by default) and
    /// what it cannot know: the verbs with their summaries, each verb's options and the values they
    /// take, and file names for the first word and for a script's own arguments.
    ///
    /// Each added line is guarded by the first word that is not an option, as the bash and zsh
    /// wrappers decide: none yet, a verb, or a script.
    static func fish(_ generated: String) -> String {
        let verbs = Platform.commands
        let known = (subcommandNames + verbs.map(\.name)).joined(separator: " ")
        var lines = [
            "",
            "# Added by barrack: verbs, their options and values, and file names.",
            "function __barrack_first_word",
            "    for word in (commandline -opc)[2..]",
            "        if not string match -q -- '-*' $word",
            "            echo $word",
            "            return 0",
            "        end",
            "    end",
            "    return 1",
            "end",
            "",
            "function __barrack_verb_is -a verb",
            "    test \"$(__barrack_first_word)\" = \"$verb\"",
            "end",
            "",
            "function __barrack_is_script",
            "    set -l first (__barrack_first_word); or return 1",
            "    not contains -- $first \(known)",
            "end",
            "",
            "complete -c barrack -n 'not __barrack_first_word' -F",
            "complete -c barrack -n '__barrack_is_script' -F",
        ]
        for verb in verbs {
            lines.append("complete -c barrack -n 'not __barrack_first_word' -f -a \(fishQuoted(verb.name)) -d \(fishQuoted(verb.summary))")
        }
        for verb in verbs {
            let condition = fishQuoted("__barrack_verb_is " + verb.name)
            let values = Dictionary(valueWords(verb), uniquingKeysWith: { first, _ in first })
            for word in optionWords(verb) + ["-o"] {
                let name = word.hasPrefix("--") ? "-l " + word.dropFirst(2) : "-s " + word.dropFirst()
                var line = "complete -c barrack -n \(condition) \(name)"
                if let choices = values[word] {
                    line += choices.isEmpty ? " -r" : " -x -a " + fishQuoted(choices.joined(separator: " "))
                } else if word == "--columns" || word == "--count" {
                    line += " -x"
                }
                lines.append(line)
            }
        }
        return generated + lines.joined(separator: "\n") + "\n"
    }

    /// `text` in fish's single quotes, where only `\` and `'` are escaped.
    static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
