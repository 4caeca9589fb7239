/// Checks the calls of built-ins before a script runs (`barrack check`), so that a mistake in its
/// tenth line does not surface after the first nine have deployed (and billed) anything: an unknown keyword
/// (`nmae:`), a keyword given twice, a surplus argument, a missing required one, and a literal
/// value outside its parameter's choices (a region, a GPU model) or a literal GPU count other
/// than 1, 2, 4 or 8.
///
/// Binding follows `ArgumentBinding`, the evaluator's own rules. A call is checked only when its
/// name is certainly the built-in: a program that declares the name anywhere (a `let`, a `fn`, a
/// parameter, a loop variable) is left to the evaluator, and so is a call inside the body of a
/// `try`, where the script may mean to catch the error.
enum BuiltinCallCheck {
    /// The problems of the calls in `statements`, in source order.
    static func diagnostics(_ statements: [Stmt], source: Source, builtins: [String: BuiltinFunction]) -> [Diagnostic] {
        var declared: Set<String> = []
        var tryBodies: [SourceRange] = []
        for statement in statements {
            declaredNames(statement, into: &declared)
            statement.forEachStatement { inner in
                if case .tryStatement(let body, _, _) = inner.kind { tryBodies.append(body.range) }
            }
        }
        // The outermost try bodies, disjoint and in order, so that a lookup is a binary search: a
        // scan of every body for every expression took a third of checking a file of 400 `try`s.
        var outermost: [SourceRange] = []
        for body in tryBodies.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
            if let last = outermost.last, body.end <= last.end { continue }
            outermost.append(body)
        }
        func isTried(_ range: SourceRange) -> Bool {
            var low = 0
            var high = outermost.count
            while low < high {
                let middle = (low + high) / 2
                if outermost[middle].start <= range.start { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return false }
            return range.end <= outermost[low - 1].end
        }
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, at range: SourceRange) {
            diagnostics.append(Diagnostic(code: ErrorCode.argument, message: message, range: range, source: source))
        }
        for statement in statements {
            statement.forEachExpression { expression in
                guard !isTried(expression.range) else { return }
                switch expression.kind {
                case .gpuRequest(_, let count):
                    if case .intLiteral(let number) = count.kind, !Choice.gpuCounts.contains(number) {
                        report(Choice.badGPUCountMessage(number), at: count.range)
                    }
                case .call(let callee, let arguments, _):
                    guard case .name(let name) = callee.kind, !declared.contains(name), let builtin = builtins[name] else { return }
                    check(arguments, of: builtin, call: expression.range, report: report)
                default:
                    break
                }
            }
        }
        return diagnostics.sorted { $0.range.start < $1.range.start }
    }

    private static func check(_ arguments: [CallArgument], of builtin: BuiltinFunction, call: SourceRange,
                              report: (String, SourceRange) -> Void) {
        let labels = arguments.map(\.label)
        let bound: [Expr?]
        do {
            bound = try ArgumentBinding.bind(arguments.map(\.value), labels: labels, to: builtin).bound
        } catch {
            let range = error.offset.map { offset in
                error.isAboutTheKeyword ? arguments[offset].labelRange ?? arguments[offset].value.range : arguments[offset].value.range
            } ?? call
            report(error.error(builtin, labels: labels).message, range)
            return
        }
        for (parameter, argument) in zip(builtin.parameters, bound) {
            guard let argument, !parameter.allowedValues.isEmpty else { continue }
            let values = parameter.allowedValues
            switch argument.kind {
            case .stringLiteral(let text), .atom(let text):
                if Choice.match(text, among: values) == nil {
                    report(Choice.outsideMessage(text, parameter: parameter.name, builtin: builtin.name, values: values),
                           argument.range)
                }
            case .gpuRequest(let model, _):
                switch model.kind {
                case .stringLiteral(let text), .atom(let text):
                    if Choice.match(text, among: values) == nil {
                        report(Choice.unknownGPUModelMessage(text, builtin: builtin.name, models: values), model.range)
                    }
                default:
                    break
                }
            default:
                break
            }
        }
    }

    /// Every name `statement` declares, at any depth.
    private static func declaredNames(_ statement: Stmt, into names: inout Set<String>) {
        func function(_ declaration: FunctionDecl) {
            if let name = declaration.name { names.insert(name) }
            for parameter in declaration.parameters { names.insert(parameter.name) }
            for inner in declaration.body.statements { declaredNames(inner, into: &names) }
        }
        func block(_ block: Block?) {
            for inner in block?.statements ?? [] { declaredNames(inner, into: &names) }
        }
        func loop(_ loop: ForLoop) {
            names.insert(loop.first)
            if let second = loop.second { names.insert(second) }
            block(loop.body)
        }
        statement.forEachExpression { expression in
            if case .lambda(let declaration) = expression.kind {
                for parameter in declaration.parameters { names.insert(parameter.name) }
            }
        }
        switch statement.kind {
        case .letDeclaration(let name, _, _): names.insert(name)
        case .function(let declaration): function(declaration)
        case .ifStatement(let branches, let elseBlock):
            for branch in branches { block(branch.body) }
            block(elseBlock)
        case .whileStatement(_, let body), .deferStatement(let body), .block(let body): block(body)
        case .forStatement(let forLoop), .parallelFor(let forLoop, _): loop(forLoop)
        case .tryStatement(let body, let catches, let finally):
            block(body)
            for clause in catches {
                names.insert(clause.name)
                block(clause.body)
            }
            block(finally)
        default:
            break
        }
    }
}
