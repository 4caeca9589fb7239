import Foundation
import Testing

/// Issue 12: the canary key never reaches the REPL's history or any file of its home, and `env`
/// shows it as `<redacted>`.
@Suite(.serialized)
struct REPLSecretCanaryTests {
    @Test func theCanaryKeyNeverReachesTheHistory() throws {
        let home = try TerminalSession.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let canary = "brk_canary_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var environment = TerminalSession.environment(home: home)
        environment["BARRACK_API_KEY"] = canary
        let session = try TerminalSession(arguments: ["run", "--sandbox"], environment: environment)
        try session.expect("barrack> ")
        session.send("env(\"BARRACK_API_KEY\")\r")
        try session.expect("\n\"<redacted>\"\nbarrack> ")
        session.send("let pasted = \"\(canary)\"\r")
        try session.expect("barrack> ")
        session.send("pasted.len()\r")
        try session.expect("\n\(canary.count)\nbarrack> ")
        session.send("print \"kept\"\r")
        try session.expect("kept\nbarrack> ")
        session.send("\u{4}")
        _ = try session.waitForExit()

        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: home)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: home + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(name)
            }
        }
        let history = files.filter { $0.contains("history") }
        #expect(!history.isEmpty, "the REPL wrote no history: \(files)")
        for name in files {
            let text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: home + "/" + name))) ?? Data(), as: UTF8.self)
            #expect(!text.contains(canary), "the canary key is in \(name)")
            if name.contains("history") { #expect(text.contains("print \"kept\""), "\(name): \(text)") }
        }
    }
}
