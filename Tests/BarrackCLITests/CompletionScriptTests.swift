import Foundation
import XCTest

/// The shell completion scripts, driven in a real bash: the completion function is called as bash
/// calls it on Tab, and `COMPREPLY` is read back.
final class CompletionScriptTests: XCTestCase {
    private var barrack: BarrackShell!

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    /// Writes the completion script for `shell` and the empty `files` into the test's folder;
    /// the script's path.
    private func installScript(for shell: String, files: [String]) throws -> URL {
        let script = barrack("--generate-completion-script", shell)
        XCTAssertEqual(script.status, 0, script.standardError)
        let folder = barrack.home.folder
        let scriptFile = folder.appendingPathComponent("barrack." + shell)
        try script.standardOutput.write(to: scriptFile, atomically: true, encoding: .utf8)
        for file in files {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data()))
        }
        return scriptFile
    }

    /// Runs a shell with `arguments` in the test's folder; its output lines, sorted.
    private func shellLines(_ shell: String, _ arguments: [String], environment: [String: String]? = nil) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = arguments
        process.currentDirectoryURL = barrack.home.folder
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        try? output.fileHandleForReading.close()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    /// The words bash offers for the command line `line` (the last word is the one completed).
    private func bashCompletions(_ line: [String], files: [String] = []) throws -> [String] {
        let scriptFile = try installScript(for: "bash", files: files)
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            source \(scriptFile.path)
            COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1)
            _barrack barrack '\(line.last ?? "")' '\(line.count > 1 ? line[line.count - 2] : "")'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        return try shellLines("/bin/bash", ["-c", program])
    }

    func testTheFirstWordCompletesVerbsSubcommandsAndFiles() throws {
        XCTAssertEqual(try bashCompletions(["barrack", "ins"], files: ["instances.txt", "install.brk"]),
                       ["install.brk", "instance", "instance-billing", "instance-firewalls", "instances", "instances.txt"])
        XCTAssertTrue(try bashCompletions(["barrack", "sa"]).contains("sandbox"))
    }

    func testAScriptAndRunCompleteFileNames() throws {
        XCTAssertEqual(try bashCompletions(["barrack", "run", "tr"], files: ["train.brk"]), ["train.brk"])
        XCTAssertEqual(try bashCompletions(["barrack", "check", "tr"], files: ["train.brk"]), ["train.brk"])
        XCTAssertEqual(try bashCompletions(["barrack", "train.brk", "da"], files: ["train.brk", "data.csv"]), ["data.csv"])
    }

    func testAVerbCompletesItsOptionsAndTheirValues() throws {
        let options = try bashCompletions(["barrack", "deploy", "--re"])
        XCTAssertEqual(options, ["--region"])
        XCTAssertTrue(try bashCompletions(["barrack", "deploy", "--"]).contains("--wait"))
        XCTAssertEqual(try bashCompletions(["barrack", "deploy", "--region", "FIN"]), ["FINLAND-1", "FINLAND-2", "FINLAND-3"])
        XCTAssertEqual(try bashCompletions(["barrack", "deploy", "--gpu", "H1"]),
                       ["H100-PCIe-80GB", "H100-PCIe-NVLink-80GB", "H100-SXM5-80GB"])
        XCTAssertEqual(try bashCompletions(["barrack", "instances", "--output", "y"]), ["yaml"])
        XCTAssertEqual(try bashCompletions(["barrack", "delete-instance", "--y"]), ["--yes"])
    }

    func testTheZshScriptKeepsItsShapeAndAddsTheVerbs() {
        let script = barrack("--generate-completion-script", "zsh")
        XCTAssertEqual(script.status, 0, script.standardError)
        XCTAssertTrue(script.standardOutput.hasPrefix("#compdef barrack"), String(script.standardOutput.prefix(40)))
        for expected in ["__barrack_generated() {", "_files", "'delete-instance:Deletes an instance", "deploy:--region) compadd -- FINLAND-1"] {
            XCTAssertTrue(script.standardOutput.contains(expected), "expected '\(expected)' in the zsh script")
        }
        XCTAssertTrue(script.standardOutput.trimmingCharacters(in: .newlines).hasSuffix("    compdef _barrack barrack\nfi"),
                      "the generated ending stays last: \(script.standardOutput.suffix(80))")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") {
            let file = barrack.home.folder.appendingPathComponent("_barrack")
            try? script.standardOutput.write(to: file, atomically: true, encoding: .utf8)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/zsh")
            check.arguments = ["-n", file.path]
            try? check.run()
            check.waitUntilExit()
            XCTAssertEqual(check.terminationStatus, 0, "zsh -n finds the script malformed")
        }
    }

    /// Skips the calling test where fish is missing. Called from the test itself: an `XCTSkip`
    /// thrown inside an assertion's autoclosure counts as a failure, not a skip.
    private func requireFish() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/fish") else {
            throw XCTSkip("fish is not installed (.ci/run installs it)")
        }
    }

    /// The words fish offers for `line` (`complete -C`), without their descriptions.
    private func fishCompletions(_ line: String, files: [String] = []) throws -> [String] {
        let scriptFile = try installScript(for: "fish", files: files)
        let lines = try shellLines("/usr/bin/fish", ["--no-config", "-c", "source \(scriptFile.path); complete -C '\(line)'"],
                                   environment: ["HOME": barrack.home.folder.path, "PATH": "/usr/bin:/bin"])
        return lines.map { String($0.split(separator: "\t").first ?? "") }.sorted()
    }

    func testFishCompletesVerbsTheirOptionsAndValuesAndFiles() throws {
        try requireFish()
        XCTAssertEqual(try fishCompletions("barrack ins", files: ["install.brk"]),
                       ["install.brk", "instance", "instance-billing", "instance-firewalls", "instances"])
        XCTAssertEqual(try fishCompletions("barrack deploy --region FIN"), ["FINLAND-1", "FINLAND-2", "FINLAND-3"])
        XCTAssertTrue(try fishCompletions("barrack deploy --").contains("--wait"))
        XCTAssertTrue(try fishCompletions("barrack delete-instance --").contains("--yes"))
        XCTAssertEqual(try fishCompletions("barrack run tr", files: ["train.brk"]), ["train.brk"])
        XCTAssertTrue(try fishCompletions("barrack sa").contains("sandbox"))
    }
}
