import BarrackPlatform
import BarrackScript

/// What Tab offers in the REPL, worked out from the line and the cursor alone, so that it is
/// tested without a terminal (the line editor only adapts it to readline).
///
/// It completes, by where the cursor is:
/// - a name: keywords, built-ins and variables, and inside a call of a built-in (`f(…` or the
///   command form `f …`) the keyword arguments not given yet, as `name:`;
/// - the value of a keyword argument: the parameter's allowed values, or the platform words that
///   fit it (`region:` and `in` take regions, `gpu:` GPU models, `status:` statuses);
/// - an argument that takes a resource (`stop …`, `attach_volume(volume: …`): the ids of that
///   kind of resource as strings, from `resources`; typing the start of a name or an id, in or
///   out of a string, narrows them;
/// - an ALL-CAPS word: every platform word;
/// - a word inside a string: every platform word, in its exact spelling, closing the string;
/// - after a `.`: the members of the receiver (`MemberReceiver`), from the value the session holds
///   or the type the expression has — a map's keys, then the methods of strings, lists or maps.
///
///     let completer = Completer(interpreter: interpreter)
///     completer.complete(line: "print FINL", cursor: 10).candidates
///     // ["FINLAND-1", "FINLAND-2", "FINLAND-3"]
public struct Completer {
    /// The language's keywords.
    public var keywords: [String]
    /// The parameters of each built-in, by the built-in's name.
    public var builtins: [String: [BuiltinParameter]]
    /// The names in scope at the top level (built-ins included).
    public var variables: [String]
    /// The values of the top-level variables, read for completion after a `.`.
    public var globals: [String: Value]
    /// Platform words.
    public var atoms: CompletionAtoms
    /// The platform's resources, asked only when an argument takes one.
    public var resources: any ResourceLookup
    /// The fields of the record a built-in returns, by its name (`instance(vm).⇥`); read from
    /// the API document, so nothing is called.
    public var resultFields: (String) -> [String]? = Platform.resultFields(of:)

    /// Characters that end a word; the line editor gives readline the same set, so that both
    /// agree on where the word being completed starts. `-` is not among them: it is part of
    /// atoms like `FINLAND-1`.
    public static let wordBreakCharacters = " \t\n\"'`()[]{},:;.=+*/<>!?%#&|"

    /// The completions of the word that ends at `cursor` (a UTF-8 offset into `line`).
    public func complete(line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8.prefix(max(0, cursor)))
        var start = bytes.count
        while start > 0, Completer.isWordByte(bytes[start - 1]) { start -= 1 }
        var word = String(decoding: bytes[start...], as: UTF8.self)

        switch Completer.lexicalState(Array(bytes[..<start])) {
        case .comment:
            return Completion(start: start, candidates: [], suffix: "")
        case .string(let quote):
            let context = CallContext(tokensOf: Array(bytes[..<quote]), isBuiltin: { builtins[$0] != nil })
            if let kind = resourceKind(context) {
                return Completion(start: start, candidates: resourceIDs(kind, matching: word), suffix: "\"")
            }
            let matches = atoms.all.filter { $0.hasPrefix(word) }
            return Completion(start: start, candidates: matches.sorted(), suffix: "\"")
        case .code:
            break
        }
        // In `a-b` the hyphen is a minus: only an ALL-CAPS word holds hyphens.
        if word.first?.isUppercase != true, let hyphen = word.utf8.lastIndex(of: UInt8(ascii: "-")) {
            let skipped = word.utf8.distance(from: word.utf8.startIndex, to: hyphen) + 1
            start += skipped
            word = String(decoding: bytes[start...], as: UTF8.self)
        }
        let before = Array(bytes[..<start])

        if let members = members(before: before) {
            let matches = Set(members.filter { $0.hasPrefix(word) })
            return Completion(start: start, candidates: matches.sorted(), suffix: "")
        }
        let context = CallContext(tokensOf: before, isBuiltin: { builtins[$0] != nil })

        var candidates: Set<String> = []
        if let kind = resourceKind(context) {
            candidates.formUnion(resourceIDs(kind, matching: word).map { "\"" + $0 + "\"" })
        }
        let isAtomWord = word.first?.isUppercase == true
        if let label = context.argumentLabel, let values = argumentValues(label, call: context.call) {
            candidates.formUnion(values.map(Completer.spelled).filter { Completer.unquoted($0).hasPrefix(word) })
            if !isAtomWord, !word.isEmpty { candidates.formUnion(names(startingWith: word)) }
        } else if isAtomWord {
            candidates.formUnion(atoms.all.map(Completer.spelled).filter { Completer.unquoted($0).hasPrefix(word) })
        } else {
            if let call = context.call, let parameters = builtins[call] {
                let labels = parameters.map(\.name).filter { !context.givenLabels.contains($0) && $0 != "self" }
                candidates.formUnion(labels.map { $0 + ":" }.filter { $0.hasPrefix(word) })
            }
            if !word.isEmpty || context.call == nil { candidates.formUnion(names(startingWith: word)) }
        }
        return Completion(start: start, candidates: candidates.sorted(), suffix: " ")
    }

    /// The members that may follow `receiver.` when `before` ends with `.` or `?.`; nil when it
    /// does not. An unknown receiver has none: offering every name would complete `"abc".up` to
    /// a built-in that is no method of a string.
    private func members(before: [UInt8]) -> [String]? {
        var tokens = Lexer.tokenize(Source(name: "<completion>", bytes: before)).tokens
        while let last = tokens.last, last.kind == .eof || last.kind == .newline { tokens.removeLast() }
        guard let last = tokens.last, last.kind == .dot || last.kind == .questionDot else { return nil }
        let globals = self.globals
        let resultFields = self.resultFields
        let receiver = MemberReceiver(tokens.dropLast(), global: { globals[$0] }, results: { name in
            // Only a call of the built-in itself: a variable of the same name holds something else.
            guard case .function(let function)? = globals[name], function.builtin?.name == name else { return nil }
            return resultFields(name)
        })
        return receiver?.memberNames ?? []
    }

    private func names(startingWith prefix: String) -> [String] {
        (keywords + variables).filter { $0.hasPrefix(prefix) }
    }

    /// The values that fit keyword argument `label` of built-in `call`: the parameter's own
    /// allowed values first, else the platform words of that name.
    private func argumentValues(_ label: String, call: String?) -> [String]? {
        if let call, let parameter = builtins[call]?.first(where: { $0.name == label }),
           !parameter.allowedValues.isEmpty {
            return parameter.allowedValues
        }
        return atoms.values(forArgument: label)
    }

    /// The kind of resource the argument being typed takes, if it takes one.
    private func resourceKind(_ context: CallContext) -> ResourceKind? {
        guard let call = context.call, let parameters = builtins[call] else { return nil }
        let parameter: BuiltinParameter?
        if let label = context.argumentLabel {
            parameter = parameters.first { $0.name == label }
        } else if let index = context.positionalIndex {
            let positional = parameters.filter { $0.name != "self" }
            parameter = index < positional.count ? positional[index] : nil
        } else {
            parameter = nil
        }
        return parameter.flatMap(ResourceKind.init(parameter:))
    }

    /// The ids of the resources of `kind` whose id or name starts with `word`, sorted.
    private func resourceIDs(_ kind: ResourceKind, matching word: String) -> [String] {
        let entries = resources.resources(kind).filter { entry in
            entry.id.hasPrefix(word) || (!word.isEmpty && entry.name.hasPrefix(word))
        }
        return Set(entries.map(\.id)).sorted()
    }

    /// How a word is written in code: an atom as it is, anything else as a string.
    static func spelled(_ word: String) -> String {
        isAtom(word) ? word : "\"" + word + "\""
    }

    private static func unquoted(_ candidate: String) -> String {
        candidate.hasPrefix("\"") ? String(candidate.dropFirst().dropLast()) : candidate
    }

    /// Whether `word` reads as an atom (LANGUAGE.md section 1): ALL-CAPS parts of letters and
    /// digits joined by single hyphens, starting with a letter.
    public static func isAtom(_ word: String) -> Bool {
        guard let first = word.first, first.isASCII, first.isUppercase else { return false }
        return word.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        !wordBreakCharacters.utf8.contains(byte)
    }

    private enum LexicalState {
        case code, comment
        /// In a string that the quote at this offset opened.
        case string(Int)
    }

    /// Whether the end of `bytes` is in code, in a string or in a comment. Three quotes toggle
    /// three times, so a long string's `"""` counts right too.
    private static func lexicalState(_ bytes: [UInt8]) -> LexicalState {
        var inString = false
        var escaped = false
        var quote = 0
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                quote = offset
            } else if byte == UInt8(ascii: "#") {
                return .comment
            }
        }
        return inString ? .string(quote) : .code
    }
}

/// What Tab offers for one word.
public struct Completion: Equatable, Sendable {
    /// The UTF-8 offset where the word being completed starts.
    public var start: Int
    /// The words that can replace it, sorted.
    public var candidates: [String]
    /// What follows a sole candidate: a space, a closing quote, or nothing.
    public var suffix: String

    /// A completion of the word at `start`.
    public init(start: Int, candidates: [String], suffix: String) {
        self.start = start
        self.candidates = candidates
        self.suffix = suffix
    }
}

extension Completer {
    /// The completer for an interpreter's current built-ins and top-level variables.
    public init(interpreter: Interpreter, atoms: CompletionAtoms = .standard, resources: any ResourceLookup = NoResources()) {
        keywords = TokenKind.keywords.keys.sorted()
        builtins = Dictionary(interpreter.builtins.map { ($0.name, $0.parameters) }, uniquingKeysWith: { $1 })
        variables = interpreter.globalNames
        var values: [String: Value] = [:]
        for name in variables {
            if let value = interpreter.global(name) { values[name] = value }
        }
        globals = values
        self.atoms = atoms
        self.resources = resources
    }
}
