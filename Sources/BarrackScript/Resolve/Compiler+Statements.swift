/// Statements: blocks and their scopes, declarations, assignments and control flow.
extension Compiler {
    /// A list of statements as a block node in a scope that is already pushed. Functions are
    /// declared first (hoisted); at the top level of a module, `let` names are too, so functions
    /// may use globals declared further down.
    mutating func compileStatements(_ statements: [Stmt]) -> BlockNode {
        var hoisted: [(location: VariableLocation, closure: ClosureNode)] = []
        var pending: [(Int, VariableLocation)] = []
        for (index, statement) in statements.enumerated() {
            switch statement.kind {
            case .function(let declaration):
                let nameRange = functionNameRange(declaration)
                pending.append((index, declare(declaration.name ?? "", at: nameRange, isFunction: true)))
            case .letDeclaration(let name, let nameRange, _) where function.isTopLevel:
                _ = declare(name, at: nameRange)
            default:
                break
            }
        }
        var nodes: [StmtNode] = []
        for (index, statement) in statements.enumerated() {
            if case .function(let declaration) = statement.kind,
               let location = pending.first(where: { $0.0 == index })?.1 {
                let prototype = compileFunction(declaration, name: declaration.name ?? "<fn>")
                hoisted.append((location, ClosureNode(prototype, source, declaration.range)))
                continue
            }
            nodes.append(compileStatement(statement))
        }
        return BlockNode(nodes, freshCells: function.scopeCells.last ?? [], functions: hoisted)
    }

    /// The name of `fn name(…)` starts after `fn ` and runs for the name's length.
    func functionNameRange(_ declaration: FunctionDecl) -> SourceRange {
        var start = declaration.range.start + 2
        let bytes = source.bytes
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        return SourceRange(start: start, end: start + (declaration.name?.utf8.count ?? 0))
    }

    /// A `{ }` block with a scope of its own.
    mutating func compileBlock(_ block: Block) -> StmtNode {
        function.pushScope()
        let node = compileStatements(block.statements)
        let cells = function.popScope()
        return withDefers(BlockNode(node.statements, freshCells: cells, functions: node.functions))
    }

    /// The block itself, or a block that runs its `defer` bodies on the way out when it has any.
    func withDefers(_ block: BlockNode) -> StmtNode {
        block.statements.contains { $0 is DeferNode } ? DeferringBlockNode(block) : block
    }

    /// A `finally` or `defer` block: it may not leave by `return`, `break` or `continue`, which
    /// would silently drop the error or the jump that is on its way out.
    mutating func compileCleanup(_ block: Block, keyword: String) -> StmtNode {
        let outerKeyword = function.cleanupKeyword
        let outerLoopDepth = function.loopDepth
        function.cleanupKeyword = keyword
        function.loopDepth = 0
        defer {
            function.cleanupKeyword = outerKeyword
            function.loopDepth = outerLoopDepth
        }
        return compileBlock(block)
    }

    mutating func compileStatement(_ statement: Stmt) -> StmtNode {
        switch statement.kind {
        case .expression(let expression):
            let node: ExprNode
            if case .name(let name) = expression.kind {
                let variable = compileName(name, expression.range)
                let call = CallNode(variable, [], labels: [], calleeName: name, source, expression.range)
                node = BareNameNode(variable, call: call, source, expression.range)
            } else {
                node = compileExpression(expression)
            }
            return ExpressionStatementNode(node, keepsResult: keepsResults && function.isModule && function.scopes.count == 1)
        case .letDeclaration(let name, let nameRange, let value):
            let valueNode = compileExpression(value)
            return StoreNode(declare(name, at: nameRange), valueNode)
        case .assignment(let target, let op, let value):
            return compileAssignment(target, op, value)
        case .function(let declaration):
            let prototype = compileFunction(declaration, name: declaration.name ?? "<fn>")
            let location = declare(declaration.name ?? "", at: functionNameRange(declaration), isFunction: true)
            return StoreNode(location, ClosureNode(prototype, source, declaration.range))
        case .returnStatement(let value):
            if let keyword = function.cleanupKeyword {
                report("'return' cannot leave a '\(keyword)' block", at: statement.range, code: "SYNTAX_ERROR")
            } else if function.isParallelBody {
                report("'return' cannot leave a 'parallel for' body; use 'continue' to end an iteration", at: statement.range,
                       code: "SYNTAX_ERROR")
            } else if function.isModule {
                report("'return' outside a function", at: statement.range, code: "SYNTAX_ERROR")
            }
            let node = value.map { compileExpression($0) } ?? ConstantNode(.null, source, statement.range)
            return JumpNode(.returnValue, value: node)
        case .ifStatement(let branches, let elseBlock):
            return IfNode(conditions: branches.map { compileExpression($0.condition) },
                          bodies: branches.map { compileBlock($0.body) },
                          elseBody: elseBlock.map { compileBlock($0) })
        case .whileStatement(let condition, let body):
            let conditionNode = compileExpression(condition)
            function.loopDepth += 1
            defer { function.loopDepth -= 1 }
            return WhileNode(conditionNode, compileBlock(body))
        case .forStatement(let loop):
            return compileFor(loop)
        case .parallelFor(let loop, let limit):
            return compileParallelFor(loop, limit: limit)
        case .breakStatement, .continueStatement:
            let isBreak = if case .breakStatement = statement.kind { true } else { false }
            if function.loopDepth == 0, let keyword = function.cleanupKeyword {
                report("'\(isBreak ? "break" : "continue")' cannot leave a '\(keyword)' block", at: statement.range,
                       code: "SYNTAX_ERROR")
            } else if function.loopDepth == 0 {
                if function.isParallelBody && !isBreak {
                    return JumpNode(.returnValue, value: ConstantNode(.null, source, statement.range))
                }
                let word = isBreak ? "break" : "continue"
                report(function.isParallelBody ? "'break' cannot stop a 'parallel for'; raise an error to stop it"
                                               : "'\(word)' outside a loop", at: statement.range, code: "SYNTAX_ERROR")
            }
            return JumpNode(isBreak ? .breakLoop : .continueLoop)
        case .tryStatement(let body, let catches, let cleanup):
            let node = catches.isEmpty ? compileBlock(body) : compileTry(body, catches)
            guard let cleanup else { return node }
            return FinallyNode(node, cleanup: compileCleanup(cleanup, keyword: "finally"))
        case .deferStatement(let body):
            return DeferNode(compileCleanup(body, keyword: "defer"))
        case .raise(let value):
            return RaiseNode(compileExpression(value))
        case .importStatement(let name):
            return compileImport(name, statement.range)
        case .wait(let condition, let timeout, let every):
            let conditionNode = compileExpression(condition)
            var observed: ExprNode?
            if case .binary(let op, _, _) = condition.kind,
               [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op),
               let comparison = conditionNode as? BinaryNode {
                observed = comparison.left
            }
            return WaitNode(condition: conditionNode, observed: observed, timeout: timeout.map { compileExpression($0) },
                            interval: every.map { compileExpression($0) }, callsNothing: !condition.containsCall,
                            source: source, range: statement.range)
        case .block(let block):
            return compileBlock(block)
        }
    }

    mutating func compileAssignment(_ target: Expr, _ op: AssignmentOperator, _ value: Expr) -> StmtNode {
        let valueNode = compileExpression(value)
        switch target.kind {
        case .name(let name):
            guard let location = resolve(name, at: target.range) else {
                unknownName(name, at: target.range, assigning: true)
                return EmptyNode()
            }
            return op == .assign ? StoreNode(location, valueNode) : CompoundStoreNode(location, op, valueNode)
        case .member(let object, let name, _):
            let targetNode = compileExpression(target)
            return MemberStoreNode(compileExpression(object), name, op, valueNode, target: targetNode)
        case .index(let object, let index):
            let targetNode = compileExpression(target)
            return IndexStoreNode(compileExpression(object), compileExpression(index), op, valueNode, target: targetNode)
        default:
            return EmptyNode()
        }
    }

    mutating func compileFor(_ loop: ForLoop) -> StmtNode {
        let iterable = compileExpression(loop.iterable)
        function.pushScope()
        let (first, second) = declareLoopNames(loop)
        let filter = loop.filter.map { compileExpression($0) }
        function.loopDepth += 1
        let body = compileBlock(loop.body)
        function.loopDepth -= 1
        let cells = function.popScope()
        return ForNode(first: first, second: second, iterable: iterable, filter: filter, body: body, loopCells: cells)
    }

    private mutating func declareLoopNames(_ loop: ForLoop) -> (VariableLocation, VariableLocation?) {
        let firstRange = SourceRange(start: loop.namesRange.start, end: loop.namesRange.start + loop.first.utf8.count)
        let first = declare(loop.first, at: firstRange)
        var second: VariableLocation?
        if let name = loop.second {
            let start = loop.namesRange.end - name.utf8.count
            second = declare(name, at: SourceRange(start: start, end: loop.namesRange.end))
        }
        return (first, second)
    }

    /// The body becomes a function of the loop variables, so each iteration has its own frame.
    mutating func compileParallelFor(_ loop: ForLoop, limit: Expr?) -> StmtNode {
        let iterable = compileExpression(loop.iterable)
        let limitNode = limit.map { compileExpression($0) }
        let outer = function
        function = FunctionScope(parent: outer, isModule: false, isParallelBody: true)
        defer { function = outer }
        var names = [loop.first]
        if let second = loop.second { names.append(second) }
        let prototype = FunctionPrototype(name: "parallel for", parameterNames: names, defaults: names.map { _ in nil },
                                          source: source, range: loop.body.range)
        var parameters = [(loop.first, SourceRange(start: loop.namesRange.start, end: loop.namesRange.start + loop.first.utf8.count))]
        if let second = loop.second {
            parameters.append((second, SourceRange(start: loop.namesRange.end - second.utf8.count, end: loop.namesRange.end)))
        }
        prototype.capturedParameters = declareParameters(parameters)
        let filter = loop.filter.map { compileExpression($0) }
        var body: StmtNode = compileBlock(loop.body)
        if let filter { body = IfNode(conditions: [filter], bodies: [body], elseBody: nil) }
        prototype.body = BlockNode([body], freshCells: [], functions: [])
        prototype.slotCount = function.maxSlots
        prototype.cellCount = function.maxCells
        prototype.captureSources = function.captureSources
        return ParallelForNode(iterable: iterable, body: ClosureNode(prototype, source, loop.body.range),
                               limit: limitNode, twoNames: loop.second != nil)
    }

    /// Declares parameters in slots 0, 1, …; a captured one is also given a cell, which the call
    /// fills from its slot on entry. Returns those (slot, cell) moves.
    mutating func declareParameters(_ parameters: [(name: String, range: SourceRange)]) -> [(slot: Int, cell: Int)] {
        var moves: [(slot: Int, cell: Int)] = []
        for (name, range) in parameters {
            let slot = function.newSlot()
            var location = VariableLocation.local(slot)
            if captured.contains(range.start) {
                let cell = function.newCell()
                location = .cell(cell)
                moves.append((slot, cell))
            }
            function.scopes[function.scopes.count - 1][name] = FunctionScope.Binding(
                location: location, declaration: range.start, range: range, isFunction: false)
        }
        return moves
    }

    mutating func compileTry(_ body: Block, _ catches: [CatchClause]) -> StmtNode {
        let bodyNode = compileBlock(body)
        var clauses: [TryNode.Clause] = []
        for clause in catches {
            function.pushScope()
            let location = declare(clause.name, at: clause.nameRange)
            let filter = clause.filter.map { compileExpression($0) }
            let handler = compileBlock(clause.body)
            let cells = function.popScope()
            clauses.append(TryNode.Clause(location: location, filter: filter, body: handler, freshCell: cells.first))
        }
        return TryNode(bodyNode, clauses)
    }
}
