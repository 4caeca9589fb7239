import BarrackScript
import XCTest

/// The token rows of LANGUAGE.md section 1, the newline rules and token positions.
final class LexerTests: XCTestCase {
    // MARK: - Names, atoms, keywords

    func testLowercaseAndUnderscoreWordsAreIdentifiers() {
        for word in ["total", "_", "_tmp", "vm2", "ssh_keys", "camelCase"] {
            assertToken(word, .identifier, .text(word))
        }
    }

    func testCapitalisedWordWithALowercaseLetterIsAnIdentifier() {
        assertToken("Total", .identifier, .text("Total"))
        assertToken("HTTPServer", .identifier, .text("HTTPServer"))
    }

    func testAllCapsWordsAreAtoms() {
        for word in ["ACTIVE", "L40", "X", "FINLAND-1", "H100-SXM5-80GB", "RTX-A6000", "OUT_OF_STOCK", "A-B-C"] {
            assertToken(word, .atom, .text(word))
        }
    }

    func testHyphenJoinsAtomPartsOnlyWhenTheNextPartHasNoLowercaseLetter() {
        XCTAssertEqual(tokens("FOO-bar").map(\.kind), [.atom, .minus, .identifier])
        XCTAssertEqual(tokens("FOO-bar").first?.text, "FOO")
        XCTAssertEqual(tokens("FOO-Bar").map(\.kind), [.atom, .minus, .identifier])
        XCTAssertEqual(tokens("FOO - BAR").map(\.kind), [.atom, .minus, .atom])
        XCTAssertEqual(tokens("FOO--BAR").map(\.kind), [.atom, .minus, .minus, .atom])
        XCTAssertEqual(tokens("FOO-").map(\.kind), [.atom, .minus])
        XCTAssertEqual(tokens("FOO-_X").map(\.kind), [.atom, .minus, .identifier])
        XCTAssertEqual(tokens("FINLAND-1-x").map(\.text), ["FINLAND-1", "", "x"])
    }

    func testEveryKeywordLexesAsItsKind() {
        for (text, kind) in TokenKind.keywords {
            XCTAssertTrue(kind.isKeyword, text)
            assertToken(text, kind, .none)
        }
        XCTAssertEqual(TokenKind.keywords.count, 29)
    }

    func testTheGPUCountXIsAnOrdinaryIdentifierToTheLexer() {
        XCTAssertEqual(tokens("m x 8").map(\.kind), [.identifier, .identifier, .int])
        XCTAssertEqual(tokens("m x 8")[1].text, "x")
    }

    // MARK: - Numbers, durations, sizes

    func testIntegers() {
        assertToken("42", .int, .int(42))
        assertToken("0", .int, .int(0))
        assertToken("1_000_000", .int, .int(1_000_000))
        assertToken("9223372036854775807", .int, .int(Int.max))
    }

    func testIntegerTooLargeIsADiagnostic() {
        let found = lexDiagnostics("9223372036854775809")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("does not fit in 64 bits") ?? false)
    }

    func testTwoToTheSixtyThirdFitsOnlyNegated() {
        // Found by the printed-value property: the smallest int printed as text that did not read back.
        XCTAssertEqual(lexDiagnostics("9223372036854775808").count, 0, "the parser decides: only '-' before it fits")
        assertParse("-9223372036854775808", "\(Int.min)")
        XCTAssertEqual(diagnostics("9223372036854775808").map(\.message),
                       ["integer literal '9223372036854775808' does not fit in 64 bits (only its negative does)"])
        XCTAssertEqual(diagnostics("-9223372036854775808.abs()").count, 1, "a postfix binds tighter than '-'")
    }

    func testFloats() {
        assertToken("3.5", .float, .float(3.5))
        assertToken("1e-3", .float, .float(0.001))
        assertToken("2E+3", .float, .float(2000))
        assertToken("1.5e2", .float, .float(150))
        assertToken("1_000.25", .float, .float(1000.25))
    }

    func testDotAfterAnIntegerIsNotAFraction() {
        XCTAssertEqual(tokens("1..5").map(\.kind), [.int, .dotDot, .int])
        XCTAssertEqual(tokens("1.x").map(\.kind), [.int, .dot, .identifier])
    }

    func testDurationsAreMilliseconds() {
        assertToken("500ms", .duration, .duration(500))
        assertToken("30s", .duration, .duration(30_000))
        assertToken("10m", .duration, .duration(600_000))
        assertToken("2h", .duration, .duration(7_200_000))
        assertToken("1d", .duration, .duration(86_400_000))
        assertToken("1.5h", .duration, .duration(5_400_000))
        assertToken("0.5s", .duration, .duration(500))
        assertToken("1_000ms", .duration, .duration(1_000))
    }

    func testSizesAreIntegersOfGigabytes() {
        assertToken("100GB", .int, .int(100))
        assertToken("2TB", .int, .int(2_000))
        assertToken("1.5TB", .int, .int(1_500))
    }

    func testFractionalSizeOfGigabytesIsADiagnostic() {
        let found = lexDiagnostics("1.5GB")
        XCTAssertEqual(found.map(\.message), ["size '1.5GB' is not a whole number of GB"])
    }

    func testUnknownSuffixIsADiagnosticUnderTheSuffix() {
        let found = lexDiagnostics("let t = 10min")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.range, SourceRange(start: 10, end: 13))
        XCTAssertTrue(found.first?.message.contains("unknown suffix 'min'") ?? false)
        XCTAssertEqual(lexDiagnostics("5gb").count, 1)
    }

    // MARK: - Strings

    func testPlainString() {
        assertToken(#""hello world""#, .string, .text("hello world"))
        assertToken(#""""#, .string, .text(""))
        assertToken(#""héllo 🙂""#, .string, .text("héllo 🙂"))
    }

    func testEveryEscape() {
        assertToken(#""a\nb\tc\rd""#, .string, .text("a\nb\tc\rd"))
        assertToken(#""\0""#, .string, .text("\0"))
        assertToken(#""\\ \" \{ \}""#, .string, .text(#"\ " { }"#))
        assertToken(#""\u{1F600}\u{e9}""#, .string, .text("😀é"))
    }

    func testUnknownEscapeIsADiagnosticNamingIt() {
        let found = lexDiagnostics(#"let s = "a\qb""#)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains(#"unknown escape '\q'"#) ?? false)
        XCTAssertEqual(found.first?.range, SourceRange(start: 10, end: 12))
    }

    func testBadUnicodeEscapesAreDiagnostics() {
        XCTAssertEqual(lexDiagnostics(#""\u{D800}""#).count, 1)
        XCTAssertEqual(lexDiagnostics(#""\u{ZZ}""#).count, 1)
        XCTAssertEqual(lexDiagnostics(#""\u1F600""#).count, 1)
    }

    func testInterpolationSplitsTheStringAroundTheExpression() {
        let found = tokens(#""a {x} b {y + 1}!""#)
        XCTAssertEqual(found.map(\.kind), [.stringStart, .identifier, .stringMiddle, .identifier, .plus, .int, .stringEnd])
        XCTAssertEqual(found.map(\.text), ["a ", "x", " b ", "y", "", "", "!"])
    }

    func testInterpolationHoldsNestedStringsAndInterpolations() {
        let found = tokens(#""a {f("b {c}")} d""#)
        XCTAssertEqual(found.map(\.kind), [.stringStart, .identifier, .leftParen, .stringStart, .identifier,
                                           .stringEnd, .rightParen, .stringEnd])
        XCTAssertEqual(found.map(\.text), ["a ", "f", "", "b ", "c", "", "", " d"])
    }

    func testInterpolationHoldsBracesOfItsOwn() {
        let found = tokens(#""v={ {k: 1}["k"] }.""#)
        XCTAssertEqual(found.map(\.kind), [.stringStart, .leftBrace, .identifier, .colon, .int, .rightBrace,
                                           .leftBracket, .string, .rightBracket, .stringEnd])
        XCTAssertEqual(found.last?.text, ".")
    }

    func testEscapedBraceDoesNotInterpolate() {
        assertToken(#""\{x}""#, .string, .text("{x}"))
    }

    func testStringEndingAtTheLineIsUnterminated() {
        let found = lexDiagnostics("let s = \"abc\nprint 1")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("unterminated string") ?? false)
        XCTAssertEqual(found.first?.range, SourceRange(start: 8, end: 9))
    }

    // MARK: - Long strings

    func testLongStringStripsTheClosingIndentation() {
        let text = "let s = \"\"\"\n    #!/bin/sh\n      echo hi\n\n    done\n    \"\"\"\n"
        let found = tokens(text)
        XCTAssertEqual(lexDiagnostics(text).map(\.message), [])
        XCTAssertEqual(found.map(\.kind), [.kwLet, .identifier, .equal, .string])
        XCTAssertEqual(found.last?.text, "#!/bin/sh\n  echo hi\n\ndone")
    }

    func testLongStringWithoutIndentationKeepsEveryLine() {
        let found = tokens("\"\"\"\na\n  b\n\"\"\"")
        XCTAssertEqual(found.map(\.text), ["a\n  b"])
    }

    func testLongStringKeepsQuotesAndInterpolates() {
        let text = "\"\"\"\n  say \"hi\" to {name}\n  and {a + 1}\n  \"\"\""
        let found = tokens(text)
        XCTAssertEqual(lexDiagnostics(text).map(\.message), [])
        XCTAssertEqual(found.map(\.kind), [.stringStart, .identifier, .stringMiddle, .identifier, .plus, .int, .stringEnd])
        XCTAssertEqual(found.map(\.text), ["say \"hi\" to ", "name", "\nand ", "a", "", "", ""])
    }

    func testLongStringLineIndentedLessThanTheClosingIsADiagnostic() {
        let found = lexDiagnostics("let s = \"\"\"\n    ok\n  bad\n    \"\"\"")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("indented less than its closing") ?? false)
        XCTAssertEqual(found.first?.location, SourceLocation(line: 3, column: 1))
    }

    func testLongStringOpeningMustEndItsLine() {
        let found = lexDiagnostics("let s = \"\"\"text\n\"\"\"")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("starts a new line") ?? false)
    }

    func testLongStringClosingMustStartItsLine() {
        let found = lexDiagnostics("let s = \"\"\"\n  text\"\"\"")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("line of its own") ?? false)
        XCTAssertEqual(found.first?.location, SourceLocation(line: 2, column: 7))
    }

    func testUnterminatedLongStringIsIncompleteInput() {
        let found = lexDiagnostics("let s = \"\"\"\n  text\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.isIncompleteInput, true)
        XCTAssertEqual(found.first?.location, SourceLocation(line: 1, column: 9))
    }

    // MARK: - Comments, shebang, newlines

    func testCommentRunsToTheEndOfTheLine() {
        XCTAssertEqual(kinds("a # b c \"\n# whole line\nd"), [.identifier, .newline, .identifier, .newline, .eof])
    }

    func testShebangLineIsSkipped() {
        XCTAssertEqual(kinds("#!/usr/bin/env barrack\nprint 1"), [.identifier, .int, .newline, .eof])
        XCTAssertEqual(lexDiagnostics("#!/usr/bin/env barrack\n").count, 0)
    }

    func testNewlineAndSemicolonEndStatements() {
        XCTAssertEqual(kinds("a\nb;c"), [.identifier, .newline, .identifier, .semicolon, .identifier, .newline, .eof])
    }

    func testBlankLinesGiveOneNewline() {
        XCTAssertEqual(kinds("a\n\n\n\nb"), [.identifier, .newline, .identifier, .newline, .eof])
    }

    func testNewlineInsideParenthesesAndBracketsIsIgnored() {
        XCTAssertEqual(kinds("f(\na\n,\nb\n)"), [.identifier, .leftParen, .identifier, .comma, .identifier,
                                                  .rightParen, .newline, .eof])
        XCTAssertEqual(kinds("[1\n2]"), [.leftBracket, .int, .int, .rightBracket, .newline, .eof])
    }

    func testNewlineInsideBracesIsKeptForTheParser() {
        XCTAssertEqual(kinds("{\na\n}"), [.leftBrace, .newline, .identifier, .newline, .rightBrace, .newline, .eof])
    }

    func testNewlineAfterATokenThatNeedsMoreIsIgnored() {
        for op in ["+", "-", "*", "/", "//", "%", "==", "!=", "<", "<=", ">", ">=", "??", "..", "and", "or",
                   "=", "+=", "-=", "*=", "/=", ",", ":"] {
            XCTAssertFalse(kinds("a \(op)\nb").dropLast(2).contains(.newline), "after \(op)")
        }
        XCTAssertEqual(kinds("a.\nb"), [.identifier, .dot, .identifier, .newline, .eof])
        XCTAssertEqual(kinds("not\nb"), [.kwNot, .identifier, .newline, .eof])
    }

    func testLineStartingWithADotContinuesTheStatement() {
        XCTAssertEqual(kinds("xs\n  .map(f)\n  ?.len"), [.identifier, .dot, .identifier, .leftParen, .identifier,
                                                          .rightParen, .questionDot, .identifier, .newline, .eof])
        XCTAssertEqual(kinds("{ xs\n .first }"), [.leftBrace, .identifier, .dot, .identifier, .rightBrace,
                                                  .newline, .eof])
    }

    func testCRLFLineEndings() {
        XCTAssertEqual(kinds("a\r\nb\r\n"), [.identifier, .newline, .identifier, .newline, .eof])
    }

    func testBangAloneSaysToWriteNot() {
        let found = lexDiagnostics("!a")
        XCTAssertEqual(found.map(\.message), ["unexpected '!': negation is written 'not'"])
    }

    func testQuestionMarkAloneIsADiagnostic() {
        let found = lexDiagnostics("a ? b")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("unexpected '?'") ?? false)
    }

    func testUnexpectedCharacterIsNamedWhole() {
        let found = lexDiagnostics("a @ é")
        XCTAssertEqual(found.map(\.message), ["unexpected character '@'", "unexpected character 'é'"])
        XCTAssertEqual(found.last?.range, SourceRange(start: 4, end: 6))
    }

    // MARK: - Operators and punctuation

    func testEveryOperatorAndPunctuation() {
        let text = "( ) [ ] { } , . ?. : ; + - * / // % == != < <= > >= = += -= *= /= ?? .."
        XCTAssertEqual(tokens(text).map(\.kind), [
            .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .dot,
            .questionDot, .colon, .semicolon, .plus, .minus, .star, .slash, .slashSlash, .percent, .equalEqual,
            .bangEqual, .less, .lessEqual, .greater, .greaterEqual, .equal, .plusEqual, .minusEqual, .starEqual,
            .slashEqual, .questionQuestion, .dotDot,
        ])
    }

    // MARK: - Positions

    func testLineColumnAndByteRangeOfTokens() {
        let found = tokens("let a = 1\n  b.c")
        XCTAssertEqual(found.map(\.line), [1, 1, 1, 1, 2, 2, 2])
        XCTAssertEqual(found.map(\.column), [1, 5, 7, 9, 3, 4, 5])
        XCTAssertEqual(found.map(\.range), [
            SourceRange(start: 0, end: 3), SourceRange(start: 4, end: 5), SourceRange(start: 6, end: 7),
            SourceRange(start: 8, end: 9), SourceRange(start: 12, end: 13), SourceRange(start: 13, end: 14),
            SourceRange(start: 14, end: 15),
        ])
    }

    func testColumnsCountCharactersAndRangesCountBytes() {
        let found = tokens("\"é🙂\" + b")
        XCTAssertEqual(found.map(\.range), [SourceRange(start: 0, end: 8), SourceRange(start: 9, end: 10),
                                            SourceRange(start: 11, end: 12)])
        XCTAssertEqual(found.map(\.column), [1, 6, 8])
    }

    func testTokenAfterAMultilineStringHasItsOwnLine() {
        let found = tokens("\"\"\"\n  a\n  \"\"\" + b")
        XCTAssertEqual(found.map(\.line), [1, 3, 3])
        XCTAssertEqual(found.map(\.column), [1, 7, 9])
    }

    func testSpaceBefore() {
        XCTAssertEqual(tokens("print(1)").map(\.spaceBefore), [true, false, false, false])
        XCTAssertEqual(tokens("print (1)").map(\.spaceBefore), [true, true, false, false])
        XCTAssertEqual(tokens("a -1").map(\.spaceBefore), [true, true, false])
        XCTAssertEqual(tokens("a\tb").map(\.spaceBefore), [true, true])
        XCTAssertEqual(tokens("a # c\n(b)").map(\.spaceBefore), [true, true, false, false])
    }

    func testEveryTokenListEndsWithANewlineAndEndOfFile() {
        XCTAssertEqual(kinds(""), [.eof])
        XCTAssertEqual(kinds("a"), [.identifier, .newline, .eof])
        XCTAssertEqual(kinds("a\n"), [.identifier, .newline, .eof])
    }
}
