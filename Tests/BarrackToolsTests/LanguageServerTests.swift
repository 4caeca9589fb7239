import BarrackJSON
import BarrackScript
import BarrackTools
import XCTest

/// The protocol handling of the language server: the life cycle, text synchronisation,
/// diagnostics, completion, hover and formatting, one message at a time.
final class LanguageServerTests: XCTestCase {
    func testInitializeAnswersTheCapabilitiesWithIncrementalSync() {
        let session = ServerSession(initialized: false)
        let before = session.request("textDocument/hover", ServerSession.at(0, 0))
        XCTAssertEqual(before["error"]?["code"], -32002)
        let result = session.result("initialize", ["capabilities": [:]])
        XCTAssertEqual(result["capabilities"]?["textDocumentSync"]?["change"], 2)
        XCTAssertEqual(result["capabilities"]?["hoverProvider"], true)
        XCTAssertEqual(result["serverInfo"]?["name"], "barrack lsp")
    }

    func testShutdownThenExitEndsWithZeroAndExitAloneWithOne() {
        let session = ServerSession()
        XCTAssertEqual(session.result("shutdown", nil), .null)
        XCTAssertEqual(session.request("textDocument/hover", ServerSession.at(0, 0))["error"]?["code"], -32600)
        XCTAssertNil(session.server.exitStatus)
        session.notify("exit", nil)
        XCTAssertEqual(session.server.exitStatus, 0)

        let abrupt = ServerSession()
        abrupt.notify("exit", nil)
        XCTAssertEqual(abrupt.server.exitStatus, 1)
    }

    func testAnUnknownRequestIsMethodNotFoundAndAnUnknownNotificationIsIgnored() {
        let session = ServerSession()
        XCTAssertEqual(session.request("textDocument/colorPresentation", [:])["error"]?["code"], -32601)
        XCTAssertEqual(session.notify("$/setTrace", ["value": "off"]).count, 0)
    }

    func testDiagnosticsHoldSyntaxNameAndCallErrorsWithRanges() {
        let session = ServerSession()
        let diagnostics = session.open("let a = (1 +\nprint(nmae)\ninstances(regio: FINLAND-1)\n")
        XCTAssertFalse(diagnostics.isEmpty)
        for diagnostic in diagnostics {
            XCTAssertEqual(diagnostic["severity"], 1)
            XCTAssertEqual(diagnostic["source"], "barrack")
            XCTAssertNotNil(diagnostic["range"]?["start"]?["line"]?.intValue)
        }
        let valid = ServerSession()
        XCTAssertEqual(valid.open("let name = 1\nprint(nmae)\ninstances(regio: FINLAND-1)\n").map { $0["range"]?["start"]?["line"] },
                       [.int(1), .int(2)])
        let names = valid.diagnostics()
        XCTAssertTrue(names.isEmpty, "published once per change")
    }

    func testANameErrorHasItsExactRange() {
        let session = ServerSession()
        let diagnostics = session.open("let name = 1\nprint(nmae)\n")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?["range"], ServerSession.range(1, 6, 1, 10))
        XCTAssertEqual(diagnostics.first?["code"], "NAME_ERROR")
        XCTAssertTrue(diagnostics.first?["message"]?.stringValue?.contains("did you mean 'name'") == true)
    }

    func testIncrementalChangesEditTheTextAndRecheckIt() {
        let session = ServerSession()
        XCTAssertEqual(session.open("let name = 1\nprint(nmae)\n").count, 1)
        session.notify("textDocument/didChange", [
            "textDocument": ["uri": "file:///work/a.brk", "version": 2],
            "contentChanges": [["range": ServerSession.range(1, 6, 1, 10), "text": "name"]],
        ])
        XCTAssertEqual(session.diagnostics(), [])
        session.notify("textDocument/didChange", [
            "textDocument": ["uri": "file:///work/a.brk", "version": 3],
            "contentChanges": [["range": ServerSession.range(2, 0, 2, 0), "text": "print(\"é\"); pri"]],
        ])
        let diagnostics = session.diagnostics()
        XCTAssertEqual(diagnostics.first?["range"], ServerSession.range(2, 12, 2, 15), "UTF-16 columns after é")
    }

    func testABurstOfEditsToABrokenFileIsCheckedOnceAtItsEnd() {
        let session = ServerSession()
        session.open("")
        let text = "fn f(a) {\n  return a +\n}\nprint(f(1)\n"
        for (index, character) in text.enumerated() {
            let lines = text.prefix(index).split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines.count - 1
            let column = lines.last.map { $0.utf16.count } ?? 0
            session.notify("textDocument/didChange", [
                "textDocument": ["uri": "file:///work/a.brk", "version": .int(index + 2)],
                "contentChanges": [["range": ServerSession.range(line, column, line, column), "text": .string(String(character))]],
            ])
        }
        let published = session.server.publishPendingDiagnostics()
        XCTAssertEqual(published.count, 1)
        XCTAssertEqual(published.first?["params"]?["version"], .int(text.count + 1))
        let lines = published.first?["params"]?["diagnostics"]?.arrayValue?.compactMap { $0["range"]?["start"]?["line"]?.intValue }
        XCTAssertEqual(lines, [2, 3], "the '}' the return needed an operand before, and the unclosed call after it")
    }

    func testCompletionOffersBuiltinsKeywordsAndDeclaredNames() {
        let session = ServerSession()
        session.open("let deployment = 1\nfn helper() { return 2 }\ndep\n")
        let items = session.result("textDocument/completion", ServerSession.at(2, 3))["items"]?.arrayValue ?? []
        let labels = items.compactMap { $0["label"]?.stringValue }
        XCTAssertTrue(labels.contains("deploy"), "\(labels)")
        XCTAssertTrue(labels.contains("deployment"), "\(labels)")
        let deploy = items.first { $0["label"] == "deploy" }
        XCTAssertEqual(deploy?["kind"], 3)
        XCTAssertEqual(deploy?["textEdit"]?["range"], ServerSession.range(2, 0, 2, 3))
        XCTAssertEqual(items.first { $0["label"] == "deployment" }?["kind"], 6)
    }

    func testCompletionOfKeywordArgumentsAndTheirValues() {
        let session = ServerSession()
        session.open("deploy(gpu: H100-SXM5-80GB x 1, re\ninstances(region: FIN\n")
        let items = session.result("textDocument/completion", ServerSession.at(0, 34))["items"]?.arrayValue ?? []
        XCTAssertEqual(items.first { $0["label"] == "region:" }?["kind"], 10, "\(items)")
        XCTAssertFalse(items.contains { $0["label"] == "gpu:" }, "a label given already is not offered")
        let regions = session.result("textDocument/completion", ServerSession.at(1, 21))["items"]?.arrayValue ?? []
        XCTAssertTrue(regions.contains { $0["label"] == "FINLAND-1" && $0["kind"] == 20 }, "\(regions)")
    }

    func testCompletionReadsACallWrittenOverSeveralLines() {
        let session = ServerSession()
        session.open("let a = 1\nlet vm = deploy(\n  gpu: H100-SXM5-80GB x 1,\n  re\n")
        let items = session.result("textDocument/completion", ServerSession.at(3, 4))["items"]?.arrayValue ?? []
        XCTAssertEqual(items.first { $0["label"] == "region:" }?["textEdit"]?["range"], ServerSession.range(3, 2, 3, 4), "\(items)")
        XCTAssertFalse(items.contains { $0["label"] == "gpu:" }, "given on the line before")
        let help = session.result("textDocument/signatureHelp", ServerSession.at(3, 2))
        XCTAssertEqual(help["signatures"]?[0]?["label"]?.stringValue?.hasPrefix("deploy(gpu"), true, "\(help)")

        let long = ServerSession()
        long.open("let vm = deploy(\n  startup: \"\"\"\necho at the margin\n  \"\"\",\n  re\n")
        let labels = long.result("textDocument/completion", ServerSession.at(4, 4))["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        XCTAssertTrue(labels.contains("region:"), "a long string's line at the margin starts no statement: \(labels)")
    }

    func testCompletionOfMembersByReceiverType() {
        let session = ServerSession()
        session.open("let s = \"abc\"\n\"abc\".up\n")
        let items = session.result("textDocument/completion", ServerSession.at(1, 8))["items"]?.arrayValue ?? []
        XCTAssertEqual(items.compactMap { $0["label"]?.stringValue }, ["upper"])
        XCTAssertEqual(items.first?["kind"], 2)
    }

    func testHoverShowsABuiltinsHelpWithItsOperationAndSpending() throws {
        let session = ServerSession()
        session.open("deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1\n")
        let hover = session.result("textDocument/hover", ServerSession.at(0, 2))
        let text = try XCTUnwrap(hover["contents"]?["value"]?.stringValue)
        XCTAssertTrue(text.contains("deploy — "), text)
        XCTAssertTrue(text.contains("operation: deploy_instance"), text)
        XCTAssertTrue(text.contains("Spends"), text)
        XCTAssertTrue(text.contains("List price: 8 × 2.49 USD = 19.92 USD/h"), text)
        XCTAssertEqual(hover["range"], ServerSession.range(0, 0, 0, 6))
    }

    func testHoverShowsAKeywordsHelpAndADeclaration() throws {
        let session = ServerSession()
        session.open("fn double(x) {\n  return x * 2\n}\nwait until double(1) == 2\n")
        let keyword = try XCTUnwrap(session.result("textDocument/hover", ServerSession.at(3, 1))["contents"]?["value"]?.stringValue)
        XCTAssertTrue(keyword.contains("wait until"), keyword)
        let function = try XCTUnwrap(session.result("textDocument/hover", ServerSession.at(3, 13))["contents"]?["value"]?.stringValue)
        XCTAssertTrue(function.contains("fn double(x)"), function)
        XCTAssertTrue(function.contains("line 1"), function)
        XCTAssertEqual(session.result("textDocument/hover", ServerSession.at(1, 9))["contents"]?["value"]?.stringValue?
            .contains("parameter"), true)
    }

    func testFormattingIsTheFormattersTextAsOneEdit() {
        let session = ServerSession()
        session.open("let   a=1   # one\nprint(a)\n")
        let edits = session.result("textDocument/formatting", ["textDocument": ["uri": "file:///work/a.brk"], "options": ["tabSize": 2, "insertSpaces": true]])
        XCTAssertEqual(edits.arrayValue?.count, 1)
        XCTAssertEqual(edits[0]?["newText"], "let a = 1 # one\nprint(a)\n")
        XCTAssertEqual(edits[0]?["range"], ServerSession.range(0, 0, 2, 0))
        session.open("let a = (1 +\n", uri: "file:///work/b.brk")
        XCTAssertEqual(session.result("textDocument/formatting", ["textDocument": ["uri": "file:///work/b.brk"]]), [])
    }

    func testARequestOnADocumentNotOpenIsAnInvalidParametersError() {
        let session = ServerSession()
        XCTAssertEqual(session.request("textDocument/hover", ServerSession.at(0, 0, uri: "file:///nowhere.brk"))["error"]?["code"], -32602)
        XCTAssertEqual(session.request("textDocument/hover", ["textDocument": "x"])["error"]?["code"], -32602)
    }

    func testClosingADocumentForgetsIt() {
        let session = ServerSession()
        session.open("print(1)\n")
        session.notify("textDocument/didClose", ["textDocument": ["uri": "file:///work/a.brk"]])
        XCTAssertEqual(session.request("textDocument/hover", ServerSession.at(0, 1))["error"]?["code"], -32602)
    }
}
