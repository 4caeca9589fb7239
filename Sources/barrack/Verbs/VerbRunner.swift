import ArgumentParser
import BarrackAPI
import BarrackPlatform
import BarrackScript

/// Runs one command-line verb: `barrack instances`, `barrack deploy --gpu … --wait`,
/// `barrack delete-instance ID --yes`.
///
/// The verb calls its built-in, the same function a script calls, in an interpreter opened as for
/// `barrack run`; then prints the answer as a table, JSON or YAML. Exit status: 0 ok, 1 the
/// platform refused or failed, 2 a usage mistake, 130 interrupted.
struct VerbRunner {
    let verb: PlatformCommand
    /// The global options given before the verb (`barrack --sandbox instances`).
    let globalWords: [String]

    /// The verb named `word` (`delete-instance`, or the built-in's own `delete_instance`).
    static func verb(named word: String) -> PlatformCommand? {
        Platform.commands.first { $0.name == word || $0.builtin == word }
    }

    /// The exit status.
    func run(_ words: [String]) -> Int32 {
        let arguments: VerbArguments
        let global: GlobalOptions
        do {
            arguments = try VerbArguments.parse(words, for: verb)
            global = try GlobalOptions.parse(globalWords + arguments.globalWords)
        } catch let error as VerbArguments.UsageError {
            return usageError(error.message)
        } catch {
            return usageError(GlobalOptions.message(for: error))
        }
        if arguments.help {
            StandardStreams.write(VerbHelp.text(verb))
            StandardStreams.flush()
            return 0
        }
        let environment: ScriptEnvironment
        do {
            environment = try ScriptEnvironment.open(global, notices: false)
        } catch {
            return ErrorReport(format: global.output).write(error)
        }
        defer { environment.close() }
        var output = arguments.output
        if !arguments.outputGiven { output.format = global.output ?? environment.backend.output ?? .table }
        let report = ErrorReport(format: output.format)
        let interpreter = environment.interpreter
        guard let function = interpreter.global(verb.builtin),
              let builtin = interpreter.builtins.first(where: { $0.name == verb.builtin }) else {
            return report.write(ErrorObject(code: "NAME_ERROR", message: "no built-in '\(verb.builtin)'"))
        }
        let values: [Value]
        do {
            values = try callArguments(arguments, builtin: builtin)
        } catch let error as VerbArguments.UsageError {
            return usageError(error.message)
        } catch {
            return report.write(error)
        }
        if verb.isDestructive, !arguments.yes, !global.dryRun {
            if let refusal = Confirmation.ask(verb, target: values.first { $0 != .null }) { return refusal }
        }
        Spinner.attach(to: interpreter)
        let interrupts = InterruptForwarder(interpreter)
        defer { interrupts.stop() }
        let outcome = Outcome()
        ThreadLauncher.runAndWait {
            do {
                var result = try interpreter.call(function, values)
                if arguments.wait, !global.dryRun { result = try InstanceWait(interpreter: interpreter).settle(result) }
                outcome.value = result
            } catch {
                outcome.error = error
            }
        }
        if let error = outcome.error {
            if let message = usageMessage(for: error) { return usageError(message) }
            return report.write(error)
        }
        let value = outcome.value ?? .null
        let unknown = output.unknownColumns(in: value)
        if !unknown.unknown.isEmpty {
            return usageError("no column \(unknown.unknown.map { "'\($0)'" }.joined(separator: ", ")); the columns are "
                              + unknown.known.joined(separator: ", "))
        }
        if output.format == .table, output.columns == nil, FlatTable.builtins.contains(verb.builtin) {
            // Each table in the order of its own columns (resource, tier, name, …), not by importance.
            let tables = FlatTable.tables(for: verb.builtin, value).map { table in
                var shown = output
                shown.columns = ResultFormatter.reportColumns(of: table)
                return shown.render(table)
            }
            StandardStreams.write(tables.joined(separator: "\n"))
        } else {
            StandardStreams.write(output.render(value))
        }
        StandardStreams.flush()
        return 0
    }

    /// The arguments of the built-in call, by position, `nil` where the command line gave none;
    /// a usage error names the required options left out.
    private func callArguments(_ arguments: VerbArguments, builtin: BuiltinFunction) throws -> [Value] {
        var missing: [String] = []
        var values: [Value] = []
        for (index, option) in verb.options.enumerated() {
            let isRequired = index < builtin.parameters.count && builtin.parameters[index].isRequired
            guard let texts = arguments.texts[option.parameter] else {
                if isRequired { missing.append(option.isPositional ? option.valueName : "--" + option.flag) }
                values.append(.null)
                continue
            }
            values.append(try option.value(texts, count: arguments.count))
        }
        if !missing.isEmpty {
            throw VerbArguments.UsageError(message: "barrack \(verb.name) needs " + missing.joined(separator: ", "))
        }
        return values
    }

    /// For a value the built-in refused before sending anything (an `ARGUMENT_ERROR` or
    /// `TYPE_ERROR` about one of its parameters), the message as a usage error that names the
    /// option typed: `--region must be one of FINLAND-1, …, not FINLAND-9; did you mean 'FINLAND-1'?`
    /// rather than `deploy: 'region' …`, exit status 2 rather than 1.
    func usageMessage(for error: any Error) -> String? {
        guard let error = error as? ErrorObject, error.code == ErrorCode.argument || error.code == ErrorCode.type,
              let parameter = error.parameter, let option = verb.options.first(where: { $0.parameter == parameter }) else {
            return nil
        }
        let written = option.isPositional ? option.valueName : "--" + option.flag
        for prefix in ["\(verb.builtin): '\(parameter)' ", "\(verb.builtin): "] where error.message.hasPrefix(prefix) {
            return written + (prefix.hasSuffix("' ") ? " " : ": ") + error.message.dropFirst(prefix.count)
        }
        return "\(written): \(error.message)"
    }

    private func usageError(_ message: String) -> Int32 {
        StandardStreams.flush()
        StandardStreams.writeError("barrack \(verb.name): \(message)\n" + VerbHelp.usage(verb)
                                   + "\n  See 'barrack \(verb.name) --help' for more information.\n")
        return 2
    }

    private final class Outcome: @unchecked Sendable {
        var value: Value?
        var error: (any Error)?
    }
}
