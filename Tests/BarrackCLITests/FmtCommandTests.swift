import Foundation
import XCTest

/// `barrack fmt [--check] [--diff] FILE…`: the formatter on files, for people and for CI.
final class FmtCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "let   a=1   # one\nprint(a)\n".write(to: folder.appendingPathComponent("messy.brk"), atomically: true, encoding: .utf8)
        try "let a = 1 # one\nprint(a)\n".write(to: folder.appendingPathComponent("tidy.brk"), atomically: true, encoding: .utf8)
        try "let = 1\n".write(to: folder.appendingPathComponent("broken.brk"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func fmt(_ arguments: String...) -> ScriptRun? {
        guard let binary = TestPaths.binary() else { return nil }
        return ScriptRun.execute(binary: binary, arguments: ["fmt"] + arguments, in: folder, timeout: 20)
    }

    private func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func testCheckListsTheFilesThatWouldChangeExitsOneAndWritesNothing() throws {
        guard let run = fmt("--check", "messy.brk", "tidy.brk") else { return }
        XCTAssertEqual(run.status, 1, run.standardError)
        XCTAssertEqual(run.standardOutput, "messy.brk\n")
        XCTAssertEqual(try text("messy.brk"), "let   a=1   # one\nprint(a)\n")
        XCTAssertEqual(fmt("--check", "tidy.brk")?.status, 0)
    }

    func testDiffPrintsTheChangeAsAUnifiedDiff() throws {
        guard let run = fmt("--diff", "messy.brk") else { return }
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, """
            --- messy.brk
            +++ messy.brk (formatted)
            @@ -1,2 +1,2 @@
            -let   a=1   # one
            +let a = 1 # one
             print(a)

            """)
        XCTAssertEqual(try text("messy.brk"), "let   a=1   # one\nprint(a)\n")
    }

    func testWithoutFlagsTheFileIsRewrittenInPlace() throws {
        guard let run = fmt("messy.brk", "tidy.brk") else { return }
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertEqual(run.standardOutput, "")
        XCTAssertEqual(try text("messy.brk"), "let a = 1 # one\nprint(a)\n")
    }

    func testAFileWithSyntaxErrorsIsLeftAloneWithItsErrorsAndExitTwo() throws {
        guard let run = fmt("broken.brk", "messy.brk") else { return }
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.standardError.contains("broken.brk:1:5: error:"), run.standardError)
        XCTAssertEqual(try text("broken.brk"), "let = 1\n")
        XCTAssertEqual(try text("messy.brk"), "let a = 1 # one\nprint(a)\n", "the other files are formatted")
        XCTAssertEqual(fmt("missing.brk")?.status, 2)
    }
}
