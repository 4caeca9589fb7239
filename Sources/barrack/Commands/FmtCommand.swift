import ArgumentParser
import BarrackScript
import BarrackTools
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `barrack fmt [--check] [--diff] FILE…`: rewrites scripts in the canonical layout, keeping their
/// comments and blank lines (`ScriptFormatter`).
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format scripts in the canonical layout, keeping comments.",
        discussion: """
            Rewrites each file in place when its layout changes. With --check, writes nothing, \
            prints the name of each file that would change and exits 1 if any would; with --diff, \
            writes nothing and prints what would change as a unified diff. A file with syntax \
            errors is left alone: its errors are printed and the exit status is 2 (also when a \
            file cannot be read). `-` formats standard input to standard output.
            """
    )

    @Flag(help: "Write nothing; list the files that would change and exit 1 if any would.")
    var check = false

    @Flag(help: "Write nothing; print the changes as a unified diff.")
    var diff = false

    @Argument(help: "The scripts to format, or - for standard input.", completion: .file())
    var files: [String]

    func run() throws {
        var status: Int32 = 0
        for path in files {
            switch format(path) {
            case .unchanged: break
            case .changed: if check, status == 0 { status = 1 }
            case .failed: status = 2
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    private enum Outcome { case unchanged, changed, failed }

    private func format(_ path: String) -> Outcome {
        let source: Source
        do {
            source = path == "-" ? Source(name: "<stdin>", bytes: StandardInput.readAll()) : try Source.read(path: path)
        } catch {
            Terminal.standardError.write("barrack: \(error)\n")
            return .failed
        }
        let formatted: String
        do {
            formatted = try ScriptFormatter.format(source)
        } catch {
            Terminal.standardError.write(Diagnostic.report(error.diagnostics) + "\n")
            return .failed
        }
        let original = String(decoding: source.bytes, as: UTF8.self)
        if path == "-", !check, !diff {
            Terminal.standardOutput.write(formatted)
            return formatted == original ? .unchanged : .changed
        }
        guard formatted != original else { return .unchanged }
        if diff { Terminal.standardOutput.write(UnifiedDiff.text(old: original, new: formatted, path: path)) }
        if check { Terminal.standardOutput.write(path + "\n") }
        if !check, !diff, !FmtCommand.replace(path, with: formatted) {
            Terminal.standardError.write("barrack: cannot write '\(path)': \(String(cString: strerror(errno)))\n")
            return .failed
        }
        return .changed
    }

    /// Writes `text` to a temporary file beside `path` and renames it over `path`, so that a
    /// failed write leaves the script as it was; the file keeps its permissions.
    private static func replace(_ path: String, with text: String) -> Bool {
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        let temporary = path + ".fmt-\(getpid())"
        guard let file = fopen(temporary, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file) == 0
        guard written == bytes.count, closed, chmod(temporary, mode) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
