import Foundation
import XCTest

/// Issue 14's cleanup promise, for the real binary: Ctrl-C (SIGINT) during a script that deployed
/// still runs its pending `finally` and `defer` blocks, which release what it made; a second
/// Ctrl-C while they run skips the rest and says so.
final class InterruptCleanupCLITests: XCTestCase {
    /// Starts `barrack run --verbose FILE`, sends SIGINT each time standard error shows the next of
    /// `marks`, and returns the finished run.
    private func run(_ script: String, interruptAfter marks: [String], home: SandboxEnvironment) throws
        -> (status: Int32, output: String, error: String) {
        guard let binary = TestPaths.binary() else { throw XCTSkip("no binary") }
        let file = home.folder.appendingPathComponent("cleanup.brk")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--verbose", file.path]
        process.environment = home.variables()
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let errorText = LockedText()
        error.fileHandleForReading.readabilityHandler = { handle in errorText.append(handle.availableData) }
        try process.run()
        // Each mark is looked for after the place where the one before it was seen.
        var seen = 0
        let deadline = Date().addingTimeInterval(60)
        for mark in marks {
            while process.isRunning, Date() < deadline {
                let text = errorText.text
                let rest = text.utf8.dropFirst(seen)
                if let found = String(decoding: rest, as: UTF8.self).range(of: mark) {
                    seen += String(decoding: rest, as: UTF8.self)[..<found.upperBound].utf8.count
                    process.interrupt()
                    break
                }
                usleep(20_000)
            }
        }
        let stopped = Date().addingTimeInterval(30)
        while process.isRunning, Date() < stopped { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        error.fileHandleForReading.readabilityHandler = nil
        errorText.append(error.fileHandleForReading.readDataToEndOfFile())
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? output.fileHandleForReading.close()
        try? error.fileHandleForReading.close()
        return (process.terminationStatus, printed, errorText.text)
    }

    /// Issue 27: a run stopped by Ctrl-C says what it leaves billing, as one that ends does.
    func testCtrlCSaysWhatTheRunLeavesRunning() throws {
        let home = try SandboxEnvironment()
        let script = """
            deploy gpu: L40 x 1 in CANADA-1 name: "left-1"
            print balance().currency
            while true { }
            """
        let run = try run(script, interruptAfter: ["/api/balance/"], home: home)
        XCTAssertEqual(run.status, 130, run.error)
        XCTAssertTrue(run.error.hasSuffix("barrack: left running: 1 instance, 1.19 USD/h (barrack leftovers)\n"), run.error)
    }

    func testCtrlCRunsTheFinallyAndDeferThatReleaseADeployedInstance() throws {
        let home = try SandboxEnvironment()
        let script = """
            let vm = deploy gpu: L40 x 1 in CANADA-1 name: "cleanup-1"
            defer {
              delete_instance vm
              print "defer deleted" instance(vm).status
            }
            wait until instance(vm).status == ACTIVE timeout 10m every 10s
            try {
              print balance().currency
              while true { }
            } finally {
              print "finally ran"
            }
            """
        let run = try run(script, interruptAfter: ["/api/balance/"], home: home)
        XCTAssertEqual(run.status, 130, run.error)
        XCTAssertTrue(run.error.contains("INTERRUPTED"), run.error)
        XCTAssertEqual(run.output, "USD\nfinally ran\ndefer deleted DELETING\n", run.error)
        // A new process sees the instance going away: nothing is left billing.
        let check = ScriptRun.execute(binary: try XCTUnwrap(TestPaths.binary()),
                                      arguments: ["run", "-e", "print instances().map(fn(v) v.name + \" \" + v.status)"],
                                      in: home.folder, timeout: 30, environment: home.variables())
        XCTAssertEqual(check.standardOutput, "[\"cleanup-1 DELETING\"]\n", check.standardError)
    }

    func testASecondCtrlCSkipsTheRemainingCleanupAndSaysSo() throws {
        let home = try SandboxEnvironment()
        let script = """
            defer { print "outer defer" }
            try {
              print balance().currency
              while true { }
            } finally {
              print len(regions())
              while true { }
            }
            """
        let run = try run(script, interruptAfter: ["/api/balance/", "/api/regions/"], home: home)
        XCTAssertEqual(run.status, 130, run.error)
        XCTAssertTrue(run.error.contains("interrupted again: the remaining finally and defer blocks were skipped"), run.error)
        XCTAssertFalse(run.output.contains("outer defer"), run.output)
    }
}

/// Text appended from a reading thread and read by the test.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
