import BarrackScript
import XCTest

/// Short assertions for the front end; each failure says what was expected and what came out.

/// A source named `test.brk` holding `text`.
func source(_ text: String) -> Source {
    Source(name: "test.brk", text: text)
}

/// The tokens of `text` without the layout tokens (newlines, end of file).
func tokens(_ text: String) -> [Token] {
    Lexer.tokenize(source(text)).tokens.filter { $0.kind != .newline && $0.kind != .eof }
}

/// The kinds of every token of `text`, newlines and end of file included.
func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokenize(source(text)).tokens.map(\.kind)
}

/// The lexical diagnostics of `text`.
func lexDiagnostics(_ text: String) -> [Diagnostic] {
    Lexer.tokenize(source(text)).diagnostics
}

/// Asserts that `text` lexes without diagnostics to exactly one token of `kind` carrying `value`.
func assertToken(_ text: String, _ kind: TokenKind, _ value: TokenValue,
                 file: StaticString = #filePath, line: UInt = #line) {
    let lexed = Lexer.tokenize(source(text))
    XCTAssertEqual(lexed.diagnostics.map(\.message), [], "diagnostics for \(text)", file: file, line: line)
    let found = lexed.tokens.filter { $0.kind != .newline && $0.kind != .eof }
    guard found.count == 1, let token = found.first else {
        XCTFail("expected one token for \(text), got \(found.map(\.kind))", file: file, line: line)
        return
    }
    XCTAssertEqual(token.kind, kind, "kind of \(text)", file: file, line: line)
    XCTAssertEqual(token.value, value, "value of \(text)", file: file, line: line)
}

/// Asserts that `text` parses without diagnostics to the program `expected` (see `SExpression`).
func assertParse(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let parsed = Parser.parse(source(text))
    XCTAssertEqual(parsed.diagnostics.map { "\($0.location): \($0.message)" }, [],
                   "diagnostics for \(text)", file: file, line: line)
    XCTAssertEqual(SExpression.print(parsed.statements), expected, "tree of \(text)", file: file, line: line)
}

/// The parser's diagnostics of `text` as `line:col message` strings.
func diagnostics(_ text: String) -> [Diagnostic] {
    Parser.parse(source(text)).diagnostics
}

/// Asserts that `text` has exactly one diagnostic, at `location` ("line:col"), whose message
/// contains `fragment`, with the code `code`.
func assertDiagnostic(_ text: String, at location: String, _ fragment: String, code: String = "SYNTAX_ERROR",
                      file: StaticString = #filePath, line: UInt = #line) {
    let found = diagnostics(text)
    guard found.count == 1, let diagnostic = found.first else {
        XCTFail("expected one diagnostic for \(text), got \(found.map { "\($0.location): \($0.message)" })",
                file: file, line: line)
        return
    }
    XCTAssertEqual(diagnostic.location.description, location, "location for \(text)", file: file, line: line)
    XCTAssertTrue(diagnostic.message.contains(fragment),
                  "expected a message containing '\(fragment)', got '\(diagnostic.message)'", file: file, line: line)
    XCTAssertEqual(diagnostic.code, code, "code for \(text)", file: file, line: line)
}
