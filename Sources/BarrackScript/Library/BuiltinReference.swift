/// The built-in reference generated from a registry: `docs/BUILTINS.md` and `barrack builtins`.
public enum BuiltinReference {
    /// A Markdown page: a table of contents by group, then every built-in in full.
    public static func markdown(_ builtins: [BuiltinFunction]) -> String {
        var text = "# Built-in reference\n\n"
        text += "Generated from the built-in registry by `barrack builtins --markdown`; do not edit by hand.\n"
        var groups: [String] = []
        var members: [String: [BuiltinFunction]] = [:]
        for builtin in builtins {
            if members[builtin.help.group] == nil { groups.append(builtin.help.group) }
            members[builtin.help.group, default: []].append(builtin)
        }
        for group in groups {
            text += "\n## \(group)\n"
            for builtin in members[group] ?? [] {
                text += "\n### `\(builtin.name)`\n\n\(builtin.help.summary)\n\n"
                if let operation = builtin.help.operation {
                    text += "- operation: `\(operation)`" + (builtin.help.route.map { " (`\($0)`)" } ?? "") + "\n"
                }
                for parameter in builtin.parameters where parameter.name != "self" {
                    var line = "- `\(parameter.name)` (\(parameter.type)"
                    if parameter.isRequired {
                        line += ", required"
                    } else if let defaultDescription = parameter.defaultDescription {
                        line += ", default \(defaultDescription)"
                    }
                    line += ")"
                    if !parameter.summary.isEmpty { line += ": \(parameter.summary)" }
                    if !parameter.allowedValues.isEmpty {
                        line += " One of " + parameter.allowedValues.map { "`\($0)`" }.joined(separator: ", ") + "."
                    }
                    text += line + "\n"
                }
                if builtin.isVariadic { text += "- any number of further values\n" }
                if !builtin.help.returns.isEmpty { text += "- returns: \(builtin.help.returns)\n" }
                if !builtin.help.example.isEmpty { text += "\n```\n\(builtin.help.example)\n```\n" }
            }
        }
        return text
    }

    /// Every built-in as a list of maps (name, group, summary, operation, method, path, parameters),
    /// for `barrack builtins --json`.
    public static func values(_ builtins: [BuiltinFunction]) -> Value {
        .list(ListObject(builtins.map { builtin in
            let map = MapObject()
            map["name"] = .string(builtin.name)
            map["group"] = .string(builtin.help.group)
            map["summary"] = .string(builtin.help.summary)
            map["operation"] = builtin.help.operation.map { .string($0) } ?? .null
            let route = builtin.help.route?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
            map["method"] = route.count == 2 ? .string(route[0]) : .null
            map["path"] = route.count == 2 ? .string(route[1]) : .null
            map["parameters"] = .list(ListObject(builtin.parameters.filter { $0.name != "self" }.map { parameter in
                let entry = MapObject()
                entry["name"] = .string(parameter.name)
                entry["type"] = .string(parameter.type)
                entry["required"] = .bool(parameter.isRequired)
                entry["default"] = parameter.defaultDescription.map { .string($0) } ?? .null
                entry["allowed"] = .list(ListObject(parameter.allowedValues.map { .string($0) }))
                return .map(entry)
            }))
            map["returns"] = .string(builtin.help.returns)
            map["example"] = .string(builtin.help.example)
            return .map(map)
        }))
    }

    /// `values` as indented JSON.
    public static func json(_ builtins: [BuiltinFunction]) -> String {
        (try? JSON.encode(values(builtins), pretty: true)) ?? "[]"
    }
}
