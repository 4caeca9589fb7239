import Foundation

/// A fresh, empty home for one run of `barrack`: its own data folder (so a new sandbox), config
/// folder (so no developer's config file or API key leaks in) and state folder (so a ledger of its
/// own), removed afterwards.
final class SandboxEnvironment: @unchecked Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("barrack-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// This process's environment without any `BARRACK_` setting, pointed at the fresh folder;
    /// the in-process sandbox's clock stands still (`BARRACK_SANDBOX_SPEED=0`) so that only a
    /// script's own sleeps and waits move it.
    func variables(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BARRACK_") }
        environment["XDG_DATA_HOME"] = folder.path
        environment["XDG_CONFIG_HOME"] = folder.path
        environment["XDG_STATE_HOME"] = folder.path
        environment["BARRACK_SANDBOX_SPEED"] = "0"
        return environment.merging(extra) { _, new in new }
    }

    /// The one line the in-process sandbox writes to standard error when it opens.
    static func isSandboxNotice(_ line: Substring) -> Bool {
        line.hasPrefix("barrack: using the sandbox, a simulated platform")
    }

    /// The line a run that leaves resources ends with (`barrack: left running: 2 instances, …`).
    static func isLeftRunningLine(_ line: Substring) -> Bool {
        line.hasPrefix("barrack: left running: ")
    }
}
