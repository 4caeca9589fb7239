import ArgumentParser
import BarrackScript

/// `barrack parse FILE`: prints the syntax tree, or with `--source` the script in canonical layout.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print a script's syntax tree.",
        discussion: """
            With --source, prints the tree back as source in one canonical layout (two-space \
            indents, parentheses only where needed); parsing that text gives the same tree. \
            Comments and blank lines are not part of the tree and are not printed.
            """
    )

    @Argument(help: "The script to parse.", completion: .file())
    var file: String

    @Flag(name: .customLong("source"), help: "Print the script in canonical layout instead of the tree (comments are dropped).")
    var printsSource = false

    func run() throws {
        let source = try ScriptFile.read(file)
        let (statements, diagnostics) = Parser.parse(source)
        let text = printsSource ? SourcePrinter.print(statements) : ASTPrinter.print(statements, source: source)
        Terminal.standardOutput.write(text)
        if !diagnostics.isEmpty {
            Terminal.standardError.write(Diagnostic.report(diagnostics) + "\n")
            throw ExitCode(1)
        }
    }
}
