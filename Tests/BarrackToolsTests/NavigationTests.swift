import BarrackJSON
import BarrackScript
import BarrackTools
import Foundation
import XCTest

/// Definition, references, document symbols, rename, signature help and quick fixes.
final class NavigationTests: XCTestCase {
    private let script = """
        let count = 2
        fn launch(n, region = FINLAND-1) {
          let total = n * count
          for i in range(total) {
            print i
          }
          return total
        }
        launch(count)
        {
          let count = 9
          print count
        }

        """

    func testDefinitionOfAVariableAFunctionAndAParameter() {
        let session = ServerSession()
        session.open(script)
        XCTAssertEqual(session.result("textDocument/definition", ServerSession.at(8, 8)),
                       [["uri": "file:///work/a.brk", "range": ServerSession.range(0, 4, 0, 9)]])
        XCTAssertEqual(session.result("textDocument/definition", ServerSession.at(8, 2))[0]?["range"], ServerSession.range(1, 3, 1, 9))
        XCTAssertEqual(session.result("textDocument/definition", ServerSession.at(2, 14))[0]?["range"], ServerSession.range(1, 10, 1, 11))
        XCTAssertEqual(session.result("textDocument/definition", ServerSession.at(11, 9))[0]?["range"], ServerSession.range(10, 6, 10, 11),
                       "the inner block's own count")
        XCTAssertEqual(session.result("textDocument/definition", ServerSession.at(4, 5)), .null, "a built-in has no declaration here")
    }

    func testReferencesFollowScopes() {
        let session = ServerSession()
        session.open(script)
        let references = session.result("textDocument/references", ServerSession.at(0, 5)).arrayValue ?? []
        XCTAssertEqual(references.compactMap { $0["range"]?["start"]?["line"]?.intValue }, [0, 2, 8])
        let withoutDeclaration = session.result("textDocument/references", ServerSession.at(0, 5).setting("context", ["includeDeclaration": false]))
        XCTAssertEqual(withoutDeclaration.arrayValue?.count, 2)
    }

    func testDefinitionAndReferencesOfANameFromTheStandardLibrary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = ServerSession(standardLibraryFolder: folder)
        session.open("import \"fleet\"\nlet vms = []\nwait_active(vms)\nstop_all(vms)\nwait_active(vms, within: 5m)\n")
        let definition = session.result("textDocument/definition", ServerSession.at(2, 3))
        XCTAssertEqual(definition[0]?["uri"]?.stringValue, "file://" + folder + "/fleet.brk")
        let text = try String(contentsOfFile: folder + "/fleet.brk", encoding: .utf8)
        let line = try XCTUnwrap(definition[0]?["range"]?["start"]?["line"]?.intValue)
        XCTAssertTrue(text.split(separator: "\n", omittingEmptySubsequences: false)[line].hasPrefix("fn wait_active("))
        let module = session.result("textDocument/definition", ServerSession.at(0, 9))
        XCTAssertEqual(module[0]?["uri"]?.stringValue, "file://" + folder + "/fleet.brk")
        let references = session.result("textDocument/references", ServerSession.at(2, 3)).arrayValue ?? []
        XCTAssertEqual(references.count, 3, "the declaration in the module and two uses")
    }

    func testDocumentSymbolsAreTheFunctionsAndVariablesWithTheirInsides() {
        let session = ServerSession()
        session.open(script)
        let symbols = session.result("textDocument/documentSymbol", ["textDocument": ["uri": "file:///work/a.brk"]]).arrayValue ?? []
        XCTAssertEqual(symbols.compactMap { $0["name"]?.stringValue }, ["count", "launch"], "in source order")
        let launch = symbols.first { $0["name"] == "launch" }
        XCTAssertEqual(launch?["kind"], 12)
        XCTAssertEqual(launch?["detail"], "(n, region = FINLAND-1)")
        XCTAssertEqual(launch?["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["total"])
        XCTAssertEqual(launch?["range"]?["end"]?["line"], 7)
    }

    func testRenameOfALocalChangesItsUsesOnly() throws {
        let session = ServerSession()
        session.open(script)
        XCTAssertEqual(session.result("textDocument/prepareRename", ServerSession.at(2, 7)),
                       ["range": ServerSession.range(2, 6, 2, 11), "placeholder": "total"])
        let edit = session.result("textDocument/rename", ServerSession.at(6, 10).setting("newName", "sum"))
        let edits = try XCTUnwrap(edit["changes"]?["file:///work/a.brk"]?.arrayValue)
        XCTAssertEqual(edits.compactMap { $0["range"]?["start"]?["line"]?.intValue }, [2, 3, 6])
        XCTAssertTrue(edits.allSatisfy { $0["newText"] == "sum" })
        let inner = session.result("textDocument/rename", ServerSession.at(11, 9).setting("newName", "n"))
        XCTAssertEqual(inner["changes"]?["file:///work/a.brk"]?.arrayValue?.compactMap { $0["range"]?["start"]?["line"]?.intValue }, [10, 11])
    }

    func testRenameRefusesWhatIsNoNameABuiltinAClashAndABuiltinsName() {
        let session = ServerSession()
        session.open(script)
        for newName in ["let", "ACTIVE", "two words", "x"] {
            XCTAssertEqual(session.request("textDocument/rename", ServerSession.at(2, 7).setting("newName", .string(newName)))["error"]?["code"], -32803, newName)
        }
        XCTAssertEqual(session.request("textDocument/rename", ServerSession.at(2, 7).setting("newName", "print"))["error"]?["code"], -32803)
        XCTAssertEqual(session.request("textDocument/rename", ServerSession.at(0, 5).setting("newName", "launch"))["error"]?["code"], -32803)
        XCTAssertEqual(session.request("textDocument/rename", ServerSession.at(4, 5).setting("newName", "say"))["error"]?["code"], -32803)
        XCTAssertEqual(session.result("textDocument/prepareRename", ServerSession.at(4, 5)), .null)
    }

    func testSignatureHelpOfABuiltinAndADocumentFunction() throws {
        let session = ServerSession()
        session.open("fn launch(n, region = FINLAND-1) { return n }\ndeploy(gpu: H100-SXM5-80GB x 1, name: \nlaunch(1, \ndeploy gpu: H100-SXM5-80GB x 1 \n")
        let help = session.result("textDocument/signatureHelp", ServerSession.at(1, 38))
        let label = try XCTUnwrap(help["signatures"]?[0]?["label"]?.stringValue)
        XCTAssertTrue(label.hasPrefix("deploy(gpu, "), label)
        let parameters = help["signatures"]?[0]?["parameters"]?.arrayValue ?? []
        let active = try XCTUnwrap(help["activeParameter"]?.intValue)
        XCTAssertEqual(parameters.indices.contains(active) ? parameters[active]["label"] : nil, "name?")
        let user = session.result("textDocument/signatureHelp", ServerSession.at(2, 10))
        XCTAssertEqual(user["signatures"]?[0]?["label"], "launch(n, region = FINLAND-1)")
        XCTAssertEqual(user["activeParameter"], 1)
        let command = session.result("textDocument/signatureHelp", ServerSession.at(3, 31))
        XCTAssertEqual(command["signatures"]?[0]?["label"]?.stringValue?.hasPrefix("deploy("), true)
        XCTAssertEqual(session.result("textDocument/signatureHelp", ServerSession.at(0, 3)), .null)
    }

    func testADidYouMeanIsAQuickFix() throws {
        let session = ServerSession()
        session.open("let name = 1\nprint(nmae)\ninstances(region: \"FINLAN-1\")\n")
        let actions = session.result("textDocument/codeAction", [
            "textDocument": ["uri": "file:///work/a.brk"], "range": ServerSession.range(0, 0, 3, 0), "context": ["diagnostics": []],
        ]).arrayValue ?? []
        let edits = actions.compactMap { $0["edit"]?["changes"]?["file:///work/a.brk"]?[0] }
        XCTAssertEqual(edits.first, ["range": ServerSession.range(1, 6, 1, 10), "newText": "name"])
        XCTAssertEqual(actions.first?["kind"], "quickfix")
        XCTAssertTrue(edits.contains { $0["newText"] == "\"FINLAND-1\"" }, "\(actions)")
    }
}

extension JSONValue {
    /// This object with `key` set to `value`.
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = value
        return .object(object)
    }
}
