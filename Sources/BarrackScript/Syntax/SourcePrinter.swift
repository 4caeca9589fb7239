/// Prints a syntax tree back as Barrack Script source in one canonical layout, for
/// `barrack parse --source`: two-space indents, one statement a line, parentheses only where
/// precedence needs them. Parsing the output gives the same tree (a property the tests check over
/// every golden script). Comments and blank lines are not in the tree, so they are not kept.
///
///     let   total=a+(b*c)   →   let total = a + b * c
public struct SourcePrinter {
    private var output = ""
    /// The indent of the statement being printed, for the blocks of lambdas inside it.
    private var depth = 0

    /// The canonical source of a whole program.
    public static func print(_ statements: [Stmt]) -> String {
        var printer = SourcePrinter()
        for statement in statements { printer.statement(statement, 0) }
        return printer.output
    }

    /// The canonical source of one expression.
    public static func print(_ expression: Expr) -> String {
        SourcePrinter().text(of: expression, Precedence.lowest)
    }

    // MARK: - Statements

    private mutating func line(_ depth: Int, _ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    private mutating func statement(_ statement: Stmt, _ depth: Int) {
        self.depth = depth
        switch statement.kind {
        case .expression(let expression):
            line(depth, leadingBraceBracketed(expression, commandOrExpression(expression)))
        case .letDeclaration(let name, _, let value):
            line(depth, "let \(name) = \(commandOrExpression(value))")
        case .assignment(let target, let op, let value):
            let targetText = leadingBraceBracketed(target, text(of: target, Precedence.lowest))
            line(depth, "\(targetText) \(op.rawValue) \(commandOrExpression(value))")
        case .function(let function):
            self.function(function, keyword: "fn \(function.name ?? "")", depth)
        case .returnStatement(let value):
            line(depth, value.map { "return \(commandOrExpression($0))" } ?? "return")
        case .ifStatement(let branches, let elseBlock):
            var parts = branches.enumerated().map { index, branch in
                ((index == 0 ? "if " : "else if ") + clause(branch.condition), branch.body)
            }
            if let elseBlock { parts.append(("else", elseBlock)) }
            chain(parts, depth)
        case .whileStatement(let condition, let body):
            block("while \(clause(condition))", body, depth)
        case .forStatement(let loop):
            block("for " + header(loop), loop.body, depth)
        case .parallelFor(let loop, let limit):
            let limitText = limit.map { " limit \(clause($0))" } ?? ""
            block("parallel for " + header(loop) + limitText, loop.body, depth)
        case .breakStatement:
            line(depth, "break")
        case .continueStatement:
            line(depth, "continue")
        case .tryStatement(let body, let catches, let cleanup):
            var parts = [("try", body)]
            for handler in catches {
                parts.append(("catch \(handler.name)" + (handler.filter.map { " where \(clause($0))" } ?? ""), handler.body))
            }
            if let cleanup { parts.append(("finally", cleanup)) }
            chain(parts, depth)
        case .deferStatement(let body):
            block("defer", body, depth)
        case .raise(let value):
            line(depth, "raise \(commandOrExpression(value))")
        case .importStatement(let name):
            line(depth, "import \(Value.quote(name))")
        case .wait(let condition, let timeout, let every):
            var text = "wait until \(clause(condition))"
            if let timeout { text += " timeout \(clause(timeout))" }
            if let every { text += " every \(clause(every))" }
            line(depth, text)
        case .block(let body):
            block("", body, depth)
        }
    }

    /// `HEADER {`, the statements one level in, `}`; an empty header is a bare block.
    private mutating func block(_ header: String, _ body: Block, _ depth: Int) {
        line(depth, header.isEmpty ? "{" : header + " {")
        statements(body, depth + 1)
        line(depth, "}")
    }

    /// Blocks that follow each other on the line of the closing brace before them:
    /// `if … { } else { }`, `try { } catch e { } finally { }`.
    private mutating func chain(_ parts: [(header: String, body: Block)], _ depth: Int) {
        for (index, part) in parts.enumerated() {
            line(depth, (index == 0 ? "" : "} ") + part.header + " {")
            statements(part.body, depth + 1)
        }
        line(depth, "}")
    }

    private mutating func statements(_ body: Block, _ depth: Int) {
        let outer = self.depth
        for statement in body.statements { self.statement(statement, depth) }
        self.depth = outer
    }

    private func header(_ loop: ForLoop) -> String {
        let names = loop.second.map { "\(loop.first), \($0)" } ?? loop.first
        let filter = loop.filter.map { " where \(clause($0))" } ?? ""
        return "\(names) in \(clause(loop.iterable))\(filter)"
    }

    private mutating func function(_ function: FunctionDecl, keyword: String, _ depth: Int) {
        let signature = keyword + parameterList(function)
        if function.isExpressionBody, let value = expressionBody(function) {
            line(depth, "\(signature) \(bodyText(value))")
        } else {
            block(signature, function.body, depth)
        }
    }

    private func parameterList(_ function: FunctionDecl) -> String {
        let parameters = function.parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name) = \(text(of: $0, Precedence.lowest))" } ?? parameter.name
        }
        return "(" + parameters.joined(separator: ", ") + ")"
    }

    /// The single expression of `fn(x) x * 2`, kept as one `return` in the tree.
    private func expressionBody(_ function: FunctionDecl) -> Expr? {
        guard function.body.statements.count == 1, case .returnStatement(let value)? = function.body.statements.first?.kind
        else { return nil }
        return value
    }

    /// A single-expression body.
    private func bodyText(_ value: Expr) -> String {
        leadingBraceBracketed(value, text(of: value, Precedence.lowest))
    }

    /// `text`, the source of `expression`, bracketed when it starts with a map: where a statement
    /// or a function body begins, a `{` opens a block.
    private func leadingBraceBracketed(_ expression: Expr, _ text: String) -> String {
        startsWithBrace(expression) ? "(\(text))" : text
    }

    /// An expression after a keyword (`if`, `while`, `in`, `where`, `timeout`…): a lambda there
    /// would swallow the `{` that follows, so it is bracketed.
    private func clause(_ expression: Expr) -> String {
        text(of: expression, Precedence.or)
    }

    // MARK: - Commands

    /// Where the grammar allows a command (`stop vm`): the statement's expression, a `let`'s or
    /// an assignment's value, `return` and `raise`.
    private func commandOrExpression(_ expression: Expr) -> String {
        guard case .call(let callee, let arguments, isCommand: true) = expression.kind, case .name(let name) = callee.kind
        else { return text(of: expression, Precedence.lowest) }
        let words = arguments.map { argument in
            let value = commandArgument(argument.value)
            return argument.label.map { "\($0): \(value)" } ?? value
        }
        return ([name] + words).joined(separator: " ")
    }

    /// A command argument: bracketed unless it is one word with no spaces, since a space ends it.
    private func commandArgument(_ expression: Expr) -> String {
        let text = self.text(of: expression, Precedence.lowest)
        switch expression.kind {
        case .nilLiteral, .boolLiteral, .stringLiteral, .interpolation, .atom, .name, .list, .map, .member, .index:
            return text
        case .intLiteral(let value) where value >= 0:
            return text
        case .floatLiteral(let value) where value.sign == .plus:
            return text
        case .durationLiteral(let value) where value >= 0:
            return text
        case .call(_, _, isCommand: false):
            return text
        default:
            return "(\(text))"
        }
    }

    // MARK: - Expressions

    /// Binding strength, loosest first (the parser's levels, LANGUAGE.md section 4).
    private enum Precedence {
        static let lowest = 0, or = 1, and = 2, not = 3, comparison = 4, coalesce = 5, range = 6
        static let additive = 7, multiplicative = 8, gpu = 9, unary = 10, postfix = 11, primary = 12
    }

    /// `expression` as source, bracketed when it binds less tightly than `context` requires.
    private func text(of expression: Expr, _ context: Int) -> String {
        let (text, precedence) = unbracketed(expression)
        return precedence < context ? "(\(text))" : text
    }

    private func unbracketed(_ expression: Expr) -> (String, Int) {
        switch expression.kind {
        case .nilLiteral: return ("nil", Precedence.primary)
        case .boolLiteral(let value): return (value ? "true" : "false", Precedence.primary)
        case .intLiteral(let value): return (String(value), value < 0 ? Precedence.unary : Precedence.primary)
        case .floatLiteral(let value): return (Value.formatFloat(value), value.sign == .minus ? Precedence.unary : Precedence.primary)
        case .durationLiteral(let value):
            return (Value.formatDuration(value), value < 0 ? Precedence.unary : Precedence.primary)
        case .stringLiteral(let value): return (Value.quote(value), Precedence.primary)
        case .interpolation(let parts): return (interpolation(parts), Precedence.primary)
        case .atom(let value), .name(let value): return (value, Precedence.primary)
        case .list(let elements):
            return ("[" + elements.map { text(of: $0, Precedence.lowest) }.joined(separator: ", ") + "]", Precedence.primary)
        case .map(let entries):
            let items = entries.map { "\(mapKey($0.key)): \(text(of: $0.value, Precedence.lowest))" }
            return ("{" + items.joined(separator: ", ") + "}", Precedence.primary)
        case .unary(.negate, let operand):
            // `- -x` and `-(-3)`: a minus before a minus (or a negative literal) is bracketed.
            let inner = text(of: operand, Precedence.unary)
            return ("-" + (inner.hasPrefix("-") ? "(\(inner))" : inner), Precedence.unary)
        case .unary(.not, let operand):
            return ("not " + text(of: operand, Precedence.not), Precedence.not)
        case .binary(let op, let left, let right):
            return binary(op, left, right)
        case .gpuRequest(let model, let count):
            return ("\(text(of: model, Precedence.gpu)) x \(text(of: count, Precedence.unary))", Precedence.gpu)
        case .member(let object, let name, let optional):
            return (text(of: object, Precedence.postfix) + (optional ? "?." : ".") + name, Precedence.postfix)
        case .index(let object, let index):
            return (text(of: object, Precedence.postfix) + "[\(text(of: index, Precedence.lowest))]", Precedence.postfix)
        case .call(let callee, let arguments, _):
            let items = arguments.map { argument in
                let value = text(of: argument.value, Precedence.lowest)
                return argument.label.map { "\($0): \(value)" } ?? value
            }
            return (text(of: callee, Precedence.postfix) + "(" + items.joined(separator: ", ") + ")", Precedence.postfix)
        case .lambda(let function):
            // A lambda's body reaches as far as it can, so it binds the loosest of all.
            let signature = "fn" + parameterList(function)
            if function.isExpressionBody, let value = expressionBody(function) {
                return ("\(signature) \(bodyText(value))", Precedence.lowest)
            }
            return ("\(signature) " + inlineBlock(function.body), Precedence.lowest)
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> (String, Int) {
        let level: Int
        var chains = true
        switch op {
        case .or: level = Precedence.or
        case .and: level = Precedence.and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            level = Precedence.comparison
            chains = false
        case .coalesce: level = Precedence.coalesce
        case .range:
            level = Precedence.range
            chains = false
        case .add, .subtract: level = Precedence.additive
        case .multiply, .divide, .floorDivide, .remainder: level = Precedence.multiplicative
        }
        let leftText = text(of: left, chains ? level : level + 1)
        return ("\(leftText) \(op.rawValue) \(text(of: right, level + 1))", level)
    }

    /// A block inside an expression (a lambda's body): its statements on their own lines, one
    /// level in from the statement that holds it.
    private func inlineBlock(_ body: Block) -> String {
        var printer = SourcePrinter()
        printer.statements(body, depth + 1)
        return "{\n" + printer.output + String(repeating: "  ", count: depth) + "}"
    }

    private func interpolation(_ parts: [InterpolationPart]) -> String {
        var text = "\""
        for part in parts {
            switch part {
            case .text(let piece): text += Value.quote(piece).dropFirst().dropLast()
            case .expression(let value): text += "{\(self.text(of: value, Precedence.lowest))}"
            }
        }
        return text + "\""
    }

    private func mapKey(_ key: Expr) -> String {
        if case .stringLiteral(let name) = key.kind, Value.isBareKey(name) { return name }
        return text(of: key, Precedence.primary)
    }

    /// Whether the source of `expression` starts with `{` (a map literal at its far left).
    private func startsWithBrace(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .map: return true
        case .binary(_, let left, _), .gpuRequest(let left, _): return startsWithBrace(left)
        case .member(let object, _, _), .index(let object, _): return startsWithBrace(object)
        case .call(let callee, _, isCommand: false): return startsWithBrace(callee)
        default: return false
        }
    }
}
