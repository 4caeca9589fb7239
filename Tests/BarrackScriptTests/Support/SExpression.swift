import BarrackScript

/// Prints syntax trees as compact s-expressions, so a parser test states the whole tree it expects
/// on one line: `a + b * c` is `(+ a (* b c))`.
///
/// Names print bare, atoms as `#FINLAND-1` (so `ACTIVE` and the name `active` differ), strings
/// quoted, durations as `(dur 600000)` in milliseconds, blocks as `{s1 s2}`.
enum SExpression {
    /// The statements of a program, separated by single spaces.
    static func print(_ statements: [Stmt]) -> String {
        statements.map(statement).joined(separator: " ")
    }

    static func statement(_ statement: Stmt) -> String {
        switch statement.kind {
        case .expression(let value):
            return expression(value)
        case .letDeclaration(let name, _, let value):
            return "(let \(name) \(expression(value)))"
        case .assignment(let target, let op, let value):
            return "(\(op.rawValue) \(expression(target)) \(expression(value)))"
        case .function(let function):
            return self.function(function)
        case .returnStatement(let value):
            return value.map { "(return \(expression($0)))" } ?? "(return)"
        case .ifStatement(let branches, let elseBlock):
            var parts = branches.map { "\(expression($0.condition)) \(block($0.body))" }
            if let elseBlock { parts.append("else \(block(elseBlock))") }
            return "(if \(parts.joined(separator: " ")))"
        case .whileStatement(let condition, let body):
            return "(while \(expression(condition)) \(block(body)))"
        case .forStatement(let loop):
            return "(for \(forLoop(loop)))"
        case .parallelFor(let loop, let limit):
            let limitText = limit.map { " limit \(expression($0))" } ?? ""
            return "(parallel-for \(forLoop(loop))\(limitText))"
        case .breakStatement:
            return "(break)"
        case .continueStatement:
            return "(continue)"
        case .tryStatement(let body, let catches, let cleanup):
            let clauses = catches.map { clause -> String in
                let filter = clause.filter.map { " where \(expression($0))" } ?? ""
                return " (catch \(clause.name)\(filter) \(block(clause.body)))"
            }
            let finallyText = cleanup.map { " (finally \(block($0)))" } ?? ""
            return "(try \(block(body))\(clauses.joined())\(finallyText))"
        case .deferStatement(let body):
            return "(defer \(block(body)))"
        case .raise(let value):
            return "(raise \(expression(value)))"
        case .importStatement(let name):
            return "(import \(quoted(name)))"
        case .wait(let condition, let timeout, let every):
            var text = "(wait \(expression(condition))"
            if let timeout { text += " timeout \(expression(timeout))" }
            if let every { text += " every \(expression(every))" }
            return text + ")"
        case .block(let body):
            return block(body)
        }
    }

    static func block(_ block: Block) -> String {
        "{" + block.statements.map(statement).joined(separator: " ") + "}"
    }

    static func forLoop(_ loop: ForLoop) -> String {
        let names = loop.second.map { "\(loop.first) \($0)" } ?? loop.first
        let filter = loop.filter.map { " where \(expression($0))" } ?? ""
        return "\(names) in \(expression(loop.iterable))\(filter) \(block(loop.body))"
    }

    static func function(_ function: FunctionDecl) -> String {
        let parameters = function.parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name)=\(expression($0))" } ?? parameter.name
        }
        let name = function.name.map { "\($0) " } ?? ""
        let body: String
        if function.isExpressionBody, case .returnStatement(let value?)? = function.body.statements.first?.kind {
            body = expression(value)
        } else {
            body = block(function.body)
        }
        return "(fn \(name)(\(parameters.joined(separator: " "))) \(body))"
    }

    static func expression(_ expression: Expr) -> String {
        switch expression.kind {
        case .nilLiteral: return "nil"
        case .boolLiteral(let value): return String(value)
        case .intLiteral(let value): return String(value)
        case .floatLiteral(let value): return "\(value)"
        case .durationLiteral(let value): return "(dur \(value))"
        case .stringLiteral(let value): return quoted(value)
        case .atom(let value): return "#\(value)"
        case .name(let value): return value
        case .interpolation(let parts):
            let items = parts.map { part -> String in
                switch part {
                case .text(let text): return quoted(text)
                case .expression(let value): return self.expression(value)
                }
            }
            return "(str \(items.joined(separator: " ")))"
        case .list(let elements):
            return "[" + elements.map(self.expression).joined(separator: " ") + "]"
        case .map(let entries):
            let items = entries.map { "\(self.expression($0.key)): \(self.expression($0.value))" }
            return "{" + items.joined(separator: ", ") + "}"
        case .unary(let op, let operand):
            return "(\(op == .negate ? "neg" : "not") \(self.expression(operand)))"
        case .binary(let op, let left, let right):
            return "(\(op.rawValue) \(self.expression(left)) \(self.expression(right)))"
        case .gpuRequest(let model, let count):
            return "(x \(self.expression(model)) \(self.expression(count)))"
        case .member(let object, let name, let optional):
            return "(\(optional ? "?." : ".") \(self.expression(object)) \(name))"
        case .index(let object, let index):
            return "([] \(self.expression(object)) \(self.expression(index)))"
        case .call(let callee, let arguments, let isCommand):
            var items = [self.expression(callee)]
            for argument in arguments {
                let value = self.expression(argument.value)
                items.append(argument.label.map { "\($0): \(value)" } ?? value)
            }
            return "(\(isCommand ? "cmd" : "call") \(items.joined(separator: " ")))"
        case .lambda(let function):
            return self.function(function)
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
