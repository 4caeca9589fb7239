/// Command syntax (LANGUAGE.md section 5): `stop vm`, `deploy gpu: … in FINLAND-1`.
///
/// Whether a statement is a command call is decided by syntax alone, from the tokens and the
/// white space between them, never from what a name is bound to.
extension Parser {
    /// In command position: a command call when the tokens say so, else an ordinary expression.
    mutating func parseCommandOrExpression() throws -> Expr {
        guard peek.kind == .identifier, startsCommand(at: 1) else { return try parseExpression() }
        let nameToken = advance()
        let callee = Expr(.name(nameToken.text), nameToken.range)
        let arguments = try parseCommandArguments()
        return Expr(.call(callee, arguments, isCommand: true), range(from: nameToken.range.start))
    }

    /// Whether the token at `offset`, after a name in command position, begins command arguments.
    func startsCommand(at offset: Int) -> Bool {
        let next = peek(offset)
        guard next.spaceBefore else { return false }
        switch next.kind {
        case .minus:
            // `a - 1` subtracts; `print -3` passes -3.
            return !peek(offset + 1).spaceBefore
        case .identifier:
            if next.text == "x", canStartOperand(peek(offset + 1).kind) { return false }
            return true
        case .kwIn:
            return true
        default:
            if next.kind.isKeyword, peek(offset + 1).kind == .colon, !peek(offset + 1).spaceBefore { return true }
            return canStartOperand(next.kind) || next.kind == .kwNot
        }
    }

    /// Arguments separated by white space: expressions, `key: value`, and `in value` (= `region:`).
    mutating func parseCommandArguments() throws -> [CallArgument] {
        let saved = inCommandArguments
        inCommandArguments = true
        defer { inCommandArguments = saved }
        var arguments: [CallArgument] = []
        while true {
            switch peek.kind {
            case .newline, .semicolon, .rightBrace, .eof, .rightParen, .rightBracket, .equal, .plusEqual,
                 .minusEqual, .starEqual, .slashEqual:
                return arguments
            case .comma:
                throw error("unexpected ',': command arguments are separated by spaces", at: peek.range)
            case .kwIn:
                advance()
                arguments.append(CallArgument(label: "region", value: try parseExpression()))
            default:
                if let label = parseArgumentLabel() {
                    arguments.append(CallArgument(label: label.text, value: try parseExpression(), labelRange: label.range))
                } else if canStartOperand(peek.kind) || peek.kind == .kwNot {
                    arguments.append(CallArgument(label: nil, value: try parseExpression()))
                } else {
                    throw error("expected a command argument, found \(describe(peek))", at: peek.range)
                }
            }
        }
    }
}
