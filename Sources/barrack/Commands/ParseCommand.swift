import ArgumentParser
import BarrackScript

/// `barrack parse FILE`: prints the syntax tree.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print a script's syntax tree."
    )

    @Argument(help: "The script to parse.", completion: .file())
    var file: String

    func run() throws {
        let source: Source
        do {
            source = try Source.read(path: file)
        } catch {
            Terminal.standardError.write("barrack: \(error)\n")
            throw ExitCode(2)
        }
        let (statements, diagnostics) = Parser.parse(source)
        Terminal.standardOutput.write(ASTPrinter.print(statements, source: source))
        for diagnostic in diagnostics {
            Terminal.standardError.write(diagnostic.description + "\n")
        }
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }
}
