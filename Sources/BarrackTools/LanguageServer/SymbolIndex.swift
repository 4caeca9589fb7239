import BarrackScript

/// The names a document declares and every place it uses them, resolved by scope as the
/// compiler does: a block is a scope, a `fn` statement is visible in its whole block (it is
/// hoisted), a `let` from its statement on, a function's parameters, a loop's variables and a
/// `catch` name in their bodies. A use the file's scopes do not hold resolves to a top-level
/// declaration of the same name made further down (a function body may name a global declared
/// after it); any other name (a built-in, an imported one) is left unresolved.
///
/// Definition, references, rename, document symbols and the hover of a user name read it.
struct SymbolIndex {
    /// What declared a name.
    enum Kind {
        case variable, function, parameter, loopVariable, errorVariable
    }

    /// One declaration.
    struct Symbol {
        var name: String
        var kind: Kind
        /// Where its name is written.
        var nameRange: SourceRange
        /// The whole declaration (the `let` statement, the function).
        var declarationRange: SourceRange
        /// Whether it is declared at the top level of the file.
        var isTopLevel: Bool
        /// The function it is declared in (its index), for document symbols.
        var parent: Int?
        /// The scope it is declared in: two symbols of one scope cannot share a name.
        var scope: Int
        /// A function's parameters as written in its signature (`a, b = 2`); nil for the rest.
        var parameters: [String]?
    }

    /// Every declaration, in source order of the walk.
    private(set) var symbols: [Symbol] = []
    /// Every place a declared name is written: its declaration and its uses, with the symbol.
    private(set) var occurrences: [(range: SourceRange, symbol: Int)] = []

    private var scopes: [[String: Int]] = [[:]]
    /// The number of each open scope; the top level is 0.
    private var scopeNumbers: [Int] = [0]
    private var scopeCount = 1
    private var functions: [Int] = []
    private var unresolved: [(name: String, range: SourceRange)] = []
    private let source: Source

    /// The index of a parsed document.
    init(_ statements: [Stmt], source: Source) {
        self.source = source
        block(statements)
        let topLevel = scopes.first ?? [:]
        for use in unresolved {
            if let symbol = topLevel[use.name] {
                occurrences.append((use.range, symbol))
            } else {
                unresolvedUses.append(use)
            }
        }
        occurrences.sort { $0.range.start < $1.range.start }
    }

    /// The symbol declared or used at byte `offset`.
    func symbol(at offset: Int) -> Int? {
        occurrences.first { $0.range.start <= offset && offset <= $0.range.end }?.symbol
    }

    /// The ranges where `symbol` is written, its declaration first.
    func ranges(of symbol: Int) -> [SourceRange] {
        let declaration = symbols[symbol].nameRange
        return [declaration] + occurrences.filter { $0.symbol == symbol && $0.range != declaration }.map(\.range)
    }

    /// The top-level declaration named `name`, if the file makes one.
    func topLevelSymbol(named name: String) -> Int? {
        symbols.indices.last { symbols[$0].isTopLevel && symbols[$0].name == name }
    }

    /// The uses that no scope of the file holds (built-ins, imported names), with their text.
    private(set) var unresolvedUses: [(name: String, range: SourceRange)] = []

    /// The names declared anywhere in the file, for completion inside functions.
    var allNames: Set<String> { Set(symbols.map(\.name)) }

    // MARK: - Walk

    private mutating func block(_ statements: [Stmt]) {
        // `fn` statements are visible in their whole block.
        for statement in statements {
            if case .function(let function) = statement.kind, let name = function.name {
                declare(name, .function, at: functionNameRange(function), declaration: function.range)
                symbols[symbols.count - 1].parameters = function.parameters.map { parameter in
                    parameter.defaultValue.map { "\(parameter.name) = \(SourcePrinter.print($0))" } ?? parameter.name
                }
            }
        }
        for statement in statements { self.statement(statement) }
    }

    private mutating func scoped(_ body: (inout SymbolIndex) -> Void) {
        scopes.append([:])
        scopeNumbers.append(scopeCount)
        scopeCount += 1
        body(&self)
        scopes.removeLast()
        scopeNumbers.removeLast()
    }

    private mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let value), .raise(let value):
            expression(value)
        case .letDeclaration(let name, let nameRange, let value):
            expression(value)
            declare(name, .variable, at: nameRange, declaration: statement.range)
        case .assignment(let target, _, let value):
            expression(target)
            expression(value)
        case .function(let function):
            let symbol = scopes.last?[function.name ?? ""]
            self.function(function, symbol: symbol)
        case .returnStatement(let value):
            value.map { expression($0) }
        case .ifStatement(let branches, let elseBlock):
            for branch in branches {
                expression(branch.condition)
                body(branch.body)
            }
            elseBlock.map { body($0) }
        case .whileStatement(let condition, let loopBody):
            expression(condition)
            body(loopBody)
        case .forStatement(let loop):
            forLoop(loop)
        case .parallelFor(let loop, let limit):
            limit.map { expression($0) }
            forLoop(loop)
        case .tryStatement(let tryBody, let catches, let finally):
            body(tryBody)
            for clause in catches {
                scoped { index in
                    index.declare(clause.name, .errorVariable, at: clause.nameRange, declaration: clause.nameRange)
                    clause.filter.map { index.expression($0) }
                    index.body(clause.body)
                }
            }
            finally.map { body($0) }
        case .deferStatement(let deferred), .block(let deferred):
            body(deferred)
        case .wait(let condition, let timeout, let every):
            expression(condition)
            timeout.map { expression($0) }
            every.map { expression($0) }
        case .breakStatement, .continueStatement, .importStatement:
            break
        }
    }

    private mutating func body(_ block: Block) {
        scoped { $0.block(block.statements) }
    }

    private mutating func forLoop(_ loop: ForLoop) {
        expression(loop.iterable)
        scoped { index in
            let firstRange = SourceRange(start: loop.namesRange.start, end: loop.namesRange.start + loop.first.utf8.count)
            index.declare(loop.first, .loopVariable, at: firstRange, declaration: loop.namesRange)
            if let second = loop.second {
                let secondRange = SourceRange(start: loop.namesRange.end - second.utf8.count, end: loop.namesRange.end)
                index.declare(second, .loopVariable, at: secondRange, declaration: loop.namesRange)
            }
            loop.filter.map { index.expression($0) }
            index.body(loop.body)
        }
    }

    private mutating func function(_ function: FunctionDecl, symbol: Int?) {
        if let symbol { functions.append(symbol) }
        scoped { index in
            for parameter in function.parameters {
                parameter.defaultValue.map { index.expression($0) }
                index.declare(parameter.name, .parameter, at: parameter.range, declaration: parameter.range)
            }
            index.block(function.body.statements)
        }
        if symbol != nil { functions.removeLast() }
    }

    private mutating func expression(_ expression: Expr) {
        switch expression.kind {
        case .name(let name):
            use(name, at: expression.range)
        case .lambda(let function):
            self.function(function, symbol: nil)
        default:
            for child in expression.children { self.expression(child) }
        }
    }

    private mutating func declare(_ name: String, _ kind: Kind, at nameRange: SourceRange, declaration: SourceRange) {
        let isTopLevel = scopes.count == 1
        symbols.append(Symbol(name: name, kind: kind, nameRange: nameRange, declarationRange: declaration,
                              isTopLevel: isTopLevel, parent: functions.last, scope: scopeNumbers.last ?? 0))
        scopes[scopes.count - 1][name] = symbols.count - 1
        occurrences.append((nameRange, symbols.count - 1))
    }

    private mutating func use(_ name: String, at range: SourceRange) {
        for scope in scopes.reversed() {
            if let symbol = scope[name] {
                occurrences.append((range, symbol))
                return
            }
        }
        unresolved.append((name, range))
    }

    /// Where the name of a `fn name(…)` statement is written: the word after `fn`.
    private func functionNameRange(_ function: FunctionDecl) -> SourceRange {
        let bytes = source.bytes
        var start = min(bytes.count, function.range.start + 2)
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        let length = function.name?.utf8.count ?? 0
        return SourceRange(start: start, end: min(bytes.count, start + length))
    }
}
