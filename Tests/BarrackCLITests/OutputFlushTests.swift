import Foundation
import XCTest

/// Output into a pipe reaches the reader before a wait: `print "step 1"; sleep 3s` once showed
/// its line in `tee` or a CI log only when the script ended.
final class OutputFlushTests: XCTestCase {
    /// The first piece of standard output of `barrack -e code`, how long it took to come, and
    /// whether the script was still running then; then the rest of the output.
    private func firstOutput(of code: String) throws -> (first: String, seconds: Double, wasRunning: Bool, rest: String) {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["-e", code]
        process.currentDirectoryURL = home.folder
        process.environment = home.variables()
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        defer { try? output.fileHandleForReading.close() }
        let start = Date()
        try process.run()
        try? output.fileHandleForWriting.close()
        let first = output.fileHandleForReading.availableData
        let seconds = Date().timeIntervalSince(start)
        let wasRunning = process.isRunning
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: first, as: UTF8.self), seconds, wasRunning, String(decoding: rest, as: UTF8.self))
    }

    func testALineReachesAPipeBeforeASleep() throws {
        let run = try firstOutput(of: "print \"step 1\"\nsleep 3s\nprint \"step 2\"")
        XCTAssertEqual(run.first, "step 1\n")
        XCTAssertTrue(run.wasRunning, "the line came only when the script ended")
        XCTAssertLessThan(run.seconds, 2.5)
        XCTAssertEqual(run.rest, "step 2\n")
    }

    func testALineReachesAPipeBeforeAWaitPauses() throws {
        let run = try firstOutput(of: "let start = now()\nprint \"waiting\"\nwait until now() > start + 2 every 1s\nprint \"done\"")
        XCTAssertEqual(run.first, "waiting\n")
        XCTAssertTrue(run.wasRunning, "the line came only when the script ended")
        XCTAssertEqual(run.rest, "done\n")
    }
}
