/// Prints a syntax tree as an indented outline, one node a line, for `barrack parse`.
///
///     let total = a + 1      →   let total  @1:1
///                                  binary +
///                                    name a
///                                    int 1
public struct ASTPrinter {
    private let source: Source
    private var output = ""

    /// Creates a printer for trees parsed from `source` (it gives the line:col of statements).
    public init(source: Source) {
        self.source = source
    }

    /// The outline of a whole program.
    public static func print(_ statements: [Stmt], source: Source) -> String {
        var printer = ASTPrinter(source: source)
        for statement in statements { printer.statement(statement, 0) }
        return printer.output
    }

    private mutating func line(_ depth: Int, _ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    private mutating func statement(_ statement: Stmt, _ depth: Int) {
        let at = "  @\(source.location(of: statement.range.start))"
        switch statement.kind {
        case .expression(let expression):
            line(depth, "expression" + at)
            self.expression(expression, depth + 1)
        case .letDeclaration(let name, _, let value):
            line(depth, "let \(name)" + at)
            expression(value, depth + 1)
        case .assignment(let target, let op, let value):
            line(depth, "assign \(op.rawValue)" + at)
            expression(target, depth + 1)
            expression(value, depth + 1)
        case .function(let function):
            self.function(function, depth, at: at)
        case .returnStatement(let value):
            line(depth, "return" + at)
            if let value { expression(value, depth + 1) }
        case .ifStatement(let branches, let elseBlock):
            line(depth, "if" + at)
            for branch in branches {
                line(depth + 1, "condition")
                expression(branch.condition, depth + 2)
                block("then", branch.body, depth + 1)
            }
            if let elseBlock { block("else", elseBlock, depth + 1) }
        case .whileStatement(let condition, let body):
            line(depth, "while" + at)
            expression(condition, depth + 1)
            block("body", body, depth + 1)
        case .forStatement(let loop):
            forLoop("for", loop, depth, at: at)
        case .parallelFor(let loop, let limit):
            forLoop("parallel for", loop, depth, at: at)
            if let limit {
                line(depth + 1, "limit")
                expression(limit, depth + 2)
            }
        case .breakStatement:
            line(depth, "break" + at)
        case .continueStatement:
            line(depth, "continue" + at)
        case .tryStatement(let body, let catches, let cleanup):
            line(depth, "try" + at)
            block("body", body, depth + 1)
            for clause in catches {
                line(depth + 1, "catch \(clause.name)")
                if let filter = clause.filter {
                    line(depth + 2, "where")
                    expression(filter, depth + 3)
                }
                block("handler", clause.body, depth + 2)
            }
            if let cleanup { block("finally", cleanup, depth + 1) }
        case .deferStatement(let body):
            block("defer" + at, body, depth)
        case .raise(let value):
            line(depth, "raise" + at)
            expression(value, depth + 1)
        case .importStatement(let name):
            line(depth, "import \(quoted(name))" + at)
        case .wait(let condition, let timeout, let every):
            line(depth, "wait until" + at)
            expression(condition, depth + 1)
            if let timeout {
                line(depth + 1, "timeout")
                expression(timeout, depth + 2)
            }
            if let every {
                line(depth + 1, "every")
                expression(every, depth + 2)
            }
        case .block(let body):
            block("block" + at, body, depth)
        }
    }

    private mutating func block(_ title: String, _ block: Block, _ depth: Int) {
        line(depth, title)
        for statement in block.statements { self.statement(statement, depth + 1) }
    }

    private mutating func forLoop(_ keyword: String, _ loop: ForLoop, _ depth: Int, at: String) {
        let names = loop.second.map { "\(loop.first), \($0)" } ?? loop.first
        line(depth, "\(keyword) \(names)" + at)
        line(depth + 1, "in")
        expression(loop.iterable, depth + 2)
        if let filter = loop.filter {
            line(depth + 1, "where")
            expression(filter, depth + 2)
        }
        block("body", loop.body, depth + 1)
    }

    private mutating func function(_ function: FunctionDecl, _ depth: Int, at: String = "") {
        let parameters = function.parameters.map { $0.defaultValue == nil ? $0.name : "\($0.name)=" }
        line(depth, "fn \(function.name ?? "<lambda>")(\(parameters.joined(separator: ", ")))" + at)
        for parameter in function.parameters {
            if let value = parameter.defaultValue {
                line(depth + 1, "default \(parameter.name)")
                expression(value, depth + 2)
            }
        }
        block("body", function.body, depth + 1)
    }

    private mutating func expression(_ expression: Expr, _ depth: Int) {
        switch expression.kind {
        case .nilLiteral: line(depth, "nil")
        case .boolLiteral(let value): line(depth, "bool \(value)")
        case .intLiteral(let value): line(depth, "int \(value)")
        case .floatLiteral(let value): line(depth, "float \(value)")
        case .durationLiteral(let value): line(depth, "duration \(value)ms")
        case .stringLiteral(let value): line(depth, "string \(quoted(value))")
        case .atom(let value): line(depth, "atom \(value)")
        case .name(let value): line(depth, "name \(value)")
        case .interpolation(let parts):
            line(depth, "interpolation")
            for part in parts {
                switch part {
                case .text(let text): line(depth + 1, "text \(quoted(text))")
                case .expression(let value): self.expression(value, depth + 1)
                }
            }
        case .list(let elements):
            line(depth, "list")
            for element in elements { self.expression(element, depth + 1) }
        case .map(let entries):
            line(depth, "map")
            for entry in entries {
                line(depth + 1, "entry")
                self.expression(entry.key, depth + 2)
                self.expression(entry.value, depth + 2)
            }
        case .unary(let op, let operand):
            line(depth, "unary \(op.rawValue)")
            self.expression(operand, depth + 1)
        case .binary(let op, let left, let right):
            line(depth, "binary \(op.rawValue)")
            self.expression(left, depth + 1)
            self.expression(right, depth + 1)
        case .gpuRequest(let model, let count):
            line(depth, "gpu x")
            self.expression(model, depth + 1)
            self.expression(count, depth + 1)
        case .member(let object, let name, let optional):
            line(depth, "member \(optional ? "?." : ".")\(name)")
            self.expression(object, depth + 1)
        case .index(let object, let index):
            line(depth, "index")
            self.expression(object, depth + 1)
            self.expression(index, depth + 1)
        case .call(let callee, let arguments, let isCommand):
            line(depth, isCommand ? "command" : "call")
            self.expression(callee, depth + 1)
            for argument in arguments {
                if let label = argument.label {
                    line(depth + 1, "\(label):")
                    self.expression(argument.value, depth + 2)
                } else {
                    self.expression(argument.value, depth + 1)
                }
            }
        case .lambda(let function):
            self.function(function, depth)
        }
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
