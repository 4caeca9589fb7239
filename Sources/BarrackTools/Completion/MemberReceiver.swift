import BarrackScript

/// What stands before the `.` of `receiver.word` at the prompt, worked out without running
/// anything: a value the session already holds (`vm.`, `vm.boot_source.`, `xs[0].`), a literal
/// (`"abc".`, `[1, 2].`, `{a: 1}.`), the type a method returns (`"a b".split().`), or the record a
/// platform built-in returns (`instance(vm).`, its fields from the API document).
///
/// Completion offers the keys of a map value and the methods of the receiver's type; nothing is
/// evaluated, so Tab never calls the platform or a user function.
enum MemberReceiver {
    /// A value known exactly.
    case value(Value)
    /// Only its type is known: `string`, `list` or `map`.
    case type(String)

    /// The receiver made of `tokens` (everything before the `.`), or nil when it cannot be told.
    /// `global` reads the session's top-level variables; `results` gives the fields of the record
    /// a built-in of that name returns.
    init?(_ tokens: ArraySlice<Token>, global: (String) -> Value?, results: (String) -> [String]? = { _ in nil }) {
        guard let last = tokens.last else { return nil }
        let before = tokens.dropLast()
        switch last.kind {
        case .string, .stringEnd:
            self = .type("string")
        case .identifier:
            if let dot = before.last, dot.kind == .dot || dot.kind == .questionDot {
                guard let base = MemberReceiver(before.dropLast(), global: global, results: results), case .value(.map(let map)) = base,
                      let member = map[last.text] else { return nil }
                self = .value(member)
            } else {
                guard let value = global(last.text) else { return nil }
                self = .value(value)
            }
        case .rightParen:
            guard let open = MemberReceiver.opening(of: tokens) else { return nil }
            let head = tokens[..<open]
            guard let callee = head.last, callee.kind == .identifier, !tokens[open].spaceBefore else {
                // A parenthesised expression: what is inside.
                self.init(tokens[(open + 1)..<(tokens.endIndex - 1)], global: global, results: results)
                return
            }
            let calleeBase = head.dropLast()
            if calleeBase.last.map({ $0.kind != .dot && $0.kind != .questionDot }) ?? true {
                // A call of a platform built-in: the fields of the record it returns.
                guard let fields = results(callee.text) else { return nil }
                let record = MapObject()
                for field in fields { record[field] = .null }
                self = .value(.map(record))
                return
            }
            guard let dot = calleeBase.last, dot.kind == .dot || dot.kind == .questionDot,
                  let base = MemberReceiver(calleeBase.dropLast(), global: global, results: results),
                  let result = MemberReceiver.methodResult(callee.text, on: base) else { return nil }
            self = result
        case .rightBracket:
            guard let open = MemberReceiver.opening(of: tokens) else { return nil }
            let head = tokens[..<open]
            let isIndex = !tokens[open].spaceBefore && head.last.map {
                [.identifier, .rightParen, .rightBracket, .string, .stringEnd].contains($0.kind)
            } == true
            guard isIndex else {
                self = .type("list")
                return
            }
            guard let base = MemberReceiver(head, global: global, results: results), case .value(let container) = base,
                  tokens.count == tokens.distance(from: tokens.startIndex, to: open) + 3,
                  let element = MemberReceiver.element(of: container, at: tokens[open + 1]) else { return nil }
            self = .value(element)
        case .rightBrace:
            guard let open = MemberReceiver.opening(of: tokens) else { return nil }
            self = .value(MemberReceiver.mapLiteral(tokens[(open + 1)..<(tokens.endIndex - 1)]))
        default:
            return nil
        }
    }

    /// The type name whose methods apply.
    var typeName: String {
        switch self {
        case .value(.range): return "list"
        case .value(let value): return value.typeName
        case .type(let name): return name
        }
    }

    /// The member names to offer: a map's keys first, then the methods of the type.
    var memberNames: [String] {
        var names: [String] = []
        if case .value(.map(let map)) = self { names = map.keys }
        return names + MethodCatalogue.names(ofType: typeName)
    }

    /// The index of the bracket that opens the one `tokens` ends with.
    private static func opening(of tokens: ArraySlice<Token>) -> Int? {
        var depth = 0
        for index in tokens.indices.reversed() {
            switch tokens[index].kind {
            case .rightParen, .rightBracket, .rightBrace: depth += 1
            case .leftParen, .leftBracket, .leftBrace:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// `container[index]` for a literal index.
    private static func element(of container: Value, at index: Token) -> Value? {
        switch (container, index.value) {
        case (.list(let list), .int(let position)):
            let resolved = position < 0 ? list.elements.count + position : position
            return list.elements.indices.contains(resolved) ? list.elements[resolved] : nil
        case (.map(let map), .text(let key)) where index.kind == .string:
            return map[key]
        default:
            return nil
        }
    }

    /// A map literal's keys (the values are not evaluated).
    private static func mapLiteral(_ tokens: ArraySlice<Token>) -> Value {
        let map = MapObject()
        var depth = 0
        for index in tokens.indices {
            switch tokens[index].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .colon where depth == 0 && index > tokens.startIndex:
                let key = tokens[index - 1]
                if key.kind == .identifier || key.kind == .atom || key.kind == .string || key.kind.isKeyword {
                    let keyword = TokenKind.keywords.first { $0.value == key.kind }?.key
                    map[keyword ?? key.text] = .null
                }
            default: break
            }
        }
        return .map(map)
    }

    /// What calling method `name` on `base` gives, when its type is known.
    private static func methodResult(_ name: String, on base: MemberReceiver) -> MemberReceiver? {
        if case .value(.map(let map)) = base, map[name] != nil { return nil }
        if case .value(.list(let list)) = base, name == "first" || name == "last" {
            return (name == "first" ? list.elements.first : list.elements.last).map { .value($0) }
        }
        return MethodCatalogue.resultType(of: name, onType: base.typeName).map { .type($0) }
    }
}
