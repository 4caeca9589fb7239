import Foundation
import XCTest

/// The helpers that run the binary close what they open: the suite runs hundreds of scripts and
/// servers in one process, and with hundreds of descriptors open Foundation's `Process.run()`
/// crashed it (docs/RELIABILITY.md, "A crash in Foundation's `Process.run()` under the tests").
final class DescriptorLeakTests: XCTestCase {
    private func openDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    func testRunningScriptsAndServersLeavesNoDescriptorsOpen() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/fd") else {
            throw XCTSkip("no /proc/self/fd on this system")
        }
        guard let binary = TestPaths.binary() else { return }
        // The first spawn and the first server open what Foundation keeps for every later one.
        _ = ScriptRun.execute(binary: binary, arguments: ["-e", "print 1"], in: FileManager.default.temporaryDirectory,
                              timeout: 30)
        try SandboxServerProcess(binary: binary, options: [], timeout: 30).stop()
        let before = try openDescriptors()
        for _ in 0..<20 {
            let run = ScriptRun.execute(binary: binary, arguments: ["-e", "print 1"],
                                        in: FileManager.default.temporaryDirectory, timeout: 30)
            XCTAssertEqual(run.standardOutput, "1\n", run.standardError)
        }
        for _ in 0..<3 {
            let server = try SandboxServerProcess(binary: binary, options: [], timeout: 30)
            XCTAssertEqual(server.stop(), 0)
        }
        // Before the helpers closed their pipes, these runs left 40 descriptors open; one
        // or two may come and go with the runtime's own threads.
        XCTAssertLessThanOrEqual(try openDescriptors() - before, 4)
    }
}
