import ArgumentParser
import BarrackScript

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `barrack` command: runs scripts, checks them, serves the sandbox, runs the platform's
/// operations as verbs (`barrack instances`), or opens the REPL.
@main
struct BarrackCommand: ParsableCommand {
    // Made once: the argument parser reads it many times per start, and its text lists every verb.
    static let configuration: CommandConfiguration = {
        CommandConfiguration(
            commandName: "barrack",
            abstract: "Barrack Script: automate the Barrack GPU cloud.",
            usage: """
                barrack [FILE [ARGS…]] [-e CODE] [--sandbox] [--output FORMAT] […]
                  barrack VERB [ARGUMENTS] [--output table|json|yaml] [--columns A,B] [--no-header]
                  barrack <subcommand>
                """,
            discussion: """
                With no file and a terminal, opens the REPL. Exit status: 0 ok, 1 runtime error, \
                2 usage or syntax error, 130 interrupted.

                barrack's own options go before or after the script's name (barrack two.brk \
                --dry-run). Everything after -- goes to the script as its args, and so does an \
                option after the script's name that barrack does not know.

                VERBS (each platform built-in; `barrack VERB --help` shows its options):
                \(VerbHelp.overview())
                """,
            version: BarrackScript.version,
            subcommands: subcommands,
            defaultSubcommand: RunCommand.self
        )
    }()

    /// The subcommands, apart from the configuration: their names are read at every start
    /// (`OptionPlacement`), and the configuration's text lists every verb.
    static let subcommands: [any ParsableCommand.Type] = [
        RunCommand.self, PlanCommand.self, CostsCommand.self, LeftoversCommand.self, GPUsCommand.self, CheckCommand.self, FmtCommand.self, LspCommand.self, ParseCommand.self, DisassembleCommand.self, BuiltinsCommand.self, HelpCommand.self,
        SandboxCommand.self,
        PlaygroundCommand.self,
    ]

    /// Verbs first (`barrack instances`), then the subcommands; a usage mistake exits with 2, as
    /// the README says, not ArgumentParser's 64.
    static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        if let (verb, index) = VerbDispatch.find(in: words) {
            let status = InterruptForwarder.exitStatus(VerbRunner(verb: verb, globalWords: Array(words[..<index])).run(Array(words[(index + 1)...])))
            StandardStreams.flush()
            BarrackCommand.exit(withError: status == 0 ? nil : ExitCode(status))
        }
        if words.count == 2, words[0] == "--generate-completion-script", let script = CompletionScript.text(for: words[1]) {
            StandardStreams.write(script)
            StandardStreams.flush()
            BarrackCommand.exit()
        }
        if words == ["--help"] || words == ["-h"] {
            StandardStreams.write(RootHelp.text() + "\n")
            StandardStreams.flush()
            BarrackCommand.exit()
        }
        do {
            if let command = FastRunLine.command(for: words) {
                try command.run()
            } else {
                // barrack's own options may also follow the script's name (OptionPlacement).
                var command = try parseAsRoot(OptionPlacement.arranged(words))
                try command.run()
            }
        } catch let status as ExitCode {
            // Said already (a script's error, a refused file): only the status is left to give.
            // ArgumentParser would build every command's usage text to print nothing.
            StandardStreams.flush()
            endProcess(status.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStreams.flush()
                StandardStreams.writeError(UsageSuggestion.withSuggestion(fullMessage(for: error), words: words) + "\n")
                BarrackCommand.exit(withError: ExitCode(2))
            }
            BarrackCommand.exit(withError: error)
        }
        // A Ctrl-C that landed while the command was ending: its output is out, the status is 130.
        StandardStreams.flush()
        let status = InterruptForwarder.exitStatus(0)
        BarrackCommand.exit(withError: status == 0 ? nil : ExitCode(status))
    }
}

/// Ends the process with `status` (inside `BarrackCommand`, `exit` names ArgumentParser's).
private func endProcess(_ status: Int32) -> Never {
    exit(status)
}
