/// The methods of strings, lists and maps as a host sees them: their names and what they return,
/// for tools that reason about code without running it (the REPL's completion after a `.`).
///
///     MethodCatalogue.names(ofType: "string").contains("upper")     // true
///     MethodCatalogue.resultType(of: "split", onType: "string")      // "list"
public enum MethodCatalogue {
    /// The method names of the type `type(v)` names (`string`, `list`, `map`; a range has the
    /// list's), sorted; empty for a type without methods.
    public static func names(ofType type: String) -> [String] {
        table(ofType: type).map { $0.keys.sorted() } ?? []
    }

    /// The method `name` of the type named `type`, when it has one.
    public static func method(_ name: String, ofType type: String) -> BuiltinFunction? {
        table(ofType: type)?[name]
    }

    /// The type a method returns when it is always one type with methods (`string`, `list` or
    /// `map`); nil when it returns something else or depends on the elements (`first`, `get`).
    public static func resultType(of name: String, onType type: String) -> String? {
        guard let returns = method(name, ofType: type)?.help.returns,
              ["string", "list", "map"].contains(returns) else { return nil }
        return returns
    }

    private static func table(ofType type: String) -> [String: BuiltinFunction]? {
        switch type {
        case "string": return Methods.string
        case "list", "range": return Methods.list
        case "map": return Methods.map
        default: return nil
        }
    }
}
