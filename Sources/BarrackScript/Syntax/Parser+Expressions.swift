/// Expressions, one function per precedence level, loosest first (LANGUAGE.md section 4):
/// `or`; `and`; `not`; comparisons; `??`; `..`; `+ -`; `* / // %`; `x`; unary `-`; postfix.
extension Parser {
    mutating func parseExpression() throws -> Expr {
        try enterNesting(at: peek.range)
        defer { depth -= 1 }
        return try parseOr()
    }

    /// An expression in which a spaced `(` or `[` still continues it (inside brackets, strings).
    mutating func parseNestedExpression() throws -> Expr {
        let saved = inCommandArguments
        inCommandArguments = false
        defer { inCommandArguments = saved }
        return try parseExpression()
    }

    /// One more level of a left-nested chain (`a + b + c`, `a.b.c`): its tree is as deep as a
    /// bracket nest, and a 100,000-term chain would overflow the stack of whatever walks or frees it.
    mutating func deepenChain(_ levels: inout Int, at range: SourceRange) throws {
        try enterNesting(at: range)
        levels += 1
    }

    mutating func parseOr() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseAnd()
        while peek.kind == .kwOr {
            try deepenChain(&levels, at: advance().range)
            let right = try parseAnd()
            left = Expr(.binary(.or, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func parseAnd() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseNot()
        while peek.kind == .kwAnd {
            try deepenChain(&levels, at: advance().range)
            let right = try parseNot()
            left = Expr(.binary(.and, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func parseNot() throws -> Expr {
        guard peek.kind == .kwNot else { return try parseComparison() }
        let start = advance().range.start
        try enterNesting(at: peek.range)
        defer { depth -= 1 }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), range(from: start))
    }

    mutating func parseComparison() throws -> Expr {
        let left = try parseCoalesce()
        guard let op = comparisonOperator(peek.kind) else { return left }
        advance()
        let right = try parseCoalesce()
        if comparisonOperator(peek.kind) != nil {
            throw error("comparisons do not chain: write 'a < b and b < c'", at: peek.range)
        }
        return Expr(.binary(op, left, right), left.range.union(right.range))
    }

    func comparisonOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equalEqual: return .equal
        case .bangEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    mutating func parseCoalesce() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseRange()
        while peek.kind == .questionQuestion {
            try deepenChain(&levels, at: advance().range)
            let right = try parseRange()
            left = Expr(.binary(.coalesce, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func parseRange() throws -> Expr {
        let left = try parseAdditive()
        guard peek.kind == .dotDot else { return left }
        advance()
        let right = try parseAdditive()
        return Expr(.binary(.range, left, right), left.range.union(right.range))
    }

    mutating func parseAdditive() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseMultiplicative()
        while peek.kind == .plus || peek.kind == .minus {
            let opToken = advance()
            try deepenChain(&levels, at: opToken.range)
            let op: BinaryOperator = opToken.kind == .plus ? .add : .subtract
            let right = try parseMultiplicative()
            left = Expr(.binary(op, left, right), left.range.union(right.range))
        }
        return left
    }

    mutating func parseMultiplicative() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseGPURequest()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .slashSlash: op = .floorDivide
            case .percent: op = .remainder
            default: return left
            }
            try deepenChain(&levels, at: advance().range)
            let right = try parseGPURequest()
            left = Expr(.binary(op, left, right), left.range.union(right.range))
        }
    }

    /// `model x count`: `x` is an operator only between two operands.
    mutating func parseGPURequest() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var left = try parseUnary()
        while isGPUOperator(at: 0) {
            try deepenChain(&levels, at: advance().range)
            let right = try parseUnary()
            left = Expr(.gpuRequest(left, right), left.range.union(right.range))
        }
        return left
    }

    /// Whether the token at `offset` is the `x` of a GPU request: the name `x` with an operand after it.
    func isGPUOperator(at offset: Int) -> Bool {
        let token = peek(offset)
        guard token.kind == .identifier, token.text == "x" else { return false }
        return canStartOperand(peek(offset + 1).kind)
    }

    func canStartOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .atom, .int, .float, .duration, .string, .stringStart, .leftParen,
             .leftBracket, .leftBrace, .minus, .kwTrue, .kwFalse, .kwNil, .kwFn:
            return true
        default:
            return false
        }
    }

    mutating func parseUnary() throws -> Expr {
        guard peek.kind == .minus else { return try parsePostfix() }
        let start = advance().range.start
        if peek.kind == .int, case .int(Int.min) = peek.value, !startsPostfix(peek(1).kind) {
            // `-9223372036854775808`, the smallest int, which prints that way and reads back.
            advance()
            return Expr(.intLiteral(Int.min), range(from: start))
        }
        try enterNesting(at: peek.range)
        defer { depth -= 1 }
        let operand = try parseUnary()
        let range = self.range(from: start)
        switch operand.kind {
        case .intLiteral(let value) where value != Int.min:
            return Expr(.intLiteral(-value), range)
        case .floatLiteral(let value):
            return Expr(.floatLiteral(-value), range)
        case .durationLiteral(let value):
            return Expr(.durationLiteral(-value), range)
        default:
            return Expr(.unary(.negate, operand), range)
        }
    }

    /// Whether a token continues an operand as a member access, call or index.
    func startsPostfix(_ kind: TokenKind) -> Bool {
        kind == .dot || kind == .questionDot || kind == .leftParen || kind == .leftBracket
    }

    mutating func parsePostfix() throws -> Expr {
        var levels = 0
        defer { depth -= levels }
        var expression = try parsePrimary()
        while true {
            switch peek.kind {
            case .dot, .questionDot:
                try deepenChain(&levels, at: peek.range)
                let optional = advance().kind == .questionDot
                let name = try parseMemberName()
                expression = Expr(.member(expression, name: name, optional: optional), range(from: expression.range.start))
            case .leftParen where !(inCommandArguments && peek.spaceBefore):
                try deepenChain(&levels, at: peek.range)
                let arguments = try parseCallArguments()
                expression = Expr(.call(expression, arguments, isCommand: false), range(from: expression.range.start))
            case .leftBracket where !(inCommandArguments && peek.spaceBefore):
                try deepenChain(&levels, at: peek.range)
                let open = advance()
                let index = try parseNestedExpression()
                try expectClosing(.rightBracket, "']'", opener: open)
                expression = Expr(.index(expression, index), range(from: expression.range.start))
            default:
                return expression
            }
        }
    }

    /// The name after `.` or `?.`: any word, keywords and atoms included (`err.code`, `m.in`).
    mutating func parseMemberName() throws -> String {
        let token = peek
        switch token.kind {
        case .identifier, .atom:
            advance()
            return token.text
        default:
            if token.kind.isKeyword {
                advance()
                return source.text(token.range)
            }
            throw error("expected a name after '.', found \(describe(token))", at: token.range)
        }
    }

    mutating func expectClosing(_ kind: TokenKind, _ text: String, opener: Token) throws {
        guard peek.kind != kind else {
            advance()
            return
        }
        if peek.kind == .eof {
            throw error("'\(source.text(opener.range))' is never closed: expected \(text) for the one opened here",
                        at: opener.range, incomplete: true)
        }
        let location = source.location(of: opener.range.start)
        throw error("expected \(text), found \(describe(peek))", at: peek.range,
                    notes: ["to match the '\(source.text(opener.range))' at \(location)"])
    }

    /// `(a, b, key: value)`, with an optional trailing comma.
    mutating func parseCallArguments() throws -> [CallArgument] {
        let open = advance()
        var arguments: [CallArgument] = []
        while peek.kind != .rightParen {
            if peek.kind == .eof { break }
            let label = parseArgumentLabel()
            let value = try parseNestedExpression()
            arguments.append(CallArgument(label: label?.text, value: value, labelRange: label?.range))
            if !match(.comma) { break }
        }
        try expectClosing(.rightParen, "')'", opener: open)
        return arguments
    }

    /// `key:` before an argument: a word immediately followed by `:`, and where the word is.
    mutating func parseArgumentLabel() -> (text: String, range: SourceRange)? {
        let token = peek
        guard peek(1).kind == .colon, !peek(1).spaceBefore else { return nil }
        switch token.kind {
        case .identifier:
            break
        default:
            guard token.kind.isKeyword else { return nil }
        }
        advance()
        advance()
        return (source.text(token.range), token.range)
    }

    mutating func parsePrimary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .int:
            advance()
            if case .int(Int.min) = token.value {
                throw error("integer literal '\(source.text(token.range))' does not fit in 64 bits (only its negative does)",
                            at: token.range)
            }
            if case .int(let value) = token.value { return Expr(.intLiteral(value), token.range) }
            return Expr(.intLiteral(0), token.range)
        case .float:
            advance()
            if case .float(let value) = token.value { return Expr(.floatLiteral(value), token.range) }
            return Expr(.floatLiteral(0), token.range)
        case .duration:
            advance()
            if case .duration(let value) = token.value { return Expr(.durationLiteral(value), token.range) }
            return Expr(.durationLiteral(0), token.range)
        case .string:
            advance()
            return Expr(.stringLiteral(token.text), token.range)
        case .stringStart:
            return try parseInterpolation()
        case .atom:
            advance()
            return Expr(.atom(token.text), token.range)
        case .identifier:
            advance()
            return Expr(.name(token.text), token.range)
        case .kwTrue, .kwFalse:
            advance()
            return Expr(.boolLiteral(token.kind == .kwTrue), token.range)
        case .kwNil:
            advance()
            return Expr(.nilLiteral, token.range)
        case .leftParen:
            advance()
            if peek.kind == .rightParen {
                throw error("empty parentheses: expected an expression inside '( )'", at: token.range.union(peek.range))
            }
            var inner = try parseNestedExpression()
            try expectClosing(.rightParen, "')'", opener: token)
            inner.range = range(from: token.range.start)
            return inner
        case .leftBracket:
            return try parseList()
        case .leftBrace:
            return try parseMap()
        case .kwFn:
            advance()
            let function = try parseFunction(start: token.range.start, named: false)
            return Expr(.lambda(function), function.range)
        default:
            throw error("expected an expression, found \(describe(token))", at: token.range)
        }
    }

    mutating func parseInterpolation() throws -> Expr {
        let start = peek.range.start
        var parts: [InterpolationPart] = []
        var token = advance()
        while true {
            if !token.text.isEmpty { parts.append(.text(token.text)) }
            if token.kind == .stringEnd || token.kind == .string { break }
            if peek.kind == .stringMiddle || peek.kind == .stringEnd {
                throw error("empty interpolation '{}' in a string: put an expression inside, or write \\{ for a brace",
                            at: peek.range)
            }
            parts.append(.expression(try parseNestedExpression()))
            guard peek.kind == .stringMiddle || peek.kind == .stringEnd else {
                throw error("expected '}' to end the interpolation, found \(describe(peek))", at: peek.range)
            }
            token = advance()
        }
        return Expr(.interpolation(parts), range(from: start))
    }

    mutating func parseList() throws -> Expr {
        let open = advance()
        var elements: [Expr] = []
        while peek.kind != .rightBracket, peek.kind != .eof {
            elements.append(try parseNestedExpression())
            if !match(.comma) { break }
        }
        try expectClosing(.rightBracket, "']'", opener: open)
        return Expr(.list(elements), range(from: open.range.start))
    }

    /// `{key: value, "odd key": value}`; newlines may separate entries as commas do.
    mutating func parseMap() throws -> Expr {
        let open = advance()
        try enterNesting(at: open.range)
        defer { depth -= 1 }
        var entries: [MapEntry] = []
        skipNewlinesInMap()
        while peek.kind != .rightBrace, peek.kind != .eof {
            let key = try parseMapKey()
            try expect(.colon, "':' after the map key")
            skipNewlinesInMap()
            let value = try parseNestedExpression()
            entries.append(MapEntry(key: key, value: value))
            let hadNewline = peek.kind == .newline
            skipNewlinesInMap()
            if !match(.comma) && !hadNewline { break }
            skipNewlinesInMap()
        }
        try expectClosing(.rightBrace, "'}'", opener: open)
        return Expr(.map(entries), range(from: open.range.start))
    }

    mutating func skipNewlinesInMap() {
        while peek.kind == .newline { advance() }
    }

    mutating func parseMapKey() throws -> Expr {
        let token = peek
        switch token.kind {
        case .identifier, .atom:
            advance()
            return Expr(.stringLiteral(token.text), token.range)
        case .string:
            advance()
            return Expr(.stringLiteral(token.text), token.range)
        case .stringStart:
            return try parseInterpolation()
        default:
            if token.kind.isKeyword {
                advance()
                return Expr(.stringLiteral(source.text(token.range)), token.range)
            }
            throw error("expected a map key (a name or a string), found \(describe(token))", at: token.range)
        }
    }

    /// After `fn` (and its name when `named`): parameters and a block or single-expression body.
    mutating func parseFunction(start: Int, named: Bool) throws -> FunctionDecl {
        var name: String?
        if named { name = try parseDeclaredName(what: "function").text }
        let open = try expect(.leftParen, named ? "'(' after the function's name" : "'(' after 'fn'")
        var parameters: [Parameter] = []
        while peek.kind != .rightParen, peek.kind != .eof {
            let token = try parseDeclaredName(what: "parameter")
            var defaultValue: Expr?
            if match(.equal) {
                defaultValue = try parseNestedExpression()
            } else if parameters.last?.defaultValue != nil {
                throw error("parameter '\(token.text)' has no default but comes after one that has; parameters with defaults come last",
                            at: token.range)
            }
            if parameters.contains(where: { $0.name == token.text }) {
                throw error("parameter '\(token.text)' is declared twice", at: token.range)
            }
            parameters.append(Parameter(name: token.text, defaultValue: defaultValue, range: token.range))
            if !match(.comma) { break }
        }
        try expectClosing(.rightParen, "')'", opener: open)
        if peek.kind == .leftBrace {
            let body = try parseBlock()
            return FunctionDecl(name: name, parameters: parameters, body: body, isExpressionBody: false,
                                range: range(from: start))
        }
        if isAtStatementEnd {
            throw error("expected the function's body: '{ … }' or a single expression", at: peek.range)
        }
        let value = try parseNestedExpression()
        let body = Block(statements: [Stmt(.returnStatement(value), value.range)], range: value.range)
        return FunctionDecl(name: name, parameters: parameters, body: body, isExpressionBody: true,
                            range: range(from: start))
    }
}
