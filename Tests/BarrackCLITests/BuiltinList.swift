import Foundation

/// The built-ins as `barrack builtins --json` lists them.
enum BuiltinList {
    struct Entry: Decodable {
        let name: String
        let operation: String?
    }

    /// Every built-in the binary lists.
    static func all(binary: URL) throws -> [Entry] {
        let run = ScriptRun.execute(binary: binary, arguments: ["builtins", "--json"], in: TestPaths.root, timeout: 20)
        guard run.status == 0 else {
            throw ServerStartError(description: "barrack builtins --json failed with \(run.status): \(run.standardError)")
        }
        return try JSONDecoder().decode([Entry].self, from: Data(run.standardOutput.utf8))
    }

    /// The built-ins that call a platform operation.
    static func platformBuiltins(binary: URL) throws -> [Entry] {
        try all(binary: binary).filter { $0.operation != nil }
    }
}
