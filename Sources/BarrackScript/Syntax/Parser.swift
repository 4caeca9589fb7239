/// Builds the syntax tree of a script from its tokens (LANGUAGE.md sections 3–5).
///
/// A recursive-descent parser with one function per precedence level. On a syntax error it records
/// a diagnostic, skips to the next statement boundary and goes on, so that one run reports every
/// independent mistake of a file (a report shows `maxDiagnostics` of them and counts the rest). Nesting deeper than `maxNesting` is a
/// `NESTING_LIMIT` diagnostic: the parser recurses once per level, and a script must never be able
/// to overflow the stack.
public struct Parser {
    /// The most diagnostics a report shows for one file; a last line counts the others
    /// (`Diagnostic.report`).
    public static let maxDiagnostics = 20
    /// The most diagnostics the parser collects before it stops: enough to count what a report
    /// leaves out, few enough that a megabyte of garbage cannot fill memory with them.
    public static let maxCollected = 10_000
    /// The deepest nesting of brackets, blocks and operators accepted. 200, as in CPython's parser:
    /// deep enough for any real script, shallow enough for a 512 KiB thread stack in debug builds.
    public static let maxNesting = 200

    let source: Source
    var tokens: [Token]
    var current = 0
    var diagnostics: [Diagnostic]
    var depth = 0
    /// Inside command arguments, `(` or `[` after white space starts a new argument.
    var inCommandArguments = false

    /// Thrown to unwind to the enclosing statement after a diagnostic was recorded.
    struct Failure: Error {}

    init(source: Source) {
        self.source = source
        let lexed = Lexer.tokenize(source)
        self.tokens = lexed.tokens
        self.diagnostics = lexed.diagnostics
    }

    /// Parses a whole script: its statements, and every diagnostic (lexical and syntactic) in
    /// source order.
    public static func parse(_ source: Source) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        let sorted = parser.diagnostics.sorted { $0.range.start < $1.range.start }
        return (statements, sorted)
    }

    // MARK: - Program and blocks

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        skipTerminators()
        while peek.kind != .eof, diagnostics.count < Parser.maxCollected {
            if peek.kind == .rightBrace {
                report("unexpected '}' with no block to close", at: peek.range)
                advance()
            } else if let statement = parseStatementRecovering() {
                statements.append(statement)
            }
            skipTerminators()
        }
        return statements
    }

    /// Parses one statement; on failure, skips to the next statement boundary and returns nil.
    mutating func parseStatementRecovering() -> Stmt? {
        let start = current
        do {
            let statement = try parseStatement()
            try expectStatementEnd()
            return statement
        } catch {
            synchronize(statementStart: start)
            return nil
        }
    }

    mutating func parseBlock() throws -> Block {
        let open = peek
        guard open.kind == .leftBrace else {
            throw error("expected '{' to start a block, found \(describe(peek))", at: peek.range)
        }
        try enterNesting(at: open.range)
        defer { depth -= 1 }
        advance()
        var statements: [Stmt] = []
        skipTerminators()
        while peek.kind != .rightBrace {
            if peek.kind == .eof {
                throw error("'{' is never closed: the block opened here needs a '}'", at: open.range,
                            incomplete: true)
            }
            if diagnostics.count >= Parser.maxCollected { throw Failure() }
            if let statement = parseStatementRecovering() { statements.append(statement) }
            skipTerminators()
        }
        let close = advance()
        return Block(statements: statements, range: open.range.union(close.range))
    }

    /// After a statement: a newline, `;`, a `}` that closes the block, the end of the file, or
    /// anything at all right after a `}` (`if a { b } c` is two statements).
    mutating func expectStatementEnd() throws {
        switch peek.kind {
        case .newline, .semicolon, .rightBrace, .eof:
            return
        default:
            if current > 0, tokens[current - 1].kind == .rightBrace { return }
            if peek.kind == .comma {
                throw error("unexpected ',': command arguments are separated by spaces", at: peek.range)
            }
            throw error("expected the end of the statement, found \(describe(peek))", at: peek.range)
        }
    }

    mutating func skipTerminators() {
        while peek.kind == .newline || peek.kind == .semicolon { advance() }
    }

    /// Skips to the next statement boundary at this block's level.
    ///
    /// Braces the failed statement opened and did not close (a map, a block) are still open: their
    /// `}` belongs to the statement, not to the enclosing block.
    mutating func synchronize(statementStart: Int) {
        var braces = 0
        for token in tokens[statementStart..<current] {
            if token.kind == .leftBrace { braces += 1 }
            if token.kind == .rightBrace, braces > 0 { braces -= 1 }
        }
        while peek.kind != .eof {
            switch peek.kind {
            case .leftBrace:
                braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
                if braces == 0 {
                    advance()
                    if peek.kind == .newline || peek.kind == .semicolon { return }
                    continue
                }
            case .newline, .semicolon:
                if braces == 0 {
                    advance()
                    return
                }
            default:
                break
            }
            advance()
        }
    }

    // MARK: - Tokens

    var peek: Token { tokens[current] }

    func peek(_ offset: Int) -> Token {
        tokens[min(current + offset, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[current]
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    mutating func match(_ kind: TokenKind) -> Bool {
        guard peek.kind == kind else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
        guard peek.kind == kind else {
            throw error("expected \(what), found \(describe(peek))", at: peek.range)
        }
        return advance()
    }

    /// The end of the token before the current one: where the construct just parsed ends.
    var previousEnd: Int { current > 0 ? tokens[current - 1].range.end : 0 }

    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    /// A token as a person reads it in a message.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: return "name '\(token.text)'"
        case .atom: return "'\(token.text)'"
        case .int, .float, .duration: return "number '\(source.text(token.range))'"
        case .string, .stringStart: return "a string"
        default: return token.kind.description
        }
    }

    // MARK: - Errors

    mutating func error(_ message: String, at range: SourceRange, code: String = "SYNTAX_ERROR",
                        notes: [String] = [], incomplete: Bool = false) -> Failure {
        report(message, at: range, code: code, notes: notes, incomplete: incomplete || peek.kind == .eof)
        return Failure()
    }

    mutating func report(_ message: String, at range: SourceRange, code: String = "SYNTAX_ERROR",
                         notes: [String] = [], incomplete: Bool = false) {
        diagnostics.append(Diagnostic(code: code, message: message, range: range, source: source,
                                      notes: notes, isIncompleteInput: incomplete))
    }

    mutating func enterNesting(at range: SourceRange) throws {
        depth += 1
        if depth > Parser.maxNesting {
            depth -= 1
            throw error("nesting deeper than \(Parser.maxNesting) levels; split the expression or block",
                        at: range, code: "NESTING_LIMIT")
        }
    }
}
