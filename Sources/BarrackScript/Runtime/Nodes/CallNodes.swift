/// `f(a, b, key: value)` and command calls, where `f` is not a member expression.
final class CallNode: ExprNode {
    let callee: ExprNode
    let arguments: [ExprNode]
    /// The keyword of each argument, or nil; `hasLabels` when any is set.
    let labels: [String?]
    /// Where each keyword is written, for an error about the keyword (`nmae:`).
    let keywordRanges: [SourceRange?]
    let hasLabels: Bool
    /// The name written at the call, for messages.
    let calleeName: String
    private let argumentNodes: [Borrowed<ExprNode>]

    init(_ callee: ExprNode, _ arguments: [ExprNode], labels: [String?], keywordRanges: [SourceRange?] = [],
         calleeName: String, _ source: Source, _ range: SourceRange) {
        self.callee = callee
        self.arguments = arguments
        self.labels = labels
        self.keywordRanges = keywordRanges
        self.hasLabels = labels.contains { $0 != nil }
        self.calleeName = calleeName
        self.argumentNodes = arguments.borrowed
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let target = try callee.eval(frame)
        guard case .function(let function) = target else {
            throw located(ErrorObject.type("'\(calleeName)' is \(article(target.typeName)) \(target.typeName), not a function"))
        }
        return try invoke(function, frame)
    }

    @inline(__always)
    func invoke(_ function: FunctionObject, _ frame: Frame) throws -> Value {
        guard let compiled = function.compiled else {
            guard let builtin = function.builtin else { return .null }
            let values = try evaluateArguments(frame)
            do {
                return try frame.context.callBuiltin(builtin, values, labels: labels)
            } catch {
                throw located(error, arguments: arguments, keywords: keywordRanges)
            }
        }
        return try compiled.with { prototype in
            try frame.withContext { try invoke(function, prototype, frame, context: $0) }
        }
    }

    /// Calls a script function: a frame on the stack, the arguments in its first slots.
    ///
    /// An error in an argument is the caller's own and does not list the function in the call
    /// stack; one from binding, the step count or the body does.
    @inline(__always)
    private func invoke(_ function: FunctionObject, _ prototype: FunctionPrototype, _ frame: Frame,
                        context: ExecutionContext) throws -> Value {
        let callee: Frame
        do { callee = try context.pushFrame(prototype, function: function) } catch { throw traced(error, function) }
        defer { context.popFrame(callee, prototype) }
        let given = arguments.count
        var values: [Value]?
        if !hasLabels && given <= prototype.parameterCount {
            var index = 0
            while index < given {
                callee.slots[index] = try argumentNodes[index].with { try $0.eval(frame) }
                index += 1
            }
        } else {
            values = try evaluateArguments(frame)
        }
        do {
            if let values {
                try context.bind(prototype, callee, arguments: values, labels: labels)
            } else if given < prototype.parameterCount {
                try context.fillDefaults(prototype, callee, after: given)
            }
            // The step is counted once the arguments are bound, as the VM counts it.
            try context.tick()
            return try context.runBody(prototype, callee)
        } catch {
            throw traced(error, function)
        }
    }

    /// An error that left a call: placed at the call when it has no place, else the call is
    /// added to its call stack.
    @inline(never)
    private func traced(_ error: Error, _ function: FunctionObject) -> Error {
        guard let error = error as? ErrorObject else { return error }
        if error.location == nil {
            error.locate(source, range)
        } else {
            error.trace.append(ErrorLocation(function: function.name, source: source, range: range))
        }
        return error
    }

    func evaluateArguments(_ frame: Frame) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.eval(frame)) }
        return values
    }
}

func article(_ word: String) -> String {
    guard let first = word.first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}

/// `receiver.name(args)`: a method of the receiver's type, or a function stored in a map.
final class MethodCallNode: ExprNode {
    let receiver: ExprNode
    let name: String
    let optional: Bool
    let call: CallNode
    /// The built-in methods of that name, looked up once at compile time.
    let listMethod: BuiltinFunction?
    let mapMethod: BuiltinFunction?
    let stringMethod: BuiltinFunction?
    /// The receiver's slot (nil) before the call's own labels.
    let labels: [String?]
    /// The commonest methods, done here without binding arguments (they run in tight loops).
    let fastMethod: FastMethod?

    enum FastMethod {
        case append, len, has, get
    }

    init(_ receiver: ExprNode, _ name: String, optional: Bool, call: CallNode, _ source: Source, _ range: SourceRange) {
        self.receiver = receiver
        self.name = name
        self.optional = optional
        self.call = call
        self.listMethod = Methods.list[name]
        self.mapMethod = Methods.map[name]
        self.stringMethod = Methods.string[name]
        self.labels = [nil] + call.labels
        switch (name, call.arguments.count, call.hasLabels) {
        case ("append", 1, false): fastMethod = .append
        case ("len", 0, false): fastMethod = .len
        case ("has", 1, false): fastMethod = .has
        case ("get", 1, false): fastMethod = .get
        default: fastMethod = nil
        }
        super.init(source, range)
    }

    /// The key argument of `has` and `get`, evaluated once.
    private func stringKey(_ frame: Frame) throws -> String {
        let key = try call.arguments[0].eval(frame)
        guard case .string(let text) = key else {
            throw located(ErrorObject.type("map.\(name): 'key' must be a string, not \(key.typeName)"))
        }
        return text
    }

    /// The method done directly, or nil when the general path must take it.
    @inline(__always)
    private func fast(_ method: FastMethod, _ value: Value, _ frame: Frame) throws -> Value? {
        switch (method, value) {
        case (.append, .list(let list)):
            list.elements.append(try call.arguments[0].eval(frame))
            return value
        case (.len, .list(let list)):
            return .int(list.elements.count)
        case (.len, .string(let text)):
            return .int(text.count)
        case (.len, .map(let map)) where map[name] == nil:
            return .int(map.count)
        case (.has, .map(let map)) where map[name] == nil:
            return .bool(map[try stringKey(frame)] != nil)
        case (.get, .map(let map)) where map[name] == nil:
            return map[try stringKey(frame)] ?? .null
        default:
            return nil
        }
    }

    override func eval(_ frame: Frame) throws -> Value {
        let value = try receiver.eval(frame)
        if let fastMethod, let result = try fast(fastMethod, value, frame) { return result }
        let method: BuiltinFunction?
        switch value {
        case .map(let map):
            if let stored = map[name] {
                guard case .function(let function) = stored else {
                    throw located(ErrorObject.type("'\(name)' is \(article(stored.typeName)) \(stored.typeName) in this map, not a function"))
                }
                return try call.invoke(function, frame)
            }
            method = mapMethod
        case .list: method = listMethod
        case .string: method = stringMethod
        case .range:
            // The receiver stays a range: the methods that need a list make one themselves.
            method = listMethod
        case .null where optional:
            return .null
        default: method = nil
        }
        guard let method else {
            if case .map(let map) = value, !optional {
                throw located(Access.missingKey(name, in: map))
            }
            if optional, case .map = value { return .null }
            throw located(Access.noMember(name, on: value))
        }
        var values = [value]
        values.reserveCapacity(call.arguments.count + 1)
        for argument in call.arguments { values.append(try argument.eval(frame)) }
        do {
            return try frame.context.callBuiltin(method, values, labels: labels)
        } catch {
            throw located(error, arguments: [receiver] + call.arguments, keywords: [nil] + call.keywordRanges)
        }
    }
}

/// A statement that is only a name: calls it when it is a function (`instances`), else yields it.
final class BareNameNode: ExprNode {
    let variable: ExprNode
    let call: CallNode

    init(_ variable: ExprNode, call: CallNode, _ source: Source, _ range: SourceRange) {
        self.variable = variable
        self.call = call
        super.init(source, range)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let value = try variable.eval(frame)
        guard case .function(let function) = value else { return value }
        return try call.invoke(function, frame)
    }
}
