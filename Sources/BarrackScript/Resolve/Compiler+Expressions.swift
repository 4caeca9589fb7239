/// Expressions, functions and imports.
extension Compiler {
    mutating func compileExpression(_ expression: Expr) -> ExprNode {
        let range = expression.range
        switch expression.kind {
        case .nilLiteral: return ConstantNode(.null, source, range)
        case .boolLiteral(let value): return ConstantNode(.bool(value), source, range)
        case .intLiteral(let value): return IntConstantNode(value, source, range)
        case .floatLiteral(let value): return ConstantNode(.float(value), source, range)
        case .durationLiteral(let value): return ConstantNode(.duration(value), source, range)
        case .stringLiteral(let value), .atom(let value): return ConstantNode(.string(value), source, range)
        case .interpolation(let parts):
            let nodes = parts.map { part -> ExprNode in
                switch part {
                case .text(let text): return ConstantNode(.string(text), source, range)
                case .expression(let inner): return compileExpression(inner)
                }
            }
            return InterpolationNode(nodes, source, range)
        case .name(let name):
            return compileName(name, range)
        case .list(let elements):
            return ListNode(elements.map { compileExpression($0) }, source, range)
        case .map(let entries):
            return MapNode(keys: entries.map { compileExpression($0.key) },
                           values: entries.map { compileExpression($0.value) }, source, range)
        case .unary(let op, let operand):
            return UnaryNode(op, compileExpression(operand), source, range)
        case .binary(let op, let left, let right):
            let leftNode = compileExpression(left)
            let rightNode = compileExpression(right)
            switch op {
            case .and, .or, .coalesce: return ShortCircuitNode(op, leftNode, rightNode, source, range)
            default: return BinaryNode(op, leftNode, rightNode, source, range)
            }
        case .gpuRequest(let model, let count):
            return GPURequestNode(compileExpression(model), compileExpression(count), source, range)
        case .member(let object, let name, let optional):
            return MemberNode(compileExpression(object), name, optional: optional, source, range)
        case .index(let object, let index):
            return IndexNode(compileExpression(object), compileExpression(index), source, range)
        case .call(let callee, let arguments, _):
            return compileCall(callee, arguments, range)
        case .lambda(let declaration):
            return ClosureNode(compileFunction(declaration, name: "lambda"), source, range)
        }
    }

    mutating func compileName(_ name: String, _ range: SourceRange) -> ExprNode {
        guard let location = resolve(name, at: range) else {
            unknownName(name, at: range)
            return ConstantNode(.null, source, range)
        }
        switch location {
        case .local(let slot): return LocalNode(slot: slot, source, range)
        case .cell(let index): return CellNode(index: index, source, range)
        case .capture(let index): return CaptureNode(index: index, source, range)
        case .global(let slot): return GlobalNode(slot: slot, source, range)
        }
    }

    mutating func compileCall(_ callee: Expr, _ arguments: [CallArgument], _ range: SourceRange) -> ExprNode {
        let argumentNodes = arguments.map { compileExpression($0.value) }
        let labels = arguments.map(\.label)
        let keywordRanges = arguments.map(\.labelRange)
        var seen: Set<String> = []
        for argument in arguments {
            guard let label = argument.label else { continue }
            if !seen.insert(label).inserted {
                report("keyword argument '\(label)' is given twice", at: argument.labelRange ?? argument.value.range,
                       code: ErrorCode.argument)
            }
        }
        if case .member(let object, let name, let optional) = callee.kind {
            let receiver = compileExpression(object)
            let call = CallNode(ConstantNode(.null, source, range), argumentNodes, labels: labels,
                                keywordRanges: keywordRanges, calleeName: name, source, range)
            return MethodCallNode(receiver, name, optional: optional, call: call, source, range)
        }
        var calleeName = "expression"
        if case .name(let name) = callee.kind { calleeName = name }
        return CallNode(compileExpression(callee), argumentNodes, labels: labels, keywordRanges: keywordRanges,
                        calleeName: calleeName, source, range)
    }

    /// Compiles a function body in a new function scope; the closure node captures what it uses.
    mutating func compileFunction(_ declaration: FunctionDecl, name: String) -> FunctionPrototype {
        let outer = function
        function = FunctionScope(parent: outer, isModule: false)
        defer { function = outer }
        let names = declaration.parameters.map(\.name)
        let moves = declareParameters(declaration.parameters.map { ($0.name, $0.range) })
        let defaults = declaration.parameters.map { parameter in parameter.defaultValue.map { compileExpression($0) } }
        let prototype = FunctionPrototype(name: name, parameterNames: names, defaults: defaults, source: source,
                                          range: declaration.range)
        prototype.capturedParameters = moves
        prototype.body = compileBlock(declaration.body)
        prototype.slotCount = function.maxSlots
        prototype.cellCount = function.maxCells
        prototype.captureSources = function.captureSources
        return prototype
    }

    /// `import "name"`: the embedded module of that name, else a file beside the importing one.
    mutating func compileImport(_ name: String, _ range: SourceRange) -> StmtNode {
        guard function.isTopLevel else {
            report("'import' belongs at the top level of a script", at: range, code: ErrorCode.importError)
            return EmptyNode()
        }
        guard !isAnalysis else { return EmptyNode() }
        // The importing script heads the chain, so that a file importing itself is a cycle of
        // one (`x.brk → x.brk`) instead of a second copy of the script run as a module.
        let startsChain = interpreter.importChain.isEmpty
        if startsChain { interpreter.importChain.append(ModulePath.normalized(source.name)) }
        defer { if startsChain { interpreter.importChain.removeAll() } }
        let moduleSource: Source
        let key: String
        if let text = interpreter.embeddedModules[name] {
            key = "<stdlib>/" + name
            moduleSource = Source(name: "stdlib/\(name).brk", text: text)
        } else {
            let path = ModulePath.resolve(name, from: source.name)
            key = path
            if let module = interpreter.modules[key] { return ImportNode(module) }
            if interpreter.importChain.contains(key) {
                let cycle = (interpreter.importChain.drop { $0 != key } + [key]).joined(separator: " → ")
                report("import cycle: \(cycle)", at: range, code: ErrorCode.importError)
                return EmptyNode()
            }
            guard let load else {
                report("cannot import '\(name)': no module of that name in the standard library, and this host does not allow importing files",
                       at: range, code: ErrorCode.importError)
                return EmptyNode()
            }
            do {
                moduleSource = try load(path)
            } catch {
                report("cannot import '\(name)': no module of that name in the standard library, and \(error)",
                       at: range, code: ErrorCode.importError)
                return EmptyNode()
            }
        }
        if let module = interpreter.modules[key] { return ImportNode(module) }
        if interpreter.importChain.contains(key) {
            report("import cycle: \((interpreter.importChain + [key]).joined(separator: " → "))", at: range,
                   code: ErrorCode.importError)
            return EmptyNode()
        }
        interpreter.importChain.append(key)
        defer { interpreter.importChain.removeLast() }
        let (statements, parseDiagnostics) = Parser.parse(moduleSource)
        guard parseDiagnostics.isEmpty else {
            diagnostics += parseDiagnostics
            return EmptyNode()
        }
        var compiler = Compiler(interpreter: interpreter, source: moduleSource, keepsResults: false, load: load)
        do {
            let module = Module(prototype: try compiler.compileModule(statements))
            interpreter.modules[key] = module
            return ImportNode(module)
        } catch {
            diagnostics += error.diagnostics
            return EmptyNode()
        }
    }
}
