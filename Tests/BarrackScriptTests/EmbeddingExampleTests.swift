import BarrackScript
import Foundation
import XCTest

/// docs/EMBEDDING.md's host, run as a test. The document quotes the lines between the markers
/// below; `testTheDocumentQuotesThisProgram` fails when the two drift apart.
final class EmbeddingExampleTests: XCTestCase {
    // BEGIN EMBEDDING EXAMPLE
    /// Runs a script with a host built-in, limits, a time-out from another thread and its output
    /// captured; returns what it printed and how it ended.
    func runEmbeddedScript() throws -> (output: String, ending: String) {
        let interpreter = Interpreter(capabilities: [])   // no env, input, exit or file imports
        interpreter.register(BuiltinFunction(name: "greet", parameters: [.required("name", "string")],
                                             help: BuiltinHelp(summary: "A greeting.")) { call in
            .string("hello, \(try call.string(0))")
        })
        let program = try interpreter.compile(Source(name: "demo.brk", text: """
            print greet("host")
            let n = 0
            while true { n += 1 }
            """))

        final class Captured: @unchecked Sendable { var text = "" }   // written under the lock
        let captured = Captured()
        let thread = ScriptThread(interpreter)
        thread.stepLimit = 500_000_000          // STEP_LIMIT after this many iterations and calls
        thread.maxCallDepth = 200               // RECURSION_LIMIT beyond this many nested calls
        thread.print = { captured.text += $0 }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { thread.cancel() }

        var ending = "finished"
        ThreadLauncher.runAndWait {             // a thread with a stack for deep recursion
            do { try interpreter.run(program, on: thread) } catch let error as ErrorObject {
                ending = error.code             // "INTERRUPTED"; error.report has where and why
            } catch { ending = "\(error)" }
        }
        return (captured.text, ending)
    }
    // END EMBEDDING EXAMPLE

    func testTheHostCapturesOutputAndCancelsTheRun() throws {
        let (output, ending) = try runEmbeddedScript()
        XCTAssertEqual(output, "hello, host\n")
        XCTAssertEqual(ending, "INTERRUPTED")
    }

    func testTheDocumentQuotesThisProgram() throws {
        let here = URL(fileURLWithPath: #filePath)
        let test = try String(contentsOf: here, encoding: .utf8)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/EMBEDDING.md"), encoding: .utf8)
        let begin = test.range(of: "    // BEGIN EMBEDDING EXAMPLE\n")
        let end = test.range(of: "    // END EMBEDDING EXAMPLE\n")
        let (start, stop) = try (XCTUnwrap(begin).upperBound, XCTUnwrap(end).lowerBound)
        let program = test[start..<stop].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }
            .joined(separator: "\n")
        XCTAssertTrue(document.contains(program), "docs/EMBEDDING.md must quote the example of this test verbatim")
    }
}
