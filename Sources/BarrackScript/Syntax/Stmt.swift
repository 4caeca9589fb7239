/// A statement of the syntax tree, with the source bytes it came from.
public struct Stmt: Sendable {
    /// What kind of statement, with its parts.
    public var kind: StmtKind
    /// Where it is in the source.
    public var range: SourceRange

    /// Creates a statement.
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A `{ … }` block: a list of statements and a scope of its own.
public struct Block: Sendable {
    /// The statements, in order.
    public var statements: [Stmt]
    /// From `{` to `}`.
    public var range: SourceRange

    /// Creates a block.
    public init(statements: [Stmt], range: SourceRange) {
        self.statements = statements
        self.range = range
    }
}

/// The forms of statement (LANGUAGE.md section 3).
public indirect enum StmtKind: Sendable {
    case expression(Expr)
    /// `let name = value`.
    case letDeclaration(name: String, nameRange: SourceRange, value: Expr)
    /// `target = value`, or a compound form; the target is a name, member or index expression.
    case assignment(target: Expr, op: AssignmentOperator, value: Expr)
    case function(FunctionDecl)
    case returnStatement(Expr?)
    /// `if a { } else if b { } else { }`: the conditional branches in order, and the `else` block.
    case ifStatement(branches: [ConditionalBranch], elseBlock: Block?)
    case whileStatement(condition: Expr, body: Block)
    case forStatement(ForLoop)
    /// `parallel for … limit n { }`.
    case parallelFor(ForLoop, limit: Expr?)
    case breakStatement
    case continueStatement
    /// `try { } catch e where cond { } catch e { } finally { }`: at least one `catch` or a `finally`.
    case tryStatement(body: Block, catches: [CatchClause], finally: Block?)
    /// `defer { }`: the block runs when the enclosing block ends, however it ends.
    case deferStatement(Block)
    case raise(Expr)
    /// `import "name"`; the string as written.
    case importStatement(String)
    /// `wait until cond timeout t every p`.
    case wait(condition: Expr, timeout: Expr?, every: Expr?)
    /// A bare `{ … }` block.
    case block(Block)
}

/// `=`, `+=`, `-=`, `*=`, `/=`.
public enum AssignmentOperator: String, Sendable {
    case assign = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="
}

/// One `if` or `else if` branch.
public struct ConditionalBranch: Sendable {
    /// The condition.
    public var condition: Expr
    /// What runs when it holds.
    public var body: Block
}

/// A `for` loop: `for x in xs where cond { }` or `for i, x in xs { }`.
public struct ForLoop: Sendable {
    /// The loop variable, or the index/key when `second` is present.
    public var first: String
    /// The element/value variable of the two-name form.
    public var second: String?
    /// Where the loop variables are written.
    public var namesRange: SourceRange
    /// What is iterated.
    public var iterable: Expr
    /// The `where` filter.
    public var filter: Expr?
    /// The body.
    public var body: Block
}

/// One `catch name where cond { }` clause.
public struct CatchClause: Sendable {
    /// The name the error is bound to.
    public var name: String
    /// Where the name is written.
    public var nameRange: SourceRange
    /// The `where` filter; unmatched errors go on to the next clause, then propagate.
    public var filter: Expr?
    /// The handler.
    public var body: Block
}

/// A named function or a lambda.
public struct FunctionDecl: Sendable {
    /// The name, or nil for a lambda.
    public var name: String?
    /// The parameters in order; those with defaults come last.
    public var parameters: [Parameter]
    /// The body; a lambda's single expression becomes a block with one `return`.
    public var body: Block
    /// Whether the body was a single expression (`fn(x) x * 2`).
    public var isExpressionBody: Bool
    /// From `fn` to the end of the body.
    public var range: SourceRange
}

/// A function parameter, with its default value if it has one.
public struct Parameter: Sendable {
    /// The name.
    public var name: String
    /// The default, evaluated at each call that leaves the parameter out.
    public var defaultValue: Expr?
    /// Where the name is written.
    public var range: SourceRange
}
