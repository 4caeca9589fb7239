import Foundation
import XCTest

/// A Ctrl-C the script never sees — here while its last statement waits in `input()`, which a
/// Ctrl-C does not cut short — ends the run with status 130, its output kept. It once exited 0.
final class InterruptAtExitTests: XCTestCase {
    func testACtrlCDuringTheLastStatementExitsWith130AndKeepsTheOutput() throws {
        let binary = try XCTUnwrap(TestPaths.binary())
        let home = try SandboxEnvironment()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["-e", "print \"before\"\nlet line = input()"]
        process.currentDirectoryURL = home.folder
        process.environment = home.variables()
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        defer {
            try? output.fileHandleForReading.close()
            try? input.fileHandleForWriting.close()
        }
        try process.run()
        // "before" is flushed before input() waits, so once it is read the script is waiting.
        let first = output.fileHandleForReading.availableData
        XCTAssertEqual(String(decoding: first, as: UTF8.self), "before\n")
        process.interrupt()
        usleep(300_000)
        XCTAssertTrue(process.isRunning, "a Ctrl-C does not cut a blocking read short")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(output.fileHandleForReading.readDataToEndOfFile().count, 0)
    }
}
