import ArgumentParser
import BarrackScript

/// Reading the script a command was given.
enum ScriptFile {
    /// The script at `path`; when it cannot be read, says why on standard error and exits 2.
    static func read(_ path: String) throws -> Source {
        do {
            return try Source.read(path: path)
        } catch {
            Terminal.standardError.write("barrack: \(error)\n")
            throw ExitCode(2)
        }
    }
}
