/// Startup script operations.
extension BarrackClient {
    /// Every startup script (`list_scripts`).
    public func listScripts() async throws -> APIResponse<ScriptListResponse> {
        try await sendEveryPage(.listScripts)
    }

    /// One startup script (`get_script`).
    public func getScript(id: String) async throws -> APIResponse<ScriptResponse> {
        try await send(.getScript, path: ["id": id])
    }

    /// Creates a startup script (`create_script`).
    public func createScript(_ request: CreateScriptRequest) async throws -> APIResponse<ScriptResponse> {
        try await send(.createScript, body: request)
    }

    /// Changes the given fields of a startup script (`update_script`).
    public func updateScript(id: String, _ request: UpdateScriptRequest) async throws -> APIResponse<ScriptResponse> {
        try await send(.updateScript, path: ["id": id], body: request)
    }

    /// Deletes a startup script (`delete_script`).
    public func deleteScript(id: String) async throws -> APIResponse<DeleteScriptResponse> {
        try await send(.deleteScript, path: ["id": id])
    }

    /// Deletes several startup scripts, reporting each (`delete_scripts`).
    public func deleteScripts(ids: [String]) async throws -> APIResponse<DeleteScriptsResponse> {
        try await send(.deleteScripts, body: DeleteScriptsRequest(scriptIDs: ids))
    }
}
