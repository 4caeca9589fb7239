import BarrackScript
import Foundation
import XCTest

/// Printing a syntax tree as source (`SourcePrinter`, `barrack parse --source`) and parsing the
/// text again gives the same tree, for every script of the project that parses: the golden
/// scripts, the examples and the standard library.
final class SourceRoundTripTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryScriptThatParsesPrintsBackToTheSameTree() throws {
        var checked = 0
        for url in try ProjectScripts.all(under: Self.root) {
            let original = try Source.read(path: url.path)
            let (statements, diagnostics) = Parser.parse(original)
            guard diagnostics.isEmpty else { continue }
            let printed = SourcePrinter.print(statements)
            let reparsed = Parser.parse(Source(name: "printed", text: printed))
            let path = url.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            XCTAssertEqual(reparsed.diagnostics.map(\.description), [], "\(path) printed as:\n\(printed)")
            XCTAssertEqual(SExpression.print(reparsed.statements), SExpression.print(statements),
                           "\(path) printed as:\n\(printed)")
            // The layout is canonical: printing the printed text changes nothing.
            XCTAssertEqual(SourcePrinter.print(reparsed.statements), printed, path)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 350, "the golden scripts, examples and standard library")
    }

    func testTheLayoutIsCanonical() {
        let text = "let   total=a+(b*c)\nif x{print(- -x)}else{ deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1 }\n"
            + "let f = fn(x) {\n return x*2 }\n{a: 1}.len()\nprint (a - 1) * 2\n"
        XCTAssertEqual(SourcePrinter.print(Parser.parse(source(text)).statements), """
            let total = a + b * c
            if x {
              print(-(-x))
            } else {
              deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1
            }
            let f = fn(x) {
              return x * 2
            }
            ({a: 1}.len())
            print (a - 1) * 2

            """)
    }
}
