import ArgumentParser
import BarrackScript

/// `barrack builtins`: every built-in, as a list, JSON or the Markdown reference.
struct BuiltinsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builtins",
        abstract: "List every built-in, with the API operation each calls."
    )

    @Flag(help: "Print JSON: name, group, summary, operation, method, path and parameters of each built-in.")
    var json = false

    @Flag(help: "Print the Markdown reference (docs/BUILTINS.md).")
    var markdown = false

    func run() throws {
        let builtins = ScriptEnvironment.detachedInterpreter().builtins
        if json {
            StandardStreams.write(BuiltinReference.json(builtins) + "\n")
        } else if markdown {
            StandardStreams.write(BuiltinReference.markdown(builtins))
        } else {
            StandardStreams.write(HelpText.overview(builtins))
        }
        StandardStreams.flush()
    }
}
