/// The text `help` shows: every built-in by group, or one built-in in full.
public enum HelpText {
    /// One line per built-in, grouped, in registration order within a group.
    public static func overview(_ builtins: [BuiltinFunction]) -> String {
        var groups: [String] = []
        var members: [String: [BuiltinFunction]] = [:]
        for builtin in builtins {
            if members[builtin.help.group] == nil { groups.append(builtin.help.group) }
            members[builtin.help.group, default: []].append(builtin)
        }
        let width = min(28, (builtins.map(\.name.count).max() ?? 0) + 2)
        var text = ""
        for group in groups {
            text += "\(group):\n"
            for builtin in members[group] ?? [] {
                let padded = builtin.name.padding(toLength: width)
                text += "  \(padded)\(builtin.help.summary)\n"
            }
        }
        return text + "\nhelp NAME shows one built-in in full; help for, help wait, … explain the statements"
            + " (keywords: " + LanguageHelp.topics.map { $0.names[0] }.joined(separator: " ") + ").\n"
    }

    /// Everything about one built-in: summary, operation, parameters, result, example.
    public static func detail(_ builtin: BuiltinFunction) -> String {
        var text = "\(builtin.name) — \(builtin.help.summary)\n"
        if let operation = builtin.help.operation {
            text += "  operation: \(operation)" + (builtin.help.route.map { " (\($0))" } ?? "") + "\n"
        }
        let parameters = builtin.parameters.filter { $0.name != "self" }
        if !parameters.isEmpty || builtin.isVariadic {
            text += "  parameters:\n"
            for parameter in parameters {
                var line = "    \(parameter.name): \(parameter.type)"
                if parameter.isRequired {
                    line += ", required"
                } else if let defaultDescription = parameter.defaultDescription {
                    line += ", default \(defaultDescription)"
                } else {
                    line += ", optional"
                }
                if !parameter.summary.isEmpty { line += " — \(parameter.summary)" }
                if !parameter.allowedValues.isEmpty {
                    line += " One of: " + parameter.allowedValues.joined(separator: ", ") + "."
                }
                text += line + "\n"
            }
            if builtin.isVariadic { text += "    …: any number of further values\n" }
        }
        if !builtin.help.returns.isEmpty { text += "  returns: \(builtin.help.returns)\n" }
        if !builtin.help.example.isEmpty { text += "  example: \(builtin.help.example)\n" }
        return text
    }

    /// The help on `topic`: a built-in (`deploy`), a method (`upper`, `string.upper`) or a keyword
    /// or statement (`wait`, `for`); nil when nothing has that name.
    public static func text(forTopic topic: String, builtins: [BuiltinFunction]) -> String? {
        if let builtin = builtins.first(where: { $0.name == topic }) { return detail(builtin) }
        let parts = topic.split(separator: ".", maxSplits: 1).map(String.init)
        let methods = parts.count == 2
            ? MethodCatalogue.method(parts[1], ofType: parts[0]).map { [$0] } ?? []
            : ["string", "list", "map"].compactMap { MethodCatalogue.method(topic, ofType: $0) }
        if !methods.isEmpty { return methods.map(detail).joined(separator: "\n") }
        return LanguageHelp.topic(named: topic)?.text
    }

    /// Every name `help` knows, for did-you-mean suggestions.
    public static func topicNames(_ builtins: [BuiltinFunction]) -> [String] {
        builtins.map(\.name) + LanguageHelp.words
            + ["string", "list", "map"].flatMap { type in MethodCatalogue.names(ofType: type).map { "\(type).\($0)" } }
    }

    /// The `help` built-in over the interpreter's built-ins.
    static func builtin() -> BuiltinFunction {
        BuiltinFunction(name: "help", parameters: [.optional("name", "function or string", default: "all built-ins")],
                        help: BuiltinHelp(summary: "Lists the built-ins, or explains one (help deploy), a method "
                                              + "(help \"upper\") or a statement (help wait).", returns: "nil",
                                          example: "help deploy")) { call in
            let builtins = call.interpreter.builtins
            var name: String?
            switch call.argument(0) {
            case .string(let text)?: name = text
            case .function(let function)?: name = function.name
            case nil: name = nil
            case let other?: throw call.typeError(0, "a built-in or its name, not \(other.typeName)")
            }
            guard let name else {
                call.thread.print(overview(builtins))
                return .null
            }
            guard let text = text(forTopic: name, builtins: builtins) else {
                throw ErrorObject(code: ErrorCode.name, message: "help: no built-in, method or keyword named '\(name)'"
                                  + Suggestion.didYouMean(name, among: topicNames(builtins)))
            }
            call.thread.print(text)
            return .null
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
