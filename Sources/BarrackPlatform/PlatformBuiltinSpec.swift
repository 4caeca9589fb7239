import BarrackAPI

/// A platform built-in as data: its name, the operation it calls, its parameters and its help.
///
/// One generic body (`PlatformCall`) runs every spec, so adding an operation is adding a row.
struct PlatformBuiltinSpec: Sendable {
    var name: String
    var operation: OperationID
    var group: String
    var summary: String
    var returns: String
    var example: String
    var parameters: [PlatformParameter]
    /// Whether the script gets the whole answer (a relationship such as `{snapshot_id, image}`)
    /// rather than the one listing or object it carries.
    var returnsWholeAnswer = false
}

/// Shorthands for the rows of `PlatformCatalogue`.
enum Parameters {
    /// The resource in the path's `{id}`, given as an id or a record.
    static func resource(_ name: String, _ summary: String, path: String = "id") -> PlatformParameter {
        PlatformParameter(name: name, kind: .resource, target: .path(path), isRequired: true, summary: summary)
    }

    static func query(_ name: String, _ kind: PlatformParameter.Kind, _ summary: String, field: String? = nil,
                      required: Bool = false) -> PlatformParameter {
        PlatformParameter(name: name, kind: kind, target: .query(field ?? name), isRequired: required, summary: summary)
    }

    static func body(_ name: String, _ kind: PlatformParameter.Kind, _ summary: String, field: String? = nil,
                     required: Bool = false, default defaultDescription: String? = nil,
                     sends sentDefault: JSONValue? = nil) -> PlatformParameter {
        PlatformParameter(name: name, kind: kind, target: .body(field ?? name), isRequired: required, summary: summary,
                          defaultDescription: defaultDescription, sentDefault: sentDefault)
    }

    static let region = query("region", .choice(Catalogue.regions), "Only this region.")
    static let page = query("page", .int, "Fetch only this page (from 1) instead of every page.")
    static let limit = query("limit", .int, "Items per page (at most 100) when fetching one page.")
}
