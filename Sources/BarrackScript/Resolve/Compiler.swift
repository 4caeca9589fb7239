/// The resolver: compiles the syntax tree into the executable tree, binding every variable to a
/// slot, a cell, a capture or a global before the program runs.
///
/// It runs twice over each module. The first pass only learns which local variables closures
/// capture (a variable's storage must be chosen at its declaration, before the closure that
/// captures it is seen); the second emits nodes, with captured variables in cells and all others
/// in plain frame slots. Both passes are this one walk, so they cannot disagree.
struct Compiler {
    let interpreter: Interpreter
    let source: Source
    let keepsResults: Bool
    /// Reads an imported file (the host's `ScriptThread.load`); nil when the host allows no file imports.
    let load: (@Sendable (String) throws -> Source)?
    var diagnostics: [Diagnostic] = []
    var function: FunctionScope
    /// Declarations captured by some closure (found by the first pass).
    var captured: Set<Int> = []
    var isAnalysis = false

    init(interpreter: Interpreter, source: Source, keepsResults: Bool,
         load: (@Sendable (String) throws -> Source)?) {
        self.interpreter = interpreter
        self.source = source
        self.keepsResults = keepsResults
        self.load = load
        self.function = FunctionScope(parent: nil, isModule: true)
    }

    /// Compiles a whole module; throws every diagnostic when something does not resolve.
    mutating func compileModule(_ statements: [Stmt]) throws(CompileFailure) -> FunctionPrototype {
        var analysis = self
        analysis.isAnalysis = true
        _ = analysis.compileTopLevel(statements)
        captured = analysis.captured
        let prototype = compileTopLevel(statements)
        if !diagnostics.isEmpty {
            var seen: Set<String> = []
            let unique = diagnostics.filter { seen.insert("\($0.range.start) \($0.message)").inserted }
            let sorted = unique.sorted { $0.range.start < $1.range.start }
            throw CompileFailure(diagnostics: sorted)
        }
        return prototype
    }

    private mutating func compileTopLevel(_ statements: [Stmt]) -> FunctionPrototype {
        function = FunctionScope(parent: nil, isModule: true)
        let prototype = FunctionPrototype(name: "<script>", parameterNames: [], defaults: [], source: source,
                                          range: SourceRange(start: 0, end: source.bytes.count))
        prototype.body = withDefers(compileStatements(statements))
        prototype.slotCount = function.maxSlots
        prototype.cellCount = function.maxCells
        return prototype
    }

    // MARK: - Diagnostics

    mutating func report(_ message: String, at range: SourceRange, code: String = ErrorCode.name) {
        guard !isAnalysis else { return }
        diagnostics.append(Diagnostic(code: code, message: message, range: range, source: source))
    }

    // MARK: - Declarations

    /// Declares `name` in the innermost scope and returns where it lives.
    mutating func declare(_ name: String, at range: SourceRange, isFunction: Bool = false) -> VariableLocation {
        if let existing = function.scopes[function.scopes.count - 1][name] {
            if existing.declaration == range.start { return existing.location }
            if !(function.isTopLevel && keepsResults) {
                let line = source.location(of: existing.range.start).line
                report("'\(name)' is already declared in this block (line \(line)); assign it with '\(name) = …' instead",
                       at: range)
                return existing.location
            }
        }
        let location: VariableLocation
        if function.isTopLevel {
            location = declareGlobal(name, at: range)
        } else if captured.contains(range.start) {
            location = .cell(function.newCell())
        } else {
            location = .local(function.newSlot())
        }
        function.scopes[function.scopes.count - 1][name] = FunctionScope.Binding(
            location: location, declaration: range.start, range: range, isFunction: isFunction)
        return location
    }

    private mutating func declareGlobal(_ name: String, at range: SourceRange) -> VariableLocation {
        guard !isAnalysis else { return .global(0) }
        if let owner = interpreter.sessionDeclarations[name], owner.source !== source, !keepsResults {
            let where_ = owner.source.location(of: owner.range.start)
            report("'\(name)' is already declared by \(owner.source.name):\(where_)", at: range)
        }
        interpreter.sessionDeclarations[name] = (source, range)
        let slot = interpreter.globals.add(name)
        interpreter.globalSlots[name] = slot
        return .global(slot)
    }

    // MARK: - Names

    /// Where `name` lives as seen from the current function, or nil when nothing declares it.
    mutating func resolve(_ name: String, at range: SourceRange) -> VariableLocation? {
        if let binding = function.lookup(name) {
            if case .global = binding.location, !isAnalysis, !binding.isFunction, binding.declaration > range.start,
               function.parent == nil {
                let line = source.location(of: binding.declaration).line
                report("'\(name)' is used before its declaration on line \(line)", at: range)
            }
            return binding.location
        }
        if let capture = resolveCapture(name, in: function) { return .capture(capture) }
        if let slot = interpreter.globalSlots[name] { return .global(slot) }
        return nil
    }

    /// The capture index of `name` in `scope`, adding captures along the chain of functions.
    private mutating func resolveCapture(_ name: String, in scope: FunctionScope) -> Int? {
        guard let parent = scope.parent else { return nil }
        if let binding = parent.lookup(name) {
            switch binding.location {
            case .global:
                return nil
            case .cell(let index):
                return addCapture(scope, key: binding.declaration, source: CaptureSource(isLocal: true, index: index))
            case .local, .capture:
                captured.insert(binding.declaration)
                return addCapture(scope, key: binding.declaration, source: CaptureSource(isLocal: true, index: 0))
            }
        }
        guard let outer = resolveCapture(name, in: parent) else { return nil }
        return addCapture(scope, key: -1 - outer, source: CaptureSource(isLocal: false, index: outer))
    }

    private func addCapture(_ scope: FunctionScope, key: Int, source: CaptureSource) -> Int {
        if let index = scope.captureIndex[key] { return index }
        scope.captureSources.append(source)
        scope.captureIndex[key] = scope.captureSources.count - 1
        return scope.captureSources.count - 1
    }

    mutating func unknownName(_ name: String, at range: SourceRange, assigning: Bool = false) {
        var candidates = Array(interpreter.globalSlots.keys)
        var scope: FunctionScope? = function
        while let current = scope {
            for names in current.scopes { candidates += names.keys }
            scope = current.parent
        }
        if !assigning, let word = Compiler.hyphenatedWord(around: range, in: source.bytes) {
            report("unknown name '\(name)' in '\(word)': a word with lowercase letters is not an atom; "
                   + "write it as a string: \"\(word)\"", at: range)
            return
        }
        let hint = Suggestion.didYouMean(name, among: candidates)
        if assigning {
            report("cannot assign to '\(name)': it is not declared (declare it with 'let \(name) = …')\(hint)", at: range)
        } else {
            report("unknown name '\(name)'\(hint)", at: range)
        }
    }

    /// The whole word when the name at `range` is joined by hyphens, with no space, to other
    /// parts (`H100-PCIe-80GB` reads as `H100 - PCIe - 80GB`): a mixed-case value written bare.
    static func hyphenatedWord(around range: SourceRange, in bytes: [UInt8]) -> String? {
        func isPart(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        var start = range.start
        var end = range.end
        while start > 0, isPart(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isPart(bytes[end]) { end += 1 }
        let word = bytes[start..<end]
        guard word.contains(UInt8(ascii: "-")), word.first != UInt8(ascii: "-"), word.last != UInt8(ascii: "-") else { return nil }
        // Only when a part is in capitals (`H100`): `total-cost` is a subtraction gone wrong, not a value.
        let parts = word.split(separator: UInt8(ascii: "-"))
        let hasAtomPart = parts.contains { part in
            part.allSatisfy { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
                && part.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        }
        return hasAtomPart ? String(decoding: word, as: UTF8.self) : nil
    }
}
