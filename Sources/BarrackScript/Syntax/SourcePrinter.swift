/// Prints a syntax tree back as Barrack Script source in one canonical layout, for
/// `barrack parse --source`: two-space indents, one statement a line, parentheses only where
/// precedence needs them. Parsing the output gives the same tree (a property the tests check over
/// every golden script). Comments and blank lines are not in the tree: printed alone, a tree loses
/// them; the formatter (`ScriptFormatter`) prints with the source's `Trivia` and keeps them.
///
///     let   total=a+(b*c)   →   let total = a + b * c
public struct SourcePrinter {
    private var output = ""
    /// The indent of the statement being printed, for the blocks of lambdas inside it.
    private var depth = 0
    /// The comments and blank lines to keep, when printing for the formatter.
    private var trivia: Trivia?
    /// Whether a bracketed list the author broke over lines is printed one item a line (not
    /// inside a string's interpolation).
    private var breaksLines = true

    /// The canonical source of a whole program.
    public static func print(_ statements: [Stmt]) -> String {
        var printer = SourcePrinter()
        for statement in statements { printer.statement(statement, 0) }
        return printer.output
    }

    /// The canonical source of a whole program with the comments and blank lines of `trivia`.
    static func print(_ statements: [Stmt], keeping trivia: Trivia) -> String {
        var printer = SourcePrinter()
        printer.trivia = trivia
        trivia.startBlock()
        for statement in statements { printer.statement(statement, 0) }
        printer.comments(trivia.comments(before: Int.max), 0)
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
        if let trivia {
            comments(trivia.comments(before: statement.range.start), depth)
            if trivia.blankLine(before: statement.range.start) { output += "\n" }
        }
        self.depth = depth
        kind(of: statement, depth)
        if let trivia {
            // A comment inside an expression printed on one line goes after the statement.
            let inside = trivia.comments(before: statement.range.end)
            if let trailing = trivia.trailingComment(after: statement.range.end), output.hasSuffix("\n") {
                output.removeLast()
                output += " " + trailing + "\n"
            }
            comments(inside.map { Trivia.CommentLine(text: $0.text, blankBefore: false) }, depth)
        }
    }

    /// Comments, each on a line of its own at `depth`, after a blank line where one was.
    private mutating func comments(_ lines: [Trivia.CommentLine], _ depth: Int) {
        for comment in lines {
            if comment.blankBefore { output += "\n" }
            line(depth, comment.text)
        }
    }

    private mutating func kind(of statement: Stmt, _ depth: Int) {
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
            chain(parts, in: statement.range, depth)
        case .whileStatement(let condition, let body):
            block("while \(clause(condition))", body, depth)
        case .forStatement(let loop):
            block("for " + header(loop), loop.body, depth)
        case .parallelFor(let loop, let limit):
            let limitText = limit.map { " limit \(clause($0))" } ?? ""
            block("parallel for " + header(loop, limit: limitText), loop.body, depth)
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
            chain(parts, in: statement.range, depth)
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
        if let only = oneLine(body) {
            line(depth, (header.isEmpty ? "" : header + " ") + braced(only))
            return
        }
        line(depth, header.isEmpty ? "{" : header + " {")
        statements(body, depth + 1)
        line(depth, "}")
    }

    /// Blocks that follow each other on the line of the closing brace before them:
    /// `if … { } else { }`, `try { } catch e { } finally { }`.
    private mutating func chain(_ parts: [(header: String, body: Block)], in range: SourceRange, _ depth: Int) {
        if let written = oneLine(parts, in: range) {
            line(depth, written)
            return
        }
        for (index, part) in parts.enumerated() {
            line(depth, (index == 0 ? "" : "} ") + part.header + " {")
            statements(part.body, depth + 1)
        }
        line(depth, "}")
    }

    /// A chain written on one line, every block of it one statement, as one line:
    /// `try { f() } catch e { print e.code }`.
    private func oneLine(_ parts: [(header: String, body: Block)], in range: SourceRange) -> String? {
        guard let trivia, !trivia.hasLineBreak(from: range.start, to: range.end) else { return nil }
        var pieces: [String] = []
        for part in parts {
            guard let only = oneLine(part.body) else { return nil }
            pieces.append(part.header + " " + braced(only))
        }
        return pieces.joined(separator: " ")
    }

    /// `{ statement }`, or `{}` for an empty block.
    private func braced(_ statement: String) -> String {
        statement.isEmpty ? "{}" : "{ " + statement + " }"
    }

    /// The one statement of `body` as one line, when the formatter prints and the author wrote
    /// the block on one line with no comment in it: `if i == 1 { continue }` stays as it is. An
    /// empty block with no comment in it is the empty text (`{}`), however it was written.
    private func oneLine(_ body: Block) -> String? {
        guard let trivia, !trivia.hasComment(before: body.range.end) else { return nil }
        if body.statements.isEmpty { return "" }
        guard body.statements.count == 1, let only = body.statements.first,
              !trivia.hasLineBreak(from: body.range.start, to: body.range.end)
        else { return nil }
        var printer = SourcePrinter()
        printer.trivia = trivia
        printer.statement(only, 0)
        let text = printer.output.hasSuffix("\n") ? String(printer.output.dropLast()) : printer.output
        return text.contains("\n") ? nil : text
    }

    private mutating func statements(_ body: Block, _ depth: Int) {
        let outer = self.depth
        trivia?.startBlock()
        for statement in body.statements { self.statement(statement, depth) }
        if let trivia { comments(trivia.comments(before: body.range.end), depth) }
        self.depth = outer
    }

    /// `names in iterable`, a parallel loop's ` limit n`, then the filter.
    private func header(_ loop: ForLoop, limit: String = "") -> String {
        let names = loop.second.map { "\(loop.first), \($0)" } ?? loop.first
        let filter = loop.filter.map { " where \(clause($0))" } ?? ""
        return "\(names) in \(clause(loop.iterable))\(limit)\(filter)"
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
        let words = arguments.enumerated().map { index, argument in
            let value = commandArgument(argument.value, isFirst: index == 0)
            // `in FINLAND-1` is the one argument written without its label (`region:`).
            if argument.label == "region", argument.labelRange == nil { return "in " + value }
            return argument.label.map { "\($0): \(value)" } ?? value
        }
        return ([name] + words).joined(separator: " ")
    }

    /// A command argument. Each argument is a whole expression (`print a + 1` passes `a + 1`), so
    /// only what would read otherwise is bracketed: a lambda (its body would take the arguments
    /// after it), and after the first argument anything that starts with `-` (there a `-` is
    /// binary: `print a (-1)`).
    private func commandArgument(_ expression: Expr, isFirst: Bool) -> String {
        let text = self.text(of: expression, Precedence.lowest)
        if case .lambda = expression.kind { return "(\(text))" }
        if !isFirst, text.hasPrefix("-") { return "(\(text))" }
        return text
    }

    /// One item of a bracketed list (a list's element, a map's entry, a call's argument): where
    /// it is, and its text as printed by a printer at the item's indent.
    private struct Item {
        var range: SourceRange
        var text: (SourcePrinter) -> String
    }

    /// `open`, the items separated by `, `, `close`; or, when the formatter prints and the
    /// author broke the line between items (`first` is where the items begin to be looked for),
    /// one item a line, one level in, each with a trailing comma and the comments around it.
    private func bracketed(_ open: String, _ items: [Item], _ close: String, in range: SourceRange, from first: Int) -> String {
        guard let trivia, breaksLines, !items.isEmpty, isBroken(items, from: first, to: range.end, trivia) else {
            return open + items.map { $0.text(self) }.joined(separator: ", ") + close
        }
        var inner = self
        inner.depth = depth + 1
        inner.output = ""
        let indent = String(repeating: "  ", count: depth + 1)
        var text = open + "\n"
        for item in items {
            for comment in trivia.comments(before: item.range.start) { text += indent + comment.text + "\n" }
            text += indent + item.text(inner) + ","
            if let trailing = trivia.trailingComment(after: item.range.end) { text += " " + trailing }
            text += "\n"
        }
        for comment in trivia.comments(before: range.end) { text += indent + comment.text + "\n" }
        return text + String(repeating: "  ", count: depth) + close
    }

    /// Whether a line ends between the bracket and the first item, two items, or the last item
    /// and the bracket.
    private func isBroken(_ items: [Item], from first: Int, to end: Int, _ trivia: Trivia) -> Bool {
        var previous = first
        for item in items {
            if trivia.hasLineBreak(from: previous, to: item.range.start) { return true }
            previous = item.range.end
        }
        return trivia.hasLineBreak(from: previous, to: end)
    }

    /// Whether `expression` prints as one word: a name, an atom, a string or a number.
    private func isWord(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name, .atom, .stringLiteral: return true
        case .intLiteral(let value): return value >= 0
        default: return false
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
        case .intLiteral(let value):
            return (trivia?.number(at: expression.range) ?? String(value), value < 0 ? Precedence.unary : Precedence.primary)
        case .floatLiteral(let value):
            return (trivia?.number(at: expression.range) ?? Value.formatFloat(value), value.sign == .minus ? Precedence.unary : Precedence.primary)
        case .durationLiteral(let value):
            return (trivia?.number(at: expression.range) ?? Value.formatDuration(value), value < 0 ? Precedence.unary : Precedence.primary)
        case .stringLiteral(let value):
            return (trivia?.stringLiteral(at: expression.range) ?? Value.quote(value), Precedence.primary)
        case .interpolation(let parts):
            return (trivia?.longString(at: expression.range) ?? interpolation(parts), Precedence.primary)
        case .atom(let value), .name(let value): return (value, Precedence.primary)
        case .list(let elements):
            let items = elements.map { element in Item(range: element.range) { $0.text(of: element, Precedence.lowest) } }
            return (bracketed("[", items, "]", in: expression.range, from: expression.range.start), Precedence.primary)
        case .map(let entries):
            let items = entries.map { entry in
                Item(range: entry.key.range.union(entry.value.range)) { "\($0.mapKey(entry.key)): \($0.text(of: entry.value, Precedence.lowest))" }
            }
            return (bracketed("{", items, "}", in: expression.range, from: expression.range.start), Precedence.primary)
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
            let calleeText = text(of: callee, Precedence.postfix)
            let items = arguments.map { argument in
                Item(range: (argument.labelRange ?? argument.value.range).union(argument.value.range)) { printer in
                    let value = printer.text(of: argument.value, Precedence.lowest)
                    return argument.label.map { "\($0): \(value)" } ?? value
                }
            }
            return (calleeText + bracketed("(", items, ")", in: expression.range, from: callee.range.end), Precedence.postfix)
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
        // `1..3`, as ranges are written; every other operator has a space on each side, but for a
        // `-` written with none between words (`H100-PCIe-80GB`): that is a mixed-case atom
        // mistyped, and the compiler's hint about it reads the text as written.
        let isWordHyphen = op == .subtract && trivia?.isBareHyphen(from: left.range.end, to: right.range.start) == true
        let spacing = op == .range || isWordHyphen ? "" : " "
        return ("\(leftText)\(spacing)\(op.rawValue)\(spacing)\(text(of: right, level + 1))", level)
    }

    /// A block inside an expression (a lambda's body): its statements on their own lines, one
    /// level in from the statement that holds it.
    private func inlineBlock(_ body: Block) -> String {
        if let only = oneLine(body) { return braced(only) }
        var printer = SourcePrinter()
        printer.trivia = trivia
        printer.statements(body, depth + 1)
        return "{\n" + printer.output + String(repeating: "  ", count: depth) + "}"
    }

    private func interpolation(_ parts: [InterpolationPart]) -> String {
        var text = "\""
        // A line break inside `{…}` would be part of the string's line: nothing breaks there.
        var inline = self
        inline.breaksLines = false
        for part in parts {
            switch part {
            case .text(let piece): text += Value.quote(piece).dropFirst().dropLast()
            case .expression(let value): text += "{\(inline.text(of: value, Precedence.lowest))}"
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
