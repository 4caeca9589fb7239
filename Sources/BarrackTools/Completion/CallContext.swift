import BarrackScript

/// Where the word being completed stands, read from the tokens before it: in which call of a
/// built-in, after which keyword-argument label.
struct CallContext {
    /// The built-in whose arguments are being typed: `f(…` or the command form `f …`.
    private(set) var call: String?
    /// The keyword argument whose value is being typed (`region:` … or `in` …).
    private(set) var argumentLabel: String?
    /// The labels the call already gives.
    private(set) var givenLabels: Set<String> = []
    /// How many arguments of the call come before the word, when it is a positional argument.
    private(set) var positionalIndex: Int?

    /// One open bracket and the tokens of the statement (or argument list) inside it so far.
    private struct Level {
        var opener: TokenKind?
        var callee: String?
        var tokens: [Token] = []
    }

    /// Reads the context from the code before the word (`bytes`); `isBuiltin` says which names
    /// are built-ins.
    init(tokensOf bytes: [UInt8], isBuiltin: (String) -> Bool) {
        let source = Source(name: "<completion>", bytes: bytes)
        var tokens = Lexer.tokenize(source).tokens
        while let last = tokens.last, last.kind == .eof || last.kind == .newline { tokens.removeLast() }

        var levels = [Level()]
        for token in tokens {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                var callee: String?
                if token.kind == .leftParen, !token.spaceBefore, let previous = levels[levels.count - 1].tokens.last,
                   previous.kind == .identifier {
                    callee = previous.text
                }
                levels[levels.count - 1].tokens.append(token)
                levels.append(Level(opener: token.kind, callee: callee))
            case .rightParen, .rightBracket, .rightBrace:
                if levels.count > 1 { levels.removeLast() }
                if token.kind == .rightBrace {
                    levels[levels.count - 1].tokens = []
                } else {
                    levels[levels.count - 1].tokens.append(token)
                }
            case .semicolon, .newline:
                levels[levels.count - 1].tokens = []
            default:
                levels[levels.count - 1].tokens.append(token)
            }
        }

        let text = { (token: Token) in String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self) }
        let level = levels[levels.count - 1]
        call = CallContext.callee(of: level, isBuiltin: isBuiltin)
        // An element of a list given to a keyword argument, `f(volumes: ["a", ` …: that argument's.
        if level.opener == .leftBracket, levels.count >= 2 {
            let outer = levels[levels.count - 2]
            if outer.tokens.count >= 3, outer.tokens[outer.tokens.count - 2].kind == .colon,
               let outerCall = CallContext.callee(of: outer, isBuiltin: isBuiltin) {
                call = outerCall
                argumentLabel = text(outer.tokens[outer.tokens.count - 3])
                return
            }
        }
        for (index, token) in level.tokens.enumerated().dropFirst() where token.kind == .colon {
            givenLabels.insert(text(level.tokens[index - 1]))
        }
        if call != nil, givenLabels.isEmpty {
            let commas = level.tokens.filter { $0.kind == .comma }.count
            positionalIndex = level.tokens.last?.kind == .colon ? nil : commas
        }
        guard let last = level.tokens.last else { return }
        let previous = level.tokens.count >= 2 ? level.tokens[level.tokens.count - 2] : nil
        switch last.kind {
        case .colon:
            if let previous, previous.kind == .identifier || previous.kind.isKeyword {
                argumentLabel = text(previous)
                givenLabels.remove(text(previous))
            }
        case .kwIn where call != nil:
            argumentLabel = "region"
        default:
            break
        }
    }

    /// The built-in whose arguments `level` holds: the callee of its `(`, or the command form's.
    private static func callee(of level: Level, isBuiltin: (String) -> Bool) -> String? {
        switch level.opener {
        case .leftParen?: return level.callee.flatMap { isBuiltin($0) ? $0 : nil }
        case .leftBracket?: return nil
        default: return commandName(level.tokens, isBuiltin: isBuiltin)
        }
    }

    /// The built-in a statement calls in command form (LANGUAGE.md section 5): a name in command
    /// position — first, after `let x =` or an assignment, or after `return` — followed by an
    /// argument after white space.
    private static func commandName(_ tokens: [Token], isBuiltin: (String) -> Bool) -> String? {
        var rest = tokens[...]
        if rest.first?.kind == .kwLet, rest.count >= 3, rest.dropFirst(2).first?.kind == .equal {
            rest = rest.dropFirst(3)
        } else if rest.first?.kind == .kwReturn {
            rest = rest.dropFirst()
        } else if rest.first?.kind == .identifier, let operation = rest.dropFirst().first?.kind,
                  [.equal, .plusEqual, .minusEqual, .starEqual, .slashEqual].contains(operation) {
            rest = rest.dropFirst(2)
        }
        guard let name = rest.first, name.kind == .identifier, isBuiltin(name.text) else { return nil }
        if let argument = rest.dropFirst().first, !argument.spaceBefore { return nil }
        return name.text
    }
}
