import ArgumentParser
import BarrackScript

/// `barrack check FILE…`: reports every syntax and name error, and every call of a built-in that
/// cannot bind, of each file in one pass (`Checker.checkAll`), then a line that counts them; runs
/// nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scripts for errors without running them.",
        discussion: "Silent with exit status 0 when every file is valid; otherwise prints every diagnostic of each file — syntax, names and built-in calls together, in source order — then a line that counts them, and exits 1 (2 when a file cannot be read)."
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
            if !diagnostics.isEmpty {
                Terminal.standardError.write(Diagnostic.report(diagnostics) + "\n" + CheckCommand.countLine(diagnostics, in: path) + "\n")
                if status == 0 { status = 1 }
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension CheckCommand {
    /// The last line of a file's report: `7 errors in two.brk`.
    static func countLine(_ diagnostics: [Diagnostic], in path: String) -> String {
        "\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(path)"
    }
}

/// The reports `barrack check` keeps alive until it exits.
private final class KeptReports {
    var reports: [Checker.Report] = []
}
