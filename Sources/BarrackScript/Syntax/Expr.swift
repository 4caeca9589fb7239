/// An expression of the syntax tree, with the source bytes it came from.
public struct Expr: Sendable {
    /// What kind of expression, with its parts.
    public var kind: ExprKind
    /// Where it is in the source.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The forms of expression (LANGUAGE.md section 4).
public indirect enum ExprKind: Sendable {
    case nilLiteral
    case boolLiteral(Bool)
    case intLiteral(Int)
    case floatLiteral(Double)
    /// Milliseconds.
    case durationLiteral(Int)
    case stringLiteral(String)
    /// `"a {x} b"`: text and expressions, in order.
    case interpolation([InterpolationPart])
    /// An ALL-CAPS word such as `FINLAND-1`: the string of its text.
    case atom(String)
    case name(String)
    case list([Expr])
    case map([MapEntry])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `model x count`: a GPU request.
    case gpuRequest(Expr, Expr)
    /// `a.name`, or `a?.name` when `optional`.
    case member(Expr, name: String, optional: Bool)
    case index(Expr, Expr)
    /// A call; `isCommand` when written shell-style (`stop vm`).
    case call(Expr, [CallArgument], isCommand: Bool)
    case lambda(FunctionDecl)
}

/// A piece of an interpolated string.
public enum InterpolationPart: Sendable {
    case text(String)
    case expression(Expr)
}

/// A `key: value` entry of a map literal; `key` is the string written or the bare identifier.
public struct MapEntry: Sendable {
    /// The key expression (a string literal for `name:` and `"name":`).
    public var key: Expr
    /// The value.
    public var value: Expr
}

/// A call argument, positional or `label: value`.
public struct CallArgument: Sendable {
    /// The keyword, or nil for a positional argument.
    public var label: String?
    /// The value.
    public var value: Expr
    /// Where the keyword is written (`nmae` of `nmae: "x"`), for an error about the keyword itself;
    /// nil for a positional argument and for `in` (which stands for `region:`).
    public var labelRange: SourceRange? = nil
}

/// The prefix operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "not"
}

/// The infix operators other than `x`.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case coalesce = "??", range = "..", and = "and", or = "or"
}
