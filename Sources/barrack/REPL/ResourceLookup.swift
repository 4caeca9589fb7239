/// One resource as completion offers it.
struct ResourceEntry: Equatable, Sendable {
    /// The id a built-in takes.
    var id: String
    /// The name the user gave it; typing its start completes to the id.
    var name: String
}

/// Where the completer finds the resources of a kind: the platform in a session
/// (`LiveResourceLookup`), a fixed list in tests, nothing without a platform.
protocol ResourceLookup: Sendable {
    /// The resources of `kind`, or none when they cannot be had at once.
    func resources(_ kind: ResourceKind) -> [ResourceEntry]
}

/// The lookup of a session with no platform: it offers nothing.
struct NoResources: ResourceLookup {
    func resources(_ kind: ResourceKind) -> [ResourceEntry] { [] }
}
