/// One resource as completion offers it.
public struct ResourceEntry: Equatable, Sendable {
    /// The id a built-in takes.
    public var id: String
    /// The name the user gave it; typing its start completes to the id.
    public var name: String

    /// An entry.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Where the completer finds the resources of a kind: the platform in a session
/// (`LiveResourceLookup`), a fixed list in tests, nothing without a platform.
public protocol ResourceLookup: Sendable {
    /// The resources of `kind`, or none when they cannot be had at once.
    func resources(_ kind: ResourceKind) -> [ResourceEntry]
}

/// The lookup of a session with no platform: it offers nothing.
public struct NoResources: ResourceLookup {
    /// The lookup.
    public init() {}

    public func resources(_ kind: ResourceKind) -> [ResourceEntry] { [] }
}
