/// Walks over the syntax tree for checks that look at every expression (`barrack check`'s
/// static check of built-in calls, the compiler's hint on a `wait` that calls nothing).
extension Expr {
    /// The expressions directly inside this one (a lambda's body is statements: see `Stmt`).
    public var children: [Expr] {
        switch kind {
        case .nilLiteral, .boolLiteral, .intLiteral, .floatLiteral, .durationLiteral, .stringLiteral, .atom, .name, .lambda:
            return []
        case .interpolation(let parts):
            return parts.compactMap { part in
                if case .expression(let expression) = part { return expression }
                return nil
            }
        case .list(let elements): return elements
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .unary(_, let operand): return [operand]
        case .binary(_, let left, let right), .gpuRequest(let left, let right), .index(let left, let right):
            return [left, right]
        case .member(let base, _, _): return [base]
        case .call(let callee, let arguments, _): return [callee] + arguments.map(\.value)
        }
    }

    /// Whether a call happens anywhere in it, lambdas aside.
    public var containsCall: Bool {
        if case .call = kind { return true }
        return children.contains { $0.containsCall }
    }

    /// Calls `visit` on this expression and every one inside it, lambda bodies included.
    public func forEach(_ visit: (Expr) -> Void) {
        visit(self)
        if case .lambda(let function) = kind {
            for parameter in function.parameters { parameter.defaultValue?.forEach(visit) }
            for statement in function.body.statements { statement.forEachExpression(visit) }
        }
        for child in children { child.forEach(visit) }
    }
}

extension Stmt {
    /// Calls `visit` on this statement and every statement inside it, in functions and lambdas too.
    public func forEachStatement(_ visit: (Stmt) -> Void) {
        visit(self)
        func block(_ block: Block?) {
            for statement in block?.statements ?? [] { statement.forEachStatement(visit) }
        }
        forEachExpression { expression in
            if case .lambda(let function) = expression.kind, function.name == nil { block(function.body) }
        }
        switch kind {
        case .function(let function): block(function.body)
        case .ifStatement(let branches, let elseBlock):
            for branch in branches { block(branch.body) }
            block(elseBlock)
        case .whileStatement(_, let body), .deferStatement(let body), .block(let body): block(body)
        case .forStatement(let loop), .parallelFor(let loop, _): block(loop.body)
        case .tryStatement(let body, let catches, let finally):
            block(body)
            for clause in catches { block(clause.body) }
            block(finally)
        default:
            break
        }
    }

    /// Calls `visit` on every expression of the statement and of the statements inside it.
    public func forEachExpression(_ visit: (Expr) -> Void) {
        func block(_ block: Block) {
            for statement in block.statements { statement.forEachExpression(visit) }
        }
        func loop(_ loop: ForLoop) {
            loop.iterable.forEach(visit)
            loop.filter?.forEach(visit)
            block(loop.body)
        }
        switch kind {
        case .expression(let expression), .raise(let expression): expression.forEach(visit)
        case .letDeclaration(_, _, let value): value.forEach(visit)
        case .assignment(let target, _, let value):
            target.forEach(visit)
            value.forEach(visit)
        case .function(let function): Expr(.lambda(function), function.range).forEach(visit)
        case .returnStatement(let value): value?.forEach(visit)
        case .ifStatement(let branches, let elseBlock):
            for branch in branches {
                branch.condition.forEach(visit)
                block(branch.body)
            }
            elseBlock.map(block)
        case .whileStatement(let condition, let body):
            condition.forEach(visit)
            block(body)
        case .forStatement(let forLoop): loop(forLoop)
        case .parallelFor(let forLoop, let limit):
            loop(forLoop)
            limit?.forEach(visit)
        case .tryStatement(let body, let catches, let finally):
            block(body)
            for clause in catches {
                clause.filter?.forEach(visit)
                block(clause.body)
            }
            finally.map(block)
        case .deferStatement(let body), .block(let body): block(body)
        case .wait(let condition, let timeout, let every):
            condition.forEach(visit)
            timeout?.forEach(visit)
            every?.forEach(visit)
        case .breakStatement, .continueStatement, .importStatement: break
        }
    }
}
