import ArgumentParser
import BarrackAPI
import BarrackScript

/// The lines people run most — `barrack FILE [ARGS…]`, `barrack -e CODE`, `barrack run …`,
/// `barrack -`, a `#!/usr/bin/env barrack` script, a bare `barrack` for the REPL — read without
/// building ArgumentParser's command tree, which is three quarters of the instructions of
/// `barrack -e 'print 1'` (docs/PERFORMANCE.md, "Start-up").
///
/// The options are those of `OptionPlacement.run`, the table that also moves them before the
/// script's name, and each value is read by the same `ExpressibleByArgument` initialiser
/// ArgumentParser uses, then checked by the same `validate()`. Anything this reader is not sure
/// of — an option it does not know, a value it cannot read or that fails validation, an option
/// given twice, `--` before the script, help, the version, another subcommand — gives nil, and
/// the line goes to ArgumentParser, which says what is wrong: both paths end in the same
/// `RunCommand`, so the options, errors and exit statuses are the same.
enum FastRunLine {
    /// The `run` command `words` (the command line without the program's name) asks for, or nil
    /// when ArgumentParser must read the line.
    static func command(for words: [String]) -> RunCommand? {
        var line = OptionPlacement.arranged(words)[...]
        if let first = line.first, first != "run",
           BarrackCommand.subcommands.contains(where: { $0._commandName == first }) { return nil }
        if line.first == "run" { line = line.dropFirst() }
        var values: [String: String] = [:]
        while let word = line.first, word.hasPrefix("-"), word != "-" {
            guard word != "--", let (name, value, rest) = option(word, then: line.dropFirst()),
                  values.updateValue(value, forKey: name) == nil else { return nil }
            line = rest
        }
        return runCommand(values, arguments: Array(line))
    }

    /// The option `word` names with its value ("" for a flag) and the words after it, or nil for
    /// a word that is not one of `OptionPlacement.run` or lacks its value.
    private static func option(_ word: String, then rest: ArraySlice<String>)
        -> (name: String, value: String, rest: ArraySlice<String>)? {
        guard let found = OptionPlacement.option(named: word, in: OptionPlacement.run),
              let name = found.names.first else { return nil }
        let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if !found.takesValue { return parts.count == 1 ? (name, "", rest) : nil }
        // `--output=json`; a short option's `=` is ArgumentParser's to judge.
        if parts.count == 2 { return word.hasPrefix("--") ? (name, String(parts[1]), rest) : nil }
        // A value that looks like an option is ArgumentParser's to judge.
        guard let value = rest.first, !value.hasPrefix("-") else { return nil }
        return (name, value, rest.dropFirst())
    }

    /// The command with `values` (by each option's first name) set, or nil when one of them
    /// does not read or does not validate. (ArgumentParser's properties are only ever set here:
    /// reading one that was not set stops the process.)
    private static func runCommand(_ values: [String: String], arguments: [String]) -> RunCommand? {
        guard let output = read(OutputFormat.self, values["--output"]),
              let maxHourly = read(Double.self, values["--max-hourly"]),
              let maxSteps = read(Int.self, values["--max-steps"]),
              let timeout = read(TimeLimit.self, values["--timeout"]),
              let maxMemory = read(MemorySize.self, values["--max-memory"]) else { return nil }
        var global = GlobalOptions()
        global.sandbox = values["--sandbox"] != nil
        global.apiURL = values["--api-url"]
        global.profile = values["--profile"]
        global.output = output
        global.verbose = values["--verbose"] != nil
        global.maxHourly = maxHourly
        global.dryRun = values["--dry-run"] != nil
        global.yes = values["--yes"] != nil
        global.explain = values["--explain"] != nil
        var limits = RunLimits()
        limits.maxSteps = maxSteps
        limits.timeout = timeout
        limits.maxMemory = maxMemory
        guard (try? global.validate()) != nil, (try? limits.validate()) != nil else { return nil }
        var command = RunCommand()
        command.global = global
        command.limits = limits
        command.code = values["-e"]
        command.arguments = arguments
        return command
    }

    /// `text` read as ArgumentParser would: `.some(nil)` when the option was not given, nil when
    /// it does not read.
    private static func read<T: ExpressibleByArgument>(_ type: T.Type, _ text: String?) -> T?? {
        guard let text else { return .some(nil) }
        return T(argument: text).map { .some($0) }
    }
}
