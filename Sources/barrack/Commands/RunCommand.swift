import ArgumentParser
import BarrackPlatform
import BarrackScript

/// `barrack run FILE [ARGS…]`, `barrack -e CODE`, `barrack FILE`, `barrack run -`; with nothing
/// to run and a terminal on standard input, the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file, code given with -e, or standard input.",
        discussion: """
            The script's arguments reach it as the list `args`. barrack's own options may come \
            before or after the script's name; everything after -- goes to the script, and so does \
            an option after the script's name that barrack does not know.

            --max-steps and --timeout bound a script that may not end: it stops with STEP_LIMIT or \
            TIME_LIMIT (exit status 1). --max-memory bounds how much it may grow (MEMORY_LIMIT, \
            exit status 1); by default the config's max_memory, else half the machine's memory.

            On a terminal, a call that would add more than confirm_over per hour (the config's, \
            else 10) asks first; --yes does not ask.

            Exit status: 0 ok, 1 runtime error, 2 usage or syntax error, 130 interrupted (Ctrl-C).
            """
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var limits: RunLimits

    @Option(name: .customShort("e"), help: ArgumentHelp("Code to run instead of a file.", valueName: "code"))
    var code: String?

    @Argument(parsing: .captureForPassthrough,
              help: "The script to run ('-' reads standard input), then its arguments.")
    var arguments: [String] = []

    func run() throws {
        // The script's arguments are passed through untouched, so `run --help` is caught here.
        if let first = arguments.first, first == "--help" || first == "-h" {
            throw CleanExit.helpRequest(self)
        }
        // Script arguments are captured untouched, so an unknown option before the script lands
        // here: say so rather than look for a file called `--bogus`.
        if code == nil, let first = arguments.first, first.hasPrefix("-"), first != "-" {
            let near = Suggestion.closest(first, among: OptionPlacement.run.flatMap(\.names)).map { "; did you mean '\($0)'?" }
            throw ValidationError("unknown option '\(first)'" + (near ?? "; `barrack --help` lists the options"))
        }
        if code == nil, arguments.isEmpty, Terminal(descriptor: 0).isTerminal {
            let environment: ScriptEnvironment
            do {
                environment = try ScriptEnvironment.open(global)
            } catch {
                StandardStreams.writeError("barrack: \(error)\n")
                throw ExitCode(1)
            }
            let status = REPL(interpreter: environment.interpreter).run()
            environment.reportLeftRunning()
            environment.close()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let source: Source
        var scriptArguments = arguments
        if let code {
            source = Source(name: "<-e>", text: code)
        } else if let first = arguments.first, first != "-" {
            scriptArguments.removeFirst()
            do {
                source = try Source.read(path: first)
            } catch {
                StandardStreams.writeError("barrack: \(RunCommand.unknownCommand(first) ?? "\(error)")\n")
                throw ExitCode(2)
            }
        } else {
            if arguments.first == "-" { scriptArguments.removeFirst() }
            source = Source(name: "<stdin>", bytes: StandardInput.readAll())
        }
        let status = ScriptRunner(options: global, limits: limits).run(source, arguments: scriptArguments)
        if status != 0 { throw ExitCode(status) }
    }
}

extension RunCommand {
    /// For a word that is no file and looks like a mistyped command rather than a path
    /// (`barrack instnces`): `unknown command 'instnces'; did you mean 'instances'?`. Nil for
    /// anything with a `/` or a `.`, which is a path that does not exist.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.contains("/"), !word.contains(".") else { return nil }
        let commands = Platform.commands.map(\.name) + UsageSuggestion.subcommandNames(of: BarrackCommand.self)
        guard let near = Suggestion.closest(word, among: commands) else { return nil }
        return "unknown command '\(word)'; did you mean '\(near)'? (no file '\(word)' either; `barrack --help` lists the commands)"
    }
}
