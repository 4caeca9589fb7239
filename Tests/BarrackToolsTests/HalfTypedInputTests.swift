import BarrackJSON
import BarrackScript
import BarrackTools
import Foundation
import XCTest

/// The server on half-typed files: every other golden script, example and standard module (in
/// path order) cut off at two places (inside strings, calls and blocks), opened and asked every
/// question at several places. Each answer must be a result, never an error, and the server must
/// not stop.
final class HalfTypedInputTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryRequestAnswersOnEveryCutOffScript() throws {
        let session = ServerSession()
        var asked = 0
        for folder in ["Tests/scripts", "examples", "stdlib"] {
            let base = Self.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            let scripts = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "brk" }.sorted { $0.path < $1.path }
            for (index, url) in scripts.enumerated() where index % 2 == 0 {
                let text = try String(contentsOf: url, encoding: .utf8)
                let characters = Array(text)
                for fraction in [3, 6] {
                    let cut = String(characters.prefix(characters.count * fraction / 8))
                    let uri = JSONValue.string("file:///half/\(url.lastPathComponent)")
                    session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "barrack", "version": 1, "text": .string(cut)]])
                    _ = session.server.publishPendingDiagnostics()
                    let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
                    for line in [0, lines.count / 2, lines.count - 1] {
                        let column = line < lines.count ? lines[line].utf16.count : 0
                        for character in [0, column / 2, column] {
                            let at: JSONValue = ["textDocument": ["uri": uri], "position": ["line": .int(line), "character": .int(character)]]
                            for method in ["textDocument/completion", "textDocument/hover", "textDocument/signatureHelp",
                                           "textDocument/definition", "textDocument/references", "textDocument/prepareRename"] {
                                XCTAssertNil(session.request(method, at)["error"], "\(method) on \(url.lastPathComponent) cut at \(fraction)/8, \(line):\(character)")
                                asked += 1
                            }
                        }
                    }
                    for method in ["textDocument/documentSymbol", "textDocument/formatting"] {
                        XCTAssertNil(session.request(method, ["textDocument": ["uri": uri]])["error"], method)
                    }
                    session.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
                }
            }
        }
        XCTAssertGreaterThan(asked, 5_000)
    }
}
