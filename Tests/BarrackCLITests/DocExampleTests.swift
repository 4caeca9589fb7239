import Foundation
import XCTest

/// The examples of the documentation run. A fenced block marked ```` ```brk ```` in README.md or
/// docs/ is a whole script: it must run to its end with `--dry-run` on a fresh sandbox, printing
/// no error. Every example of docs/BUILTINS.md (a block without a mark, one per built-in) must
/// parse. docs/LANGUAGE.md once showed `"{} of {}".format(1, 2)`, which does not parse.
final class DocExampleTests: XCTestCase {
    /// One fenced block: where it starts, its mark (`brk`, `sh`, or empty) and its text.
    struct Block {
        let file: String
        let line: Int
        let mark: String
        let text: String
    }

    static func blocks(in relativePath: String) throws -> [Block] {
        let text = try String(contentsOf: TestPaths.root.appendingPathComponent(relativePath), encoding: .utf8)
        var blocks: [Block] = []
        var open: (line: Int, mark: String, lines: [Substring])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let current = open {
                    blocks.append(Block(file: relativePath, line: current.line, mark: current.mark,
                                        text: current.lines.joined(separator: "\n") + "\n"))
                    open = nil
                } else {
                    open = (index + 1, String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
                }
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    func testEveryScriptExampleRunsToItsEnd() throws {
        let examples = try Self.documents.flatMap { try Self.blocks(in: $0) }.filter { $0.mark == "brk" }
        XCTAssertGreaterThanOrEqual(examples.count, 5, "expected the script examples of README.md and docs/ marked ```brk")
        guard let binary = TestPaths.binary() else { return }
        let failures = ConcurrentRuns.failures(of: examples.indices.map { $0 }, concurrently: 4) { index in
            let example = examples[index]
            let name = "\(example.file):\(example.line)"
            do {
                let home = try SandboxEnvironment()
                let script = home.folder.appendingPathComponent("example.brk")
                try example.text.write(to: script, atomically: true, encoding: .utf8)
                let run = ScriptRun.execute(binary: binary, script: script, timeout: 30, options: ["--dry-run"],
                                            environment: home.variables())
                var failures: [String] = []
                if run.timedOut || run.status != 0 {
                    failures.append("\(name): expected the example to run to its end, got \(run.timedOut ? "a timeout" : "exit status \(run.status)"): \(run.standardError)")
                }
                for line in run.standardError.split(separator: "\n")
                where !SandboxEnvironment.isSandboxNotice(line) && !line.hasPrefix("dry run:") {
                    failures.append("\(name): expected no error output, got \"\(line)\"")
                }
                return failures
            } catch {
                return ["\(name): expected a fresh sandbox folder, got \(error)"]
            }
        }
        for failure in failures { XCTFail(failure) }
    }

    func testEveryBuiltInExampleParses() throws {
        let examples = try Self.blocks(in: "docs/BUILTINS.md").filter { $0.mark.isEmpty }
        XCTAssertGreaterThan(examples.count, 50, "expected one example per built-in in docs/BUILTINS.md")
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        let failures = ConcurrentRuns.failures(of: examples.indices.map { $0 }, concurrently: 4) { index in
            let example = examples[index]
            let script = home.folder.appendingPathComponent("builtin-\(index).brk")
            do {
                try example.text.write(to: script, atomically: true, encoding: .utf8)
            } catch {
                return ["\(example.file):\(example.line): expected to write the example, got \(error)"]
            }
            let run = ScriptRun.execute(binary: binary, arguments: ["parse", script.path], in: home.folder, timeout: 20,
                                        environment: home.variables())
            return run.status == 0 ? [] : ["\(example.file):\(example.line): expected the example to parse, got \(run.standardError)"]
        }
        for failure in failures { XCTFail(failure) }
    }
}
