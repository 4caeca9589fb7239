import BarrackScript
import Foundation
import XCTest

/// Ctrl-C and cleanup: an interrupt still runs pending `finally` and `defer` blocks; a second
/// interrupt while they run skips the rest and says so.
final class InterruptCleanupTests: XCTestCase {
    /// Collects what scripts print, and lets a test wait for a line.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ piece: String) { lock.withLock { text += piece } }
        var lines: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }

        /// Waits up to 10 s for `line` to be printed.
        func waitFor(_ line: String) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if lines.contains(line) { return true }
                usleep(10_000)
            }
            return false
        }
    }

    /// Runs `code`, calling `interrupt()` once each time one of `interruptAfter` has been printed.
    private func run(_ code: String, interruptAfter lines: [String]) throws -> (output: [String], failure: ErrorObject?) {
        let interpreter = Interpreter()
        let output = Output()
        interpreter.output = { output.append($0) }
        let program = try interpreter.compile(Source(name: "test", text: code))
        DispatchQueue.global().async {
            for line in lines where output.waitFor(line) { interpreter.interrupt() }
        }
        nonisolated(unsafe) var failure: ErrorObject?
        ThreadLauncher.runAndWait {
            do { try interpreter.run(program) } catch { failure = error as? ErrorObject }
        }
        return (output.lines, failure)
    }

    func testInterruptRunsPendingFinallyAndDeferBlocks() throws {
        let code = """
            defer { print "script defer" }
            fn work() {
              defer { print "function defer" }
              try {
                print "spinning"
                while true { }
              } finally {
                print "finally"
              }
            }
            work()
            """
        let (output, failure) = try run(code, interruptAfter: ["spinning"])
        XCTAssertEqual(output, ["spinning", "finally", "function defer", "script defer"])
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(failure?.message, "interrupted")
    }

    func testSecondInterruptSkipsTheRemainingCleanupAndSaysSo() throws {
        let code = """
            defer { print "script defer" }
            try {
              print "spinning"
              while true { }
            } finally {
              print "slow cleanup"
              while true { }
            }
            """
        let (output, failure) = try run(code, interruptAfter: ["spinning", "slow cleanup"])
        XCTAssertEqual(output, ["spinning", "slow cleanup"])
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(failure?.message, "interrupted again: the remaining finally and defer blocks were skipped")
    }

    func testInterruptInsideCleanupOfAnOrdinaryErrorIsAFirstInterrupt() throws {
        // The cleanup runs because of an error, not an interrupt: Ctrl-C there is the first one,
        // so the outer cleanup still runs.
        let code = """
            try {
              try {
                raise "failed"
              } finally {
                print "slow cleanup"
                while true { }
              }
            } finally {
              print "outer cleanup"
            }
            """
        let (output, failure) = try run(code, interruptAfter: ["slow cleanup"])
        XCTAssertEqual(output, ["slow cleanup", "outer cleanup"])
        XCTAssertEqual(failure?.code, "INTERRUPTED")
        XCTAssertEqual(failure?.message, "interrupted")
    }

    func testTheNextProgramRunsItsCleanupAgain() throws {
        let interpreter = Interpreter()
        let output = Output()
        interpreter.output = { output.append($0) }
        let spin = try interpreter.compile(Source(name: "spin", text: """
            try { print "a"; while true { } } finally { print "b"; while true { } }
            """))
        DispatchQueue.global().async {
            for line in ["a", "b"] where output.waitFor(line) { interpreter.interrupt() }
        }
        ThreadLauncher.runAndWait { _ = try? interpreter.run(spin) }
        let next = try interpreter.compile(Source(name: "next", text: "try { raise \"x\" } finally { print \"c\" }"))
        ThreadLauncher.runAndWait { _ = try? interpreter.run(next) }
        XCTAssertEqual(output.lines, ["a", "b", "c"])
    }
}
