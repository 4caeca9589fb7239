/// Statements: declarations, control flow, assignment and expression statements.
extension Parser {
    mutating func parseStatement() throws -> Stmt {
        let start = peek.range.start
        switch peek.kind {
        case .kwLet:
            return try parseLet()
        case .kwFn where peek(1).kind == .identifier || peek(1).kind == .atom:
            advance()
            let function = try parseFunction(start: start, named: true)
            return Stmt(.function(function), range(from: start))
        case .kwReturn:
            advance()
            if isAtStatementEnd { return Stmt(.returnStatement(nil), range(from: start)) }
            let value = try parseCommandOrExpression()
            return Stmt(.returnStatement(value), range(from: start))
        case .kwIf:
            return try parseIf()
        case .kwWhile:
            advance()
            let condition = try parseExpression()
            let body = try parseBlock()
            return Stmt(.whileStatement(condition: condition, body: body), range(from: start))
        case .kwFor:
            advance()
            let loop = try parseForLoop(allowLimit: false).loop
            return Stmt(.forStatement(loop), range(from: start))
        case .kwParallel:
            advance()
            try expect(.kwFor, "'for' after 'parallel'")
            let (loop, limit) = try parseForLoop(allowLimit: true)
            return Stmt(.parallelFor(loop, limit: limit), range(from: start))
        case .kwBreak:
            advance()
            return Stmt(.breakStatement, range(from: start))
        case .kwContinue:
            advance()
            return Stmt(.continueStatement, range(from: start))
        case .kwTry:
            return try parseTry()
        case .kwRaise:
            advance()
            let value = try parseCommandOrExpression()
            return Stmt(.raise(value), range(from: start))
        case .kwImport:
            advance()
            guard peek.kind == .string else {
                throw error("expected the module's name as a string after 'import' (import \"fleet\"), found \(describe(peek))",
                            at: peek.range)
            }
            let name = advance().text
            return Stmt(.importStatement(name), range(from: start))
        case .kwWait:
            return try parseWait()
        case .leftBrace where opensMapLiteral:
            return try parseExpressionStatement()
        case .leftBrace:
            let block = try parseBlock()
            return Stmt(.block(block), range(from: start))
        case .kwElse:
            throw error("'else' without an 'if' before it", at: peek.range)
        case .kwCatch:
            throw error("'catch' without a 'try' before it", at: peek.range)
        case .kwFinally:
            throw error("'finally' without a 'try' before it", at: peek.range)
        case .kwDefer:
            advance()
            guard peek.kind == .leftBrace else {
                throw error("expected '{' after 'defer', found \(describe(peek)) (defer { delete_instance vm })", at: peek.range)
            }
            let body = try parseBlock()
            return Stmt(.deferStatement(body), range(from: start))
        default:
            return try parseExpressionStatement()
        }
    }

    /// Whether the `{` at a statement's start opens a map literal rather than a block: it does
    /// when a `key:` follows (line breaks aside), which no statement can start with, so that
    /// `{a: 1}` typed alone is the map. `{}` stays an empty block.
    var opensMapLiteral: Bool {
        var offset = 1
        while peek(offset).kind == .newline { offset += 1 }
        let key = peek(offset).kind
        guard key == .identifier || key == .atom || key == .string || key.isKeyword else { return false }
        return peek(offset + 1).kind == .colon
    }

    var isAtStatementEnd: Bool {
        switch peek.kind {
        case .newline, .semicolon, .rightBrace, .eof: return true
        default: return false
        }
    }

    mutating func parseLet() throws -> Stmt {
        let start = advance().range.start
        let name = try parseDeclaredName(what: "variable")
        guard peek.kind == .equal else {
            throw error("expected '=' after 'let \(name.text)', found \(describe(peek)) (a variable needs a value: let \(name.text) = nil)",
                        at: peek.range)
        }
        advance()
        let value = try parseCommandOrExpression()
        return Stmt(.letDeclaration(name: name.text, nameRange: name.range, value: value), range(from: start))
    }

    /// The name in `let NAME`, `fn NAME`, a parameter, a loop variable or a catch clause.
    mutating func parseDeclaredName(what: String) throws -> Token {
        switch peek.kind {
        case .identifier:
            return advance()
        case .atom:
            throw error("'\(peek.text)' is an ALL-CAPS atom, not a \(what) name; \(what) names start with a lowercase letter or '_'",
                        at: peek.range)
        default:
            if peek.kind.isKeyword {
                throw error("\(describe(peek)) is a keyword and cannot be a \(what) name", at: peek.range)
            }
            throw error("expected a \(what) name, found \(describe(peek))", at: peek.range)
        }
    }

    mutating func parseIf() throws -> Stmt {
        let start = advance().range.start
        var branches: [ConditionalBranch] = []
        var elseBlock: Block?
        let condition = try parseExpression()
        branches.append(ConditionalBranch(condition: condition, body: try parseBlock()))
        while skipNewlines(before: .kwElse) {
            advance()
            if match(.kwIf) {
                let condition = try parseExpression()
                branches.append(ConditionalBranch(condition: condition, body: try parseBlock()))
            } else {
                elseBlock = try parseBlock()
                break
            }
        }
        return Stmt(.ifStatement(branches: branches, elseBlock: elseBlock), range(from: start))
    }

    /// Skips newlines when the first token after them is `kind` (`else` and `catch` may start a line).
    mutating func skipNewlines(before kind: TokenKind) -> Bool {
        var offset = 0
        while peek(offset).kind == .newline { offset += 1 }
        guard peek(offset).kind == kind else { return false }
        current += offset
        return true
    }

    mutating func parseForLoop(allowLimit: Bool) throws -> (loop: ForLoop, limit: Expr?) {
        let firstToken = try parseDeclaredName(what: "loop variable")
        var second: Token?
        if match(.comma) { second = try parseDeclaredName(what: "loop variable") }
        let namesRange = firstToken.range.union(second?.range ?? firstToken.range)
        try expect(.kwIn, "'in' after the loop variable")
        let iterable = try parseExpression()
        var filter: Expr?
        var limit: Expr?
        // `where` and `limit` may come in either order, each at most once.
        while peek.kind == .kwWhere || peek.kind == .kwLimit {
            let keyword = advance()
            if keyword.kind == .kwWhere {
                if filter != nil { throw error("'where' is given twice", at: keyword.range) }
                filter = try parseExpression()
            } else {
                guard allowLimit else {
                    throw error("'limit' belongs to 'parallel for'", at: keyword.range)
                }
                if limit != nil { throw error("'limit' is given twice", at: keyword.range) }
                limit = try parseExpression()
            }
        }
        let body = try parseBlock()
        let loop = ForLoop(first: firstToken.text, second: second?.text, namesRange: namesRange,
                           iterable: iterable, filter: filter, body: body)
        return (loop, limit)
    }

    mutating func parseTry() throws -> Stmt {
        let start = advance().range.start
        let body = try parseBlock()
        var catches: [CatchClause] = []
        while skipNewlines(before: .kwCatch) {
            advance()
            let name = try parseDeclaredName(what: "error")
            var filter: Expr?
            if match(.kwWhere) { filter = try parseExpression() }
            let handler = try parseBlock()
            catches.append(CatchClause(name: name.text, nameRange: name.range, filter: filter, body: handler))
        }
        var cleanup: Block?
        if skipNewlines(before: .kwFinally) {
            advance()
            cleanup = try parseBlock()
        }
        guard !catches.isEmpty || cleanup != nil else {
            // A 'catch' or 'finally' may still come on the next line: at the end of the input, ask for more.
            var offset = 0
            while peek(offset).kind == .newline { offset += 1 }
            throw error("expected 'catch' or 'finally' after the 'try' block, found \(describe(peek))", at: peek.range,
                        incomplete: peek(offset).kind == .eof)
        }
        if peek.kind == .kwCatch {
            throw error("'catch' must come before 'finally'", at: peek.range)
        }
        return Stmt(.tryStatement(body: body, catches: catches, finally: cleanup), range(from: start))
    }

    mutating func parseWait() throws -> Stmt {
        let start = advance().range.start
        try expect(.kwUntil, "'until' after 'wait' (wait until cond timeout 10m every 5s)")
        let condition = try parseExpression()
        var timeout: Expr?
        var every: Expr?
        while peek.kind == .kwTimeout || peek.kind == .kwEvery {
            let keyword = advance()
            let value = try parseExpression()
            if keyword.kind == .kwTimeout {
                if timeout != nil { throw error("'timeout' is given twice", at: keyword.range) }
                timeout = value
            } else {
                if every != nil { throw error("'every' is given twice", at: keyword.range) }
                every = value
            }
        }
        return Stmt(.wait(condition: condition, timeout: timeout, every: every), range(from: start))
    }

    /// An expression statement, a command call, or an assignment.
    mutating func parseExpressionStatement() throws -> Stmt {
        let start = peek.range.start
        let target = try parseCommandOrExpression()
        let op: AssignmentOperator
        switch peek.kind {
        case .equal: op = .assign
        case .plusEqual: op = .add
        case .minusEqual: op = .subtract
        case .starEqual: op = .multiply
        case .slashEqual: op = .divide
        default:
            return Stmt(.expression(target), range(from: start))
        }
        let opToken = advance()
        switch target.kind {
        case .name, .member(_, _, optional: false), .index:
            break
        default:
            throw error("cannot assign to this expression; the left of '\(op.rawValue)' must be a name, 'a.key' or 'a[i]'",
                        at: target.range.union(opToken.range))
        }
        let value = try parseCommandOrExpression()
        return Stmt(.assignment(target: target, op: op, value: value), range(from: start))
    }
}
