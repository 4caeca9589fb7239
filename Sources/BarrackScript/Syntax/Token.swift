/// The kinds of token of Barrack Script (LANGUAGE.md section 1).
public enum TokenKind: UInt8, Sendable, CustomStringConvertible {
    // Literals and names.
    case identifier, atom, int, float, duration, string
    /// The text before the first `{` of an interpolated string.
    case stringStart
    /// The text between two interpolations.
    case stringMiddle
    /// The text after the last interpolation, up to the closing quote.
    case stringEnd
    // Keywords.
    case kwLet, kwFn, kwReturn, kwIf, kwElse, kwWhile, kwFor, kwIn, kwWhere, kwBreak, kwContinue
    case kwTry, kwCatch, kwFinally, kwDefer, kwRaise, kwImport, kwWait, kwUntil, kwTimeout, kwEvery, kwParallel, kwLimit
    case kwAnd, kwOr, kwNot, kwTrue, kwFalse, kwNil
    // Punctuation.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, questionDot, colon, semicolon
    // Operators.
    case plus, minus, star, slash, slashSlash, percent
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case equal, plusEqual, minusEqual, starEqual, slashEqual
    case questionQuestion, dotDot
    // Layout.
    case newline, eof

    /// The keywords, by their text.
    public static let keywords: [String: TokenKind] = [
        "let": .kwLet, "fn": .kwFn, "return": .kwReturn, "if": .kwIf, "else": .kwElse,
        "while": .kwWhile, "for": .kwFor, "in": .kwIn, "where": .kwWhere, "break": .kwBreak,
        "continue": .kwContinue, "try": .kwTry, "catch": .kwCatch,
        "finally": .kwFinally, "defer": .kwDefer, "raise": .kwRaise,
        "import": .kwImport, "wait": .kwWait, "until": .kwUntil, "timeout": .kwTimeout,
        "every": .kwEvery, "parallel": .kwParallel, "limit": .kwLimit, "and": .kwAnd, "or": .kwOr,
        "not": .kwNot, "true": .kwTrue, "false": .kwFalse, "nil": .kwNil,
    ]

    /// Whether the token is a keyword (its text is then also a valid keyword-argument label).
    public var isKeyword: Bool { rawValue >= TokenKind.kwLet.rawValue && rawValue <= TokenKind.kwNil.rawValue }

    /// Whether a newline right after this token continues the statement (LANGUAGE.md section 1).
    var continuesLine: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .slashSlash, .percent, .equalEqual, .bangEqual, .less,
             .lessEqual, .greater, .greaterEqual, .equal, .plusEqual, .minusEqual, .starEqual,
             .slashEqual, .questionQuestion, .dotDot, .comma, .dot, .questionDot, .leftParen,
             .leftBracket, .kwAnd, .kwOr, .kwNot, .colon:
            return true
        default:
            return false
        }
    }

    /// Whether the token is a binary operator (used by the command-syntax rule).
    var isBinaryOperator: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .slashSlash, .percent, .equalEqual, .bangEqual, .less,
             .lessEqual, .greater, .greaterEqual, .questionQuestion, .dotDot, .kwAnd, .kwOr:
            return true
        default:
            return false
        }
    }

    public var description: String {
        switch self {
        case .identifier: return "name"
        case .atom: return "atom"
        case .int: return "integer"
        case .float: return "number"
        case .duration: return "duration"
        case .string, .stringStart: return "string"
        case .stringMiddle, .stringEnd: return "string text"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .questionDot: return "'?.'"
        case .colon: return "':'"
        case .semicolon: return "';'"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .slashSlash: return "'//'"
        case .percent: return "'%'"
        case .equalEqual: return "'=='"
        case .bangEqual: return "'!='"
        case .less: return "'<'"
        case .lessEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterEqual: return "'>='"
        case .equal: return "'='"
        case .plusEqual: return "'+='"
        case .minusEqual: return "'-='"
        case .starEqual: return "'*='"
        case .slashEqual: return "'/='"
        case .questionQuestion: return "'??'"
        case .dotDot: return "'..'"
        case .newline: return "end of line"
        case .eof: return "end of file"
        default:
            let text = TokenKind.keywords.first { $0.value == self }?.key ?? "keyword"
            return "'\(text)'"
        }
    }
}

/// The value a literal token carries.
public enum TokenValue: Sendable, Equatable {
    case none
    case int(Int)
    case float(Double)
    /// Milliseconds.
    case duration(Int)
    /// The decoded text of a string (piece), the name of an identifier or the text of an atom.
    case text(String)
}

/// One token: its kind, where it is, whether white space precedes it, and its value.
public struct Token: Sendable {
    /// What it is.
    public var kind: TokenKind
    /// Its bytes in the source.
    public var range: SourceRange
    /// 1-based line of its first byte.
    public var line: Int32
    /// 1-based column (in characters) of its first byte.
    public var column: Int32
    /// Whether white space, a comment or a line start comes right before it. Command syntax depends
    /// on it: `print(1)` is a call, `print (1)` passes `(1)`.
    public var spaceBefore: Bool
    /// The literal's value or the name's text.
    public var value: TokenValue

    /// The text of an identifier, atom or string piece; empty otherwise.
    public var text: String {
        if case .text(let text) = value { return text }
        return ""
    }
}
