import ArgumentParser
import Foundation
import BarrackAPI
import BarrackPlatform

/// `barrack --generate-completion-script bash|zsh|fish`: ArgumentParser's script, with what it
/// cannot know added — the verbs (`barrack ins⇥`), their options and the values those take
/// (regions, GPU models, formats), and file names where a script may be named (`barrack ex⇥`,
/// `barrack run ex⇥`, a script's own arguments).
///
/// The generated completion function is renamed and wrapped by one that decides from the first
/// word that is not an option: nothing yet (subcommands, verbs and files), a subcommand (the
/// generated completion), a verb (its options), or a script (files).
enum CompletionScript {
    /// The script for `shell`, or nil to leave ArgumentParser's unchanged.
    static func text(for shell: String) -> String? {
        guard let kind = CompletionShell(rawValue: shell) else { return nil }
        let generated = BarrackCommand.completionScript(for: kind)
        switch kind {
        case .bash: return bash(generated)
        case .zsh: return zsh(generated)
        case .fish: return fish(generated)
        default: return nil
        }
    }

    static var subcommandNames: [String] {
        BarrackCommand.configuration.subcommands.map { $0._commandName }
    }

    /// The words an option of `verb` is completed with, by option (`--region`: the regions).
    static func valueWords(_ verb: PlatformCommand) -> [(option: String, words: [String])] {
        var pairs: [(String, [String])] = [("--output", OutputFormat.allCases.map(\.rawValue)),
                                           ("-o", OutputFormat.allCases.map(\.rawValue))]
        for option in verb.options where !option.isPositional && option.shape != .flag {
            pairs.append(("--" + option.flag, option.choices))
        }
        return pairs
    }

    /// Every option a verb takes, as typed.
    static func optionWords(_ verb: PlatformCommand) -> [String] {
        var words: [String] = []
        for option in verb.options where !option.isPositional {
            words.append("--" + option.flag)
            if option.shape == .flag { words.append("--no-" + option.flag) }
            if option.shape == .gpu { words.append("--count") }
        }
        if verb.returnsInstance { words.append("--wait") }
        if verb.isDestructive { words.append("--yes") }
        return words + ["--output", "--columns", "--no-header", "--help"]
    }

    private static func quoted(_ words: [String]) -> String {
        "'" + words.joined(separator: " ").replacingOccurrences(of: "'", with: "") + "'"
    }

    static func bash(_ generated: String) -> String {
        let verbs = Platform.commands
        var values = ""
        var options = ""
        for verb in verbs {
            for (option, words) in valueWords(verb) {
                values += "    \(verb.name):\(option)) COMPREPLY=($(compgen -W \(quoted(words)) -- \"${cur}\")); return ;;\n"
            }
            options += "    \(verb.name)) COMPREPLY=($(compgen -W \(quoted(optionWords(verb))) -- \"${cur}\")) ;;\n"
        }
        let renamed = generated
            .replacingOccurrences(of: "\n_barrack() {", with: "\n__barrack_generated() {")
            .replacingOccurrences(of: "\n_barrack_run() {", with: "\n__barrack_run_generated() {")
        return renamed + """

            # Added by barrack: verbs, their options and values, and file names.
            __barrack_verb() {
                case "${1}:${prev}" in
            \(values)    esac
                case "${1}" in
            \(options)    esac
            }

            _barrack_run() {
                __barrack_run_generated
                [[ ${#COMPREPLY[@]} -eq 0 && "${cur}" != -* ]] && COMPREPLY+=($(compgen -f -- "${cur}"))
                return 0
            }

            _barrack() {
                local cur="${2}" prev="${3}"
                local first=""
                local -i i
                for ((i = 1; i < COMP_CWORD; i++)); do
                    [[ "${COMP_WORDS[i]}" != -* ]] && { first="${COMP_WORDS[i]}"; break; }
                done
                case " ${first:-.} \(subcommandNames.joined(separator: " ")) " in
                " . "*)
                    __barrack_generated "$@"
                    [[ "${cur}" != -* ]] || return 0
                    COMPREPLY+=($(compgen -W \(quoted(verbs.map(\.name))) -- "${cur}"))
                    COMPREPLY+=($(compgen -f -- "${cur}"))
                    ;;
                " ${first} "*" ${first} "*) __barrack_generated "$@" ;;
                *)
                    case " \(verbs.map(\.name).joined(separator: " ")) " in
                    *" ${first} "*) __barrack_verb "${first}" ;;
                    *) COMPREPLY+=($(compgen -f -- "${cur}")) ;;
                    esac
                    ;;
                esac
                return 0
            }

            """
    }

    static func zsh(_ generated: String) -> String {
        let verbs = Platform.commands
        var values = ""
        var options = ""
        for verb in verbs {
            for (option, words) in valueWords(verb) where !words.isEmpty {
                values += "    \(verb.name):\(option)) compadd -- \(words.joined(separator: " ")); return ;;\n"
            }
            options += "    \(verb.name)) compadd -- \(optionWords(verb).joined(separator: " ")) ;;\n"
        }
        let described = verbs.map { verb in
            "        '\(verb.name):\(verb.summary.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: ":", with: "\\:"))'"
        }.joined(separator: "\n")
        let renamed = generated.replacingOccurrences(of: "\n_barrack() {", with: "\n__barrack_generated() {")
        // The generated file ends by calling the completion function when autoloaded (or by
        // registering it when sourced); the wrapper is defined before that.
        let wrapper = """

            # Added by barrack: verbs, their options and values, and file names.
            __barrack_verb() {
                local previous="${words[CURRENT-1]}"
                case "${1}:${previous}" in
            \(values)    esac
                case "${1}" in
            \(options)    esac
            }

            _barrack() {
                local first=""
                local -i i
                for ((i = 2; i < CURRENT; i++)); do
                    [[ "${words[i]}" != -* ]] && { first="${words[i]}"; break; }
                done
                case " ${first:-.} \(subcommandNames.joined(separator: " ")) " in
                " . "*)
                    __barrack_generated "$@"
                    if [[ "${words[CURRENT]}" != -* ]]; then
                        local -a verbs=(
            \(described)
                        )
                        _describe -V verb verbs
                        _files
                    fi
                    ;;
                " ${first} "*" ${first} "*) __barrack_generated "$@" ;;
                *)
                    case " \(verbs.map(\.name).joined(separator: " ")) " in
                    *" ${first} "*) __barrack_verb "${first}" ;;
                    *) _files ;;
                    esac
                    ;;
                esac
                return 0
            }

            """
        guard let call = renamed.range(of: "\nif [[ \"${funcstack[1]}\"", options: .backwards) else { return renamed + wrapper }
        return String(renamed[..<call.lowerBound]) + wrapper + String(renamed[call.lowerBound...])
    }

    /// fish: ArgumentParser's script, then the verbs (with their summaries), their options and
    /// values, and file names for a script, `run`, `plan`, `check` and `parse`.
    static func fish(_ generated: String) -> String {
        func single(_ text: String) -> String { "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
        var lines = [
            "",
            "# Added by barrack: verbs, their options and values, and file names.",
            "function __barrack_first_word",
            "    for token in (commandline -opc)[2..]",
            "        string match -q -- '-*' $token; or begin; echo $token; return; end",
            "    end",
            "end",
            "function __barrack_takes_files",
            "    set -l first (__barrack_first_word)",
            "    test -z \"$first\"; or contains -- $first run plan check parse; or not contains -- $first "
                + (subcommandNames + Platform.commands.map(\.name)).joined(separator: " "),
            "end",
            "complete -c barrack -n __barrack_takes_files -F",
        ]
        for verb in Platform.commands {
            lines.append("complete -c barrack -n 'test -z \"$(__barrack_first_word)\"' -fa \(verb.name) -d \(single(verb.summary))")
            let condition = "-n 'test \"$(__barrack_first_word)\" = \(verb.name)'"
            var values = Dictionary(valueWords(verb), uniquingKeysWith: { first, _ in first })
            values["--columns"] = []
            for word in optionWords(verb) where word.hasPrefix("--") {
                let name = String(word.dropFirst(2))
                var line = "complete -c barrack \(condition) -l \(name)"
                if let words = values[word] {
                    line += words.isEmpty ? " -r" : " -xa \(single(words.joined(separator: " ")))"
                }
                lines.append(line)
            }
        }
        return generated + lines.joined(separator: "\n") + "\n"
    }
}
