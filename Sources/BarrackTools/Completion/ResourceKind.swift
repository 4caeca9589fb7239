import BarrackScript

/// A kind of platform resource whose ids Tab completes, named after the listing built-in that
/// returns them.
public enum ResourceKind: String, CaseIterable, Sendable {
    case instance = "instances"
    case volume = "volumes"
    case key = "ssh_keys"
    case firewall = "firewalls"
    case script = "scripts"
    case snapshot = "snapshots"
    case image = "images"

    /// The built-in that lists this kind.
    public var listingBuiltin: String { rawValue }

    /// The kind a built-in parameter takes, from its type and name (`instance`, `data_volumes`,
    /// `ssh_keys`); nil for a parameter that takes no resource, or one with no listing (`rule`).
    public init?(parameter: BuiltinParameter) {
        guard parameter.type == "id or record" || parameter.type == "list of ids or records" else { return nil }
        var noun = Substring(parameter.name)
        if let underscore = noun.lastIndex(of: "_") { noun = noun[noun.index(after: underscore)...] }
        if noun.hasSuffix("s") { noun = noun.dropLast() }
        guard let kind = ResourceKind.allCases.first(where: { "\($0)" == noun }) else { return nil }
        self = kind
    }
}
