import BarrackScript
import Foundation
import XCTest

/// The formatter (`ScriptFormatter`, `barrack fmt`): the canonical layout with comments and blank lines
/// kept, idempotent, and the same tree after formatting, over every script of the project.
final class ScriptFormatterTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryScriptFormatsToTheSameTreeKeepsItsCommentsAndFormatsToItself() throws {
        var checked = 0
        for url in try ProjectScripts.all(under: Self.root) {
            let original = try Source.read(path: url.path)
            let parsed = Parser.parse(original)
            guard parsed.diagnostics.isEmpty else { continue }
            let path = url.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            let formatted = try ScriptFormatter.format(original)
            let again = Source(name: path, text: formatted)
            let reparsed = Parser.parse(again)
            XCTAssertEqual(reparsed.diagnostics.map(\.description), [], "\(path) formatted as:\n\(formatted)")
            XCTAssertEqual(SExpression.print(reparsed.statements), SExpression.print(parsed.statements),
                           "\(path) formatted as:\n\(formatted)")
            XCTAssertEqual(commentTexts(again), commentTexts(original), "\(path) lost a comment")
            XCTAssertEqual(try ScriptFormatter.format(again), formatted, "\(path) is not formatted to itself")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 350, "the golden scripts, examples and standard library")
    }

    func testLineAndTrailingCommentsStayWhereTheyWere() throws {
        let text = """
            #!/usr/bin/env barrack
            # Deploys one machine.
            let   gpu=H100-SXM5-80GB x 8   # the big one
            if gpu {
                # inside the block
              print(gpu)  ;  # after a semicolon
                # last in the block
            }   # after the block
            # at the end

            """
        XCTAssertEqual(try format(text), """
            #!/usr/bin/env barrack
            # Deploys one machine.
            let gpu = H100-SXM5-80GB x 8 # the big one
            if gpu {
              # inside the block
              print(gpu) # after a semicolon
              # last in the block
            } # after the block
            # at the end

            """)
    }

    func testBlankLinesBetweenGroupsAreKeptAsOne() throws {
        let text = "let a = 1\n\n\n\nlet b = 2\nlet c = 3\n\n# about d\n\nlet d = 4\nfn f() {\n\n  return 1\n\n}\n"
        XCTAssertEqual(try format(text), "let a = 1\n\nlet b = 2\nlet c = 3\n\n# about d\n\nlet d = 4\nfn f() {\n  return 1\n}\n")
    }

    func testAListMapOrCallBrokenBetweenItemsIsOneItemALineWithItsComments() throws {
        let text = "let xs = [1,  # one\n  2]\nlet m = {a: 1,\n b: [3, 4]}\nlet vm = deploy(gpu: H100-SXM5-80GB x 1,\n  # where\n  region: FINLAND-1)\nprint([1,\n2].len(), {a: 1})\n"
        XCTAssertEqual(try format(text), """
            let xs = [
              1, # one
              2,
            ]
            let m = {
              a: 1,
              b: [3, 4],
            }
            let vm = deploy(
              gpu: H100-SXM5-80GB x 1,
              # where
              region: FINLAND-1,
            )
            print([
              1,
              2,
            ].len(), {a: 1})

            """)
    }

    func testACommentInsideAnExpressionLaidOnOneLineComesAfterTheStatement() throws {
        XCTAssertEqual(try format("let a = 1 +  # first\n  2\nprint(a)\n"), "let a = 1 + 2\n# first\nprint(a)\n")
    }

    func testABlockOfOneStatementWrittenOnOneLineStaysOnOne() throws {
        let text = "for i in xs {  if i == 1 {continue}\n  let f = fn(x) {return x*2}\n}\nif a { b } else { c }\nwhile true { if x { break } }\n"
        XCTAssertEqual(try format(text), """
            for i in xs {
              if i == 1 { continue }
              let f = fn(x) { return x * 2 }
            }
            if a { b } else { c }
            while true { if x { break } }

            """)
    }

    func testAHyphenBetweenWordsWithoutSpacesStaysSo() throws {
        XCTAssertEqual(try format("let gpu = H100-PCIe-80GB\nlet d = a -  b\nlet r = 1 .. 3\n"),
                       "let gpu = H100-PCIe-80GB\nlet d = a - b\nlet r = 1..3\n")
    }

    func testNumbersKeepTheirSpelling() throws {
        XCTAssertEqual(try format("let v = create_volume(size:   2TB)\nlet n = 1_000 + 1e-3 + 90s + -3\n"),
                       "let v = create_volume(size: 2TB)\nlet n = 1_000 + 1e-3 + 90s + -3\n")
    }

    func testCommentsInALambdaBlockStayInIt() throws {
        let text = "let f = fn(x) {\n  # double it\n  return x * 2  # twice\n}\n"
        XCTAssertEqual(try format(text), "let f = fn(x) {\n  # double it\n  return x * 2 # twice\n}\n")
    }

    func testLongStringsAreKeptAsWritten() throws {
        let text = "let script = \"\"\"\n    #!/bin/sh\n    echo {name}  # not a comment\n    \"\"\"\ndeploy   name: \"a\"   startup: script\n"
        XCTAssertEqual(try format(text), text.replacingOccurrences(of: "deploy   name: \"a\"   startup", with: "deploy name: \"a\" startup"))
    }

    func testCommandsKeepInAndUnbracketedGPURequests() throws {
        XCTAssertEqual(try format("deploy gpu: H100-SXM5-80GB x 8   in FINLAND-1 name: \"t\"\n"),
                       "deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 name: \"t\"\n")
    }

    func testAScriptWithSyntaxErrorsIsRefusedWithThem() {
        XCTAssertThrowsError(try format("let = 1\nprint(\n")) { error in
            guard let refusal = error as? ScriptFormatter.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(refusal.diagnostics.map { $0.location.line }, [1, 2])
        }
    }

    func testAnEmptyFileAndAFileOfCommentsFormat() throws {
        XCTAssertEqual(try format(""), "")
        XCTAssertEqual(try format("# only\n\n\n# comments   \n"), "# only\n\n# comments\n")
    }

    private func format(_ text: String) throws -> String {
        try ScriptFormatter.format(Source(name: "t.brk", text: text))
    }

    private func commentTexts(_ source: Source) -> [String] {
        Lexer.comments(source).map { source.text($0).trimmingCharacters(in: .whitespaces) }
    }
}
