import ArgumentParser
import BarrackScript

/// `barrack help [TOPIC]`: the built-ins by group, or one built-in, a command's usage, or a page of
/// `HelpTopic` (`barrack help api`).
struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Explain a built-in (barrack help deploy), a statement (barrack help wait), a command (barrack help run) or the API (barrack help api)."
    )

    @Argument(help: "A built-in, a method, a keyword, a command or api.")
    var topic: String?

    func run() throws {
        let builtins = ScriptEnvironment.detachedInterpreter().builtins
        guard let topic else {
            StandardStreams.write(BarrackCommand.helpMessage() + "\n\nBuilt-ins:\n" + HelpText.overview(builtins))
            StandardStreams.flush()
            return
        }
        if let text = HelpText.text(forTopic: topic, builtins: builtins) {
            StandardStreams.write(text)
        } else if let command = BarrackCommand.configuration.subcommands.first(where: { $0._commandName == topic }) {
            StandardStreams.write(command.helpMessage() + "\n")
        } else if let page = HelpTopic.pages[topic] {
            StandardStreams.write(page)
        } else {
            StandardStreams.flush()
            StandardStreams.writeError("barrack: no built-in, command or topic named '\(topic)'; `barrack help` lists them\n")
            throw ExitCode(2)
        }
        StandardStreams.flush()
    }
}
