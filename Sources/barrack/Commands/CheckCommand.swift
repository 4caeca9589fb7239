import ArgumentParser
import BarrackScript

/// `barrack check FILE…`: reports every syntax and name error, and every call of a built-in that
/// cannot bind (`Checker.checkAll`), runs nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts for errors without running them.",
        discussion: "Silent with exit status 0 when every file is valid; otherwise prints every diagnostic and exits 1 (2 when a file cannot be read)."
    )

    @Argument(help: "The scripts to check.", completion: .file())
    var files: [String]

    func run() throws {
        // The checked trees are never freed: the process exits right after, and freeing the tree
        // of a large script took a fifth of checking it (docs/PERFORMANCE.md).
        let kept = KeptReports()
        _ = Unmanaged.passRetained(kept)
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
            let interpreter = ScriptEnvironment.detachedInterpreter(configured: true)
            let report = Checker.checkAll(source, in: interpreter)
            kept.reports.append(report)
            let diagnostics = report.diagnostics
            for diagnostic in diagnostics {
                Terminal.standardError.write(diagnostic.description + "\n")
            }
            if !diagnostics.isEmpty, status == 0 { status = 1 }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The reports `barrack check` keeps alive until it exits.
private final class KeptReports {
    var reports: [Checker.Report] = []
}
