import BarrackScript
import XCTest

/// How problems are reported: format, recovery, the cap, unclosed constructs, nesting, incomplete input.
final class DiagnosticTests: XCTestCase {
    // MARK: - Format

    /// Found by the differential fuzzer: `pint` was "did you mean 'int'" or "'print'" depending on
    /// the order of the interpreter's globals, which differs from one interpreter to the next.
    func testASuggestionDoesNotDependOnTheOrderOfTheCandidates() {
        XCTAssertEqual(Suggestion.closest("pint", among: ["int", "print"]), "print")
        XCTAssertEqual(Suggestion.closest("pint", among: ["print", "int"]), "print")
        XCTAssertEqual(Suggestion.closest("lenn", among: ["lent", "len"]), "len")
        XCTAssertEqual(Suggestion.closest("lenn", among: ["len", "lent"]), "len")
    }

    func testReportShowsFileLineColumnTheLineAndACaretWithTildes() {
        let found = diagnostics("let a = 1\nlet b = a ! c\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.description, """
            test.brk:2:11: error: unexpected '!': negation is written 'not'
             2 | let b = a ! c
               |           ^
            """)
    }

    func testTildesRunUnderTheWholeToken() {
        let found = diagnostics("let total = 1\nlet total2 = stop vm,\n")
        XCTAssertEqual(found.first?.description, """
            test.brk:2:21: error: unexpected ',': command arguments are separated by spaces
             2 | let total2 = stop vm,
               |                     ^
            """)
        let word = diagnostics("let FINLAND-1 = 2")
        XCTAssertEqual(word.first?.description.components(separatedBy: "\n").last, "   |     ^~~~~~~~~")
    }

    func testCaretLinesUpUnderTabsAndWideCharacters() {
        let found = diagnostics("\tlet s = \"é\" 😀")
        XCTAssertEqual(found.first?.location, SourceLocation(line: 1, column: 14))
        XCTAssertEqual(found.first?.description.components(separatedBy: "\n").last, "   | \t            ^")
    }

    func testRangeOverSeveralLinesMarksToTheEndOfTheFirst() {
        let found = diagnostics("f() = {\n  a: 1\n}")
        XCTAssertEqual(found.first?.description.components(separatedBy: "\n").last, "   | ^~~~~")
    }

    func testMismatchedBracketNotesWhereTheOpenerIs() {
        let found = diagnostics("let a = f(1,\n  2]")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, SourceLocation(line: 2, column: 4))
        XCTAssertTrue(found.first?.message.contains("expected ')'") ?? false)
        XCTAssertEqual(found.first?.notes, ["to match the '(' at 1:10"])
        XCTAssertTrue(found.first?.description.hasSuffix("\n  note: to match the '(' at 1:10") ?? false)
    }

    func testEveryDiagnosticCarriesASyntaxErrorCodeUnlessNestingIsTooDeep() {
        XCTAssertEqual(diagnostics("let = 1").map(\.code), ["SYNTAX_ERROR"])
        XCTAssertEqual(diagnostics("let s = \"\\q\"").map(\.code), ["SYNTAX_ERROR"])
    }

    // MARK: - Recovery and the cap

    func testThreeIndependentErrorsAreAllReported() {
        let text = """
            let a = 1 + * 2
            print a
            let = 2
            if b { c d, e }
            let ok = 3
            """
        let found = diagnostics(text)
        XCTAssertEqual(found.map(\.location.description), ["1:13", "3:5", "4:11"], "\(found.map(\.message))")
    }

    func testErrorsInsideBlocksRecoverAtTheNextStatementOfTheBlock() {
        let text = """
            fn f() {
              let = 1
              let b = 2 +
              return b
            }
            while x { ) }
            let c = 1 1
            """
        XCTAssertEqual(diagnostics(text).map(\.location.description), ["2:7", "4:3", "6:11", "7:11"])
    }

    func testErrorInsideAMapDoesNotLeaveItsBraceToTheEnclosingBlock() {
        let text = "let m = {a 1}\nif x {\n  let n = {a: 1 b: 2}\n  print n\n}\nlet ok = 1"
        XCTAssertEqual(diagnostics(text).map { "\($0.location) \($0.message)" },
                       ["1:12 expected ':' after the map key, found number '1'", "3:17 expected '}', found name 'b'"])
    }

    func testLexicalAndSyntaxErrorsComeInSourceOrder() {
        let found = diagnostics("let a = \n?\nlet b = \"\\q\"\nlet = 1")
        XCTAssertEqual(found.map(\.location.line), found.map(\.location.line).sorted())
        XCTAssertGreaterThanOrEqual(found.count, 3)
    }

    func testAReportShowsTwentyDiagnosticsAndCountsTheRest() {
        let text = String(repeating: "let = 1\n", count: 50)
        let found = diagnostics(text)
        XCTAssertEqual(found.map(\.location.line), Array(1...50), "the parser counts past the 20 shown")
        XCTAssertEqual(Parser.maxDiagnostics, 20)
        let lines = Diagnostic.report(found).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.contains(": error: ") }.count, 20)
        XCTAssertEqual(lines.last, "… and 30 more errors")
        XCTAssertEqual(Diagnostic.report(Array(found.prefix(21))).split(separator: "\n").last, "… and 1 more error")
        XCTAssertFalse(Diagnostic.report(Array(found.prefix(20))).contains("more error"), "no count line when nothing is left out")
    }

    func testTheParserStopsCollectingAtItsCeiling() {
        let found = diagnostics(String(repeating: "let = 1\n", count: Parser.maxCollected + 50))
        XCTAssertEqual(found.count, Parser.maxCollected)
        XCTAssertEqual(Diagnostic.report(found).split(separator: "\n").last,
                       "… and \(Parser.maxCollected - 20) more errors (counting stopped at \(Parser.maxCollected))")
    }

    func testControlCharactersAreShownEscapedAndPictured() {
        let found = diagnostics("let a = 1\u{0}\nprint a")
        XCTAssertEqual(found.first?.description, """
            test.brk:1:10: error: unexpected character '\\u{0}'
             1 | let a = 1\u{2400}
               |          ^
            """)
        let error = ErrorObject(code: "KEY_ERROR", message: "no key 'a\u{1b}[2J'")
        XCTAssertEqual(error.report, "error: KEY_ERROR: no key 'a\\u{1b}[2J'", "an escape sequence cannot clear the terminal")
        XCTAssertEqual(VisibleText.escaped("tab\tand\nline\r\u{7f}"), "tab\tand\nline\\r\\u{7f}")
    }

    func testLexicalErrorsAreCountedPastTheCapToo() {
        let found = diagnostics(String(repeating: "!", count: 100))
        XCTAssertEqual(found.count, 100)
        XCTAssertEqual(Diagnostic.report(found).split(separator: "\n").last, "… and 80 more errors")
    }

    // MARK: - Unclosed constructs point at their opener

    func testUnterminatedStringPointsAtItsQuote() {
        assertDiagnostic("print 1\nlet s = \"abc\nprint 2", at: "2:9", "unterminated string")
    }

    func testUnterminatedInterpolationPointsAtTheString() {
        let found = diagnostics("let s = \"a {b")
        XCTAssertTrue(found.contains { $0.location.description == "1:9" && $0.message.contains("interpolation") },
                      "\(found.map(\.message))")
    }

    func testUnclosedBlockPointsAtItsBrace() {
        assertDiagnostic("if a {\n  b\n  c\n", at: "1:6", "'{' is never closed")
    }

    func testUnclosedParenthesisAndBracketPointAtTheirOpener() {
        assertDiagnostic("print 1\nlet a = f(1,\n  2\n", at: "2:10", "'(' is never closed")
        assertDiagnostic("let a = [1,\n  2\n", at: "1:9", "'[' is never closed")
        assertDiagnostic("let m = {\n  a: 1\n", at: "1:9", "'{' is never closed")
    }

    func testUnmatchedClosingBraceIsReported() {
        assertDiagnostic("a\n}\nb", at: "2:1", "no block to close")
    }

    // MARK: - Nesting limit

    func testHundredThousandNestedParenthesesGiveNestingLimit() {
        let depth = 100_000
        let text = "let a = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        assertNestingLimit(text)
    }

    func testDeepBracketsBlocksAndOperatorsGiveNestingLimit() {
        let depth = 100_000
        assertNestingLimit("let a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        assertNestingLimit(String(repeating: "{", count: depth) + String(repeating: "}", count: depth))
        assertNestingLimit("let a = " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth))
        assertNestingLimit("let a = " + String(repeating: "not ", count: depth) + "b")
        assertNestingLimit("let a = " + String(repeating: "-", count: depth) + "b")
        assertNestingLimit("let a = " + String(repeating: "fn() ", count: depth) + "1")
        assertNestingLimit("let a = " + String(repeating: "\"{", count: depth) + "1" + String(repeating: "}\"", count: depth))
        assertNestingLimit(String(repeating: "if a { ", count: depth) + String(repeating: "}", count: depth))
    }

    func testLongOperatorAndPostfixChainsGiveNestingLimit() {
        // 100,000 terms overflowed the stack before chains counted; 1,000 shows each operator counts.
        assertNestingLimit("let a = 1" + String(repeating: " + 1", count: 100_000))
        assertNestingLimit("let a = b" + String(repeating: ".c", count: 100_000))
        for op in [" - ", " * ", " / ", " // ", " % ", " ?? ", " and ", " or ", " x "] {
            assertNestingLimit("let a = 1" + String(repeating: op + "1", count: 1_000))
        }
        for postfix in ["?.c", "()", "[0]"] {
            assertNestingLimit("let a = b" + String(repeating: postfix, count: 1_000))
        }
    }

    func testChainsOfOrdinaryLengthAreAccepted() {
        XCTAssertEqual(diagnostics("let a = 1" + String(repeating: " + 1", count: 150)).map(\.message), [])
        XCTAssertEqual(diagnostics("let a = b" + String(repeating: ".c()", count: 70)).map(\.message), [])
    }

    func testNestingJustUnderTheLimitIsAccepted() {
        let depth = 150
        let text = "let a = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        XCTAssertEqual(diagnostics(text).map(\.message), [])
    }

    private func assertNestingLimit(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = diagnostics(text)
        XCTAssertEqual(found.filter { $0.code == "NESTING_LIMIT" }.count, 1,
                       "\(found.prefix(3).map { "\($0.code) \($0.message)" })", file: file, line: line)
        XCTAssertTrue(found.first?.message.contains("deeper than 200") ?? false, file: file, line: line)
    }

    // MARK: - Incomplete input

    func testInputThatEndsTooSoonIsMarkedIncomplete() {
        for text in ["if a {", "let a = (1 +", "f(1,", "[1, 2", "let m = {a: 1,", "let a = 1 +", "let s = \"\"\"\nabc",
                     "let s = \"{a", "try { a }\n", "a.", "fn f(", "let a ="] {
            let found = diagnostics(text)
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertTrue(found.allSatisfy(\.isIncompleteInput), "\(text): \(found.map(\.message))")
        }
    }

    func testInputWithARealMistakeIsNotIncomplete() {
        for text in ["let = 1", "if a { ) }", "for x in xs", "let s = \"abc\nx", "a ? b", "f(1]", "print a, b"] {
            let found = diagnostics(text)
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertFalse(found.contains(where: \.isIncompleteInput), "\(text): \(found.map(\.message))")
        }
    }
}
