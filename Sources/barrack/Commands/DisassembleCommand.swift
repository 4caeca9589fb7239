import ArgumentParser
import BarrackScript

/// `barrack disassemble FILE`: the register bytecode the VM runs for a script, with its source
/// lines, for people learning how the language runs and for debugging the compiler.
struct DisassembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disassemble",
        abstract: "Print the bytecode the VM runs for a script.",
        discussion: """
            Compiles the script for the register VM (whatever BARRACK_ENGINE says) and prints \
            each function: its registers, cells and captures, then its instructions, each source \
            line above the instructions it became. Runs nothing and calls no platform. \
            docs/DESIGN.md ("The VM") describes the instructions.
            """
    )

    @Argument(help: "The script to disassemble.", completion: .file())
    var file: String

    func run() throws {
        let source = try ScriptFile.read(file)
        let interpreter = ScriptEnvironment.detachedInterpreter(configured: true, engine: .vm)
        let program: Program
        do {
            program = try interpreter.compile(source)
        } catch {
            for diagnostic in error.diagnostics { Terminal.standardError.write(diagnostic.description + "\n") }
            throw ExitCode(1)
        }
        Terminal.standardOutput.write(Disassembler.listing(program) ?? "")
    }
}
