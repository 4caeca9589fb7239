/// A startup script that Advanced deployments can run at first boot.
public struct Script: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// At most 64 KB.
    public var content: String
    public var description: String?
    public var createdAt: String
    public var updatedAt: String?

    public init(
        id: String,
        name: String,
        content: String,
        description: String? = nil,
        createdAt: String,
        updatedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.content = content
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case content
        case description
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The answer of `list_scripts`.
public struct ScriptListResponse: Codable, Sendable, Equatable {
    public var scripts: [Script]

    public init(scripts: [Script]) {
        self.scripts = scripts
    }
}

/// An answer that carries one script: get, create and update.
public struct ScriptResponse: Codable, Sendable, Equatable {
    public var script: Script

    public init(script: Script) {
        self.script = script
    }
}

/// The body of `create_script`.
public struct CreateScriptRequest: Codable, Sendable, Equatable {
    public var name: String
    public var content: String
    public var description: String?

    public init(name: String, content: String, description: String? = nil) {
        self.name = name
        self.content = content
        self.description = description
    }
}

/// The body of `update_script`; absent fields stay as they are.
public struct UpdateScriptRequest: Codable, Sendable, Equatable {
    public var name: String?
    public var content: String?
    public var description: String?

    public init(name: String? = nil, content: String? = nil, description: String? = nil) {
        self.name = name
        self.content = content
        self.description = description
    }
}

/// The answer of `delete_script`.
public typealias DeleteScriptResponse = DeletedResourceResponse

/// The body of `delete_scripts`.
public struct DeleteScriptsRequest: Codable, Sendable, Equatable {
    public var scriptIDs: [String]

    public init(scriptIDs: [String]) {
        self.scriptIDs = scriptIDs
    }

    enum CodingKeys: String, CodingKey {
        case scriptIDs = "script_ids"
    }
}

/// What happened to one script of a bulk delete.
public struct ScriptDeletionResult: Codable, Sendable, Equatable {
    public var scriptID: String
    public var deleted: Bool
    public var error: String?

    public init(scriptID: String, deleted: Bool, error: String? = nil) {
        self.scriptID = scriptID
        self.deleted = deleted
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case scriptID = "script_id"
        case deleted
        case error
    }
}

/// The answer of `delete_scripts`: one result per requested script.
public struct DeleteScriptsResponse: Codable, Sendable, Equatable {
    public var results: [ScriptDeletionResult]

    public init(results: [ScriptDeletionResult]) {
        self.results = results
    }
}
