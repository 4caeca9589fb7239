import ArgumentParser
import BarrackAPI
import BarrackPlatform
import BarrackScript

/// The words after a verb (`barrack deploy --gpu H100-SXM5-80GB --count 8 --region FINLAND-1`),
/// sorted into the built-in's arguments, the output options, the verb's own switches and the
/// global options (`--sandbox`, `--profile staging`, …), which may come anywhere.
struct VerbArguments {
    /// The texts given for each parameter, by parameter name (several for a list).
    var texts: [String: [String]] = [:]
    /// `--count N` of a GPU request.
    var count: Int?
    /// `--output`, `--columns`, `--no-header`.
    var output = OutputOptions()
    /// Whether `--output` was given (else the configuration's `output` applies).
    var outputGiven = false
    /// `--wait`: wait until the instance settles.
    var wait = false
    /// `--yes`: do not ask before destroying.
    var yes = false
    /// `--help`.
    var help = false
    /// The global options, in the order given.
    var globalWords: [String] = []

    /// A mistake in the words, reported with the verb's usage and exit status 2.
    struct UsageError: Error {
        let message: String
    }

    /// Sorts `words` for `verb`.
    static func parse(_ words: [String], for verb: PlatformCommand) throws(UsageError) -> VerbArguments {
        var parsed = VerbArguments()
        var positionals = verb.positionals[...]
        var index = 0
        func value(of option: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < words.count else { throw UsageError(message: "\(option) needs a value") }
            return words[index]
        }
        while index < words.count {
            let word = words[index]
            defer { index += 1 }
            if word == "--" {
                for rest in words[(index + 1)...] { try parsed.positional(rest, from: &positionals, verb: verb) }
                break
            }
            guard word.hasPrefix("-"), word != "-" else {
                try parsed.positional(word, from: &positionals, verb: verb)
                continue
            }
            let (name, inline) = split(word)
            switch name {
            case "--help", "-h":
                parsed.help = true
            case "--output", "-o":
                let text = try value(of: name, inline: inline)
                guard let format = OutputFormat(rawValue: text.lowercased()) else {
                    let formats = OutputFormat.allCases.map(\.rawValue)
                    throw UsageError(message: "--output must be \(formats.joined(separator: ", ")), not '\(text)'"
                                     + Suggestion.didYouMean(text.lowercased(), among: formats))
                }
                parsed.output.format = format
                parsed.outputGiven = true
            case "--columns":
                parsed.output.columns = OutputOptions.columns(try value(of: name, inline: inline))
            case "--no-header":
                parsed.output.showsHeader = false
            case "--wait" where verb.returnsInstance:
                parsed.wait = true
            case "--yes" where verb.isDestructive, "-y" where verb.isDestructive:
                parsed.yes = true
            case "--count" where verb.options.contains { $0.shape == .gpu }:
                let text = try value(of: name, inline: inline)
                guard let count = Int(text) else { throw UsageError(message: "--count must be a whole number, not '\(text)'") }
                // Checked here, so that the message names the option typed, not the request's field.
                guard Choice.gpuCounts.contains(count) else { throw UsageError(message: "--count must be 1, 2, 4 or 8, not \(count)") }
                parsed.count = count
            default:
                if let option = verb.options.first(where: { "--" + $0.flag == name }) {
                    let text = option.shape == .flag ? (inline ?? "true") : try value(of: name, inline: inline)
                    parsed.texts[option.parameter, default: []].append(text)
                } else if let option = verb.options.first(where: { "--no-" + $0.flag == name && $0.shape == .flag }) {
                    parsed.texts[option.parameter] = ["false"]
                } else if let taken = globalOption(words, at: index) {
                    parsed.globalWords += words[index..<(index + taken)]
                    index += taken - 1
                } else {
                    throw UsageError(message: "unknown option '\(name)' for barrack \(verb.name)"
                                     + suggestion(name, verb: verb))
                }
            }
        }
        return parsed
    }

    /// A word without a dash fills the next positional parameter.
    private mutating func positional(_ word: String, from positionals: inout ArraySlice<PlatformCommandOption>,
                                     verb: PlatformCommand) throws(UsageError) {
        guard let option = positionals.popFirst() else {
            throw UsageError(message: "unexpected argument '\(word)': barrack \(verb.name) takes "
                             + (verb.positionals.isEmpty ? "no arguments" : verb.positionals.map { $0.valueName }.joined(separator: " ")))
        }
        texts[option.parameter] = [word]
    }

    /// `--name=value` as (`--name`, `value`).
    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// How many words the global option at `index` takes (1 for a flag, 2 with its value), or
    /// nil when it is not one: `GlobalOptions` itself decides, so the two never disagree.
    private static func globalOption(_ words: [String], at index: Int) -> Int? {
        if (try? GlobalOptions.parse([words[index]])) != nil { return 1 }
        if index + 1 < words.count, (try? GlobalOptions.parse([words[index], words[index + 1]])) != nil { return 2 }
        return nil
    }

    private static func suggestion(_ name: String, verb: PlatformCommand) -> String {
        let bare = name.drop { $0 == "-" }
        let close = verb.options.map(\.flag).filter { $0.hasPrefix(bare) || bare.hasPrefix($0) }
        if close.count == 1 { return "; did you mean --\(close[0])?" }
        // A typo rather than a prefix: `--regoin` for `--region`.
        let own = ["output", "columns", "no-header", "help"] + verb.options.filter { !$0.isPositional }.map(\.flag)
        if let near = Suggestion.closest(String(bare), among: own) { return "; did you mean --\(near)?" }
        return "; `barrack \(verb.name) --help` lists its options"
    }
}
