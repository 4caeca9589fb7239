import Foundation
import XCTest

/// `barrack disassemble FILE`: the VM's bytecode with the source lines above it.
final class DisassembleCommandTests: XCTestCase {
    private func disassemble(_ code: String?, name: String = "shown.brk") throws -> ScriptRun? {
        guard let binary = TestPaths.binary() else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if let code { try code.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return ScriptRun.execute(binary: binary, arguments: ["disassemble", name], in: folder, timeout: 20)
    }

    func testEveryFunctionIsListedUnderItsSourceLines() throws {
        guard let run = try disassemble("fn twice(x) {\n  return x * 2\n}\nprint twice(21)\n") else { return }
        XCTAssertEqual(run.status, 0, run.standardError)
        let text = run.standardOutput
        XCTAssertTrue(text.contains("function <script> at shown.brk:1:"), text)
        XCTAssertTrue(text.contains("function twice (x) at shown.brk:1:"), text)
        XCTAssertTrue(text.contains("; 2 | return x * 2"), text)
        XCTAssertTrue(text.contains("multiply") && text.contains("r0 * 2"), text)
        XCTAssertTrue(text.contains("returnValue"), text)
        XCTAssertFalse(text.contains("42"), "disassembling runs nothing")
    }

    func testFallingOffTheEndIsListedUnderTheLastLine() throws {
        guard let run = try disassemble("# A comment first.\nfn noop() {\n  let x = 1\n}\nprint noop()\n") else { return }
        XCTAssertEqual(run.status, 0, run.standardError)
        let lines = run.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // The script's implicit `return nil` sits under its last line, a function's under its `}`.
        let scriptEnd = try XCTUnwrap(lines.firstIndex { $0.contains("returnValue") })
        XCTAssertEqual(lines[..<scriptEnd].last { $0.hasPrefix(";") }, "; 5 | print noop()", run.standardOutput)
        XCTAssertFalse(run.standardOutput.contains("; 1 | # A comment first."), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("; 4 | }"), run.standardOutput)
    }

    func testAScriptWithErrorsIsReportedNotListed() throws {
        guard let run = try disassemble("print nosuch\n") else { return }
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.standardError.contains("shown.brk:1:7: error: NAME_ERROR: unknown name 'nosuch'"), run.standardError)
        XCTAssertEqual(run.standardOutput, "")
    }

    func testAMissingFileExitsTwo() throws {
        guard let run = try disassemble(nil, name: "missing.brk") else { return }
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("missing.brk"), run.standardError)
    }
}
