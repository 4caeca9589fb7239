import Foundation
import XCTest

/// The fish completion script: its added lines, and where fish is installed, what fish offers on
/// Tab (`complete -C`, which prints the candidates for a command line as fish's Tab would).
final class FishCompletionTests: XCTestCase {
    private var barrack: BarrackShell!
    private let fish = "/usr/bin/fish"

    override func setUpWithError() throws {
        barrack = try BarrackShell()
    }

    private func script() throws -> URL {
        let run = barrack("--generate-completion-script", "fish")
        XCTAssertEqual(run.status, 0, run.standardError)
        let file = barrack.home.folder.appendingPathComponent("barrack.fish")
        try run.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The words fish offers for `line` (descriptions dropped), with `files` in the current folder.
    private func fishCompletions(_ line: String, files: [String] = []) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: fish) else { throw XCTSkip("fish is not installed") }
        let file = try script()
        let folder = barrack.home.folder
        for name in files {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        let run = ScriptRun.execute(binary: URL(fileURLWithPath: fish),
                                    arguments: ["--no-config", "-c", "source \(file.path); complete -C '\(line)'"],
                                    in: folder, timeout: 30, environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.standardError)
        return run.standardOutput.split(separator: "\n")
            .map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") }.sorted()
    }

    func testTheScriptAddsVerbsOptionsAndValues() throws {
        let text = try String(contentsOf: script(), encoding: .utf8)
        for expected in ["complete -c barrack -n 'not __barrack_first_word' -f -a 'deploy' -d '",
                         "complete -c barrack -n '__barrack_verb_is deploy' -l region -x -a 'FINLAND-1 ",
                         "complete -c barrack -n '__barrack_verb_is delete-instance' -l yes",
                         "complete -c barrack -n '__barrack_is_script' -F"] {
            XCTAssertTrue(text.contains(expected), "expected '\(expected)' in the fish script")
        }
        if FileManager.default.isExecutableFile(atPath: fish) {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: fish)
            check.arguments = ["--no-config", "-n", try script().path]
            try check.run()
            check.waitUntilExit()
            XCTAssertEqual(check.terminationStatus, 0, "fish -n finds the script malformed")
        }
    }

    func testTheFirstWordCompletesVerbsSubcommandsAndFiles() throws {
        XCTAssertEqual(try fishCompletions("barrack ins", files: ["instances.txt", "install.brk"]),
                       ["install.brk", "instance", "instance-billing", "instance-firewalls", "instances", "instances.txt"])
        XCTAssertTrue(try fishCompletions("barrack sa").contains("sandbox"))
    }

    func testAVerbCompletesItsOptionsAndTheirValues() throws {
        XCTAssertEqual(try fishCompletions("barrack deploy --re"), ["--region"])
        XCTAssertTrue(try fishCompletions("barrack deploy --").contains("--wait"))
        XCTAssertEqual(try fishCompletions("barrack deploy --region FIN"), ["FINLAND-1", "FINLAND-2", "FINLAND-3"])
        XCTAssertEqual(try fishCompletions("barrack instances --output y"), ["yaml"])
        XCTAssertEqual(try fishCompletions("barrack delete-instance --y"), ["--yes"])
        XCTAssertEqual(try fishCompletions("barrack deploy FIN"), [], "a verb's words are options, not files")
    }

    func testAScriptCompletesFileNames() throws {
        XCTAssertEqual(try fishCompletions("barrack train.brk da", files: ["train.brk", "data.csv"]), ["data.csv"])
    }
}
