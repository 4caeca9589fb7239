import BarrackScript
import Foundation
import XCTest

/// An import is one file by its resolved path: every spelling of it is one module, and a file
/// that imports itself is a cycle of one, reported in a line (it once recursed on `././x.brk`
/// until the path was too long, an error of 8 KB).
final class ImportPathTests: XCTestCase {
    /// A thread whose imports read `files` and record each path asked for.
    private final class Files: @unchecked Sendable {
        let files: [String: String]
        private let lock = NSLock()
        private var asked: [String] = []
        init(_ files: [String: String]) { self.files = files }
        func read(_ path: String) throws -> Source {
            lock.withLock { asked.append(path) }
            guard let text = files[path] else { throw SourceReadError(path: path, reason: "no such file") }
            return Source(name: path, text: text)
        }
        var paths: [String] { lock.withLock { asked } }
    }

    private func compile(_ main: String, named name: String, files: Files) throws -> Program {
        let interpreter = Interpreter(capabilities: [])
        let thread = ScriptThread(interpreter)
        thread.load = { try files.read($0) }
        return try interpreter.compile(Source(name: name, text: main), on: thread)
    }

    func testAFileThatImportsItselfIsACycleOfOne() {
        let files = Files(["dir/x.brk": "import \"./x.brk\""])
        XCTAssertThrowsError(try compile("import \"./x.brk\"", named: "dir/x.brk", files: files)) { error in
            let diagnostic = (error as? CompileFailure)?.diagnostics.first
            XCTAssertEqual(diagnostic?.code, "IMPORT_ERROR")
            XCTAssertEqual(diagnostic?.message, "import cycle: dir/x.brk → dir/x.brk")
        }
        XCTAssertEqual(files.paths, [], "the cycle is found before the file is read again")
    }

    func testACycleThroughAnotherFileStartsAtTheImportingScript() {
        let files = Files(["a.brk": "import \"b\"", "b.brk": "import \"./a\""])
        XCTAssertThrowsError(try compile("import \"b\"", named: "./a.brk", files: files)) { error in
            XCTAssertEqual((error as? CompileFailure)?.diagnostics.map(\.message), ["import cycle: a.brk → b.brk → a.brk"])
        }
    }

    func testEverySpellingOfAPathIsOneModule() throws {
        let files = Files(["lib/util.brk": "let answer = 42"])
        let main = "import \"lib/util\"\nimport \"./lib/util.brk\"\nimport \"lib/../lib//./util\"\nprint answer"
        XCTAssertNoThrow(try compile(main, named: "main.brk", files: files))
        XCTAssertEqual(files.paths, ["lib/util.brk"], "read once, under its resolved path")
    }
}
