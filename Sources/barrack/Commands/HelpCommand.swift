import ArgumentParser
import BarrackPlatform
import BarrackScript

/// `barrack help [TOPIC…]`: the built-ins by group, or one built-in (with its command-line verb),
/// a command's usage (`barrack help sandbox stock`), or a page of `HelpTopic` (`barrack help api`).
struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Explain a built-in (barrack help deploy), a statement (barrack help wait), a command (barrack help run, barrack help sandbox stock) or the API (barrack help api)."
    )

    @Argument(help: "A built-in, a method, a keyword, a command and its subcommands, or api.")
    var topic: [String] = []

    func run() throws {
        let builtins = ScriptEnvironment.detachedInterpreter().builtins
        guard let first = topic.first else {
            StandardStreams.write(RootHelp.text() + "\n\nBuilt-ins:\n" + HelpText.overview(builtins))
            StandardStreams.flush()
            return
        }
        if topic.count == 1, let text = HelpText.text(forTopic: first, builtins: builtins) {
            StandardStreams.write(text)
            if let note = HelpTopic.featureNotes[first] { StandardStreams.write(note) }
            if let verb = VerbRunner.verb(named: first), builtins.contains(where: { $0.name == first }) {
                StandardStreams.write("\nOn the command line:\n  " + VerbHelp.usage(verb).dropFirst("Usage: ".count) + "\n")
            }
        } else if topic.count == 1, let verb = VerbRunner.verb(named: first) {
            StandardStreams.write(VerbHelp.text(verb))
        } else if let command = HelpCommand.command(at: topic) {
            StandardStreams.write(BarrackCommand.helpMessage(for: command) + "\n")
        } else if topic.count == 1, let page = HelpTopic.pages[first] {
            StandardStreams.write(page)
        } else {
            StandardStreams.flush()
            let parent = HelpCommand.command(at: Array(topic.dropLast())) ?? BarrackCommand.self
            let names = UsageSuggestion.subcommandNames(of: parent)
                + (topic.count == 1 ? builtins.map(\.name) + Platform.commands.map(\.name) + Array(HelpTopic.pages.keys) : [])
            let near = topic.last.flatMap { Suggestion.closest($0, among: names) }.map { "; did you mean '\($0)'?" } ?? ""
            StandardStreams.writeError("barrack: no built-in, command or topic named '\(topic.joined(separator: " "))'\(near); `barrack help` lists them\n")
            throw ExitCode(2)
        }
        StandardStreams.flush()
    }

    /// The command a path of names leads to: `["sandbox", "stock"]`.
    static func command(at path: [String]) -> ParsableCommand.Type? {
        var command: ParsableCommand.Type = BarrackCommand.self
        for name in path {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            command = next
        }
        return command
    }
}
