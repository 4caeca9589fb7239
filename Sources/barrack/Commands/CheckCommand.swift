import ArgumentParser
import BarrackScript

/// `barrack check FILE…`: reports every syntax and name error, and every call of a built-in that
/// cannot bind (`Checker.checkCalls`), runs nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts for errors without running them.",
        discussion: "Silent with exit status 0 when every file is valid; otherwise prints every diagnostic and exits 1 (2 when a file cannot be read)."
    )

    @Argument(help: "The scripts to check.", completion: .file())
    var files: [String]

    func run() throws {
        var status: Int32 = 0
        for path in files {
            let source: Source
            do {
                source = try Source.read(path: path)
            } catch {
                Terminal.standardError.write("barrack: \(error)\n")
                status = 2
                continue
            }
            let diagnostics: [Diagnostic]
            let interpreter = ScriptEnvironment.detachedInterpreter(configured: true)
            do {
                _ = try interpreter.compile(source)
                diagnostics = Checker.checkCalls(source, builtins: interpreter.builtins)
            } catch {
                diagnostics = error.diagnostics
            }
            for diagnostic in diagnostics {
                Terminal.standardError.write(diagnostic.description + "\n")
            }
            if !diagnostics.isEmpty, status == 0 { status = 1 }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
