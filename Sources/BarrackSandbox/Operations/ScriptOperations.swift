import BarrackAPI
import Foundation

/// Startup scripts for Advanced deployments (barrack-api.md section 6).
extension World {
    func listScripts(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(ScriptListResponse(scripts: state.scripts.map(model)), message: "Scripts retrieved")
    }

    func getScript(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(ScriptResponse(script: model(state.scripts[try scriptIndex(call.parameter("id"))])),
                  message: "Script retrieved")
    }

    mutating func createScript(_ call: Call) throws(SandboxError) -> Reply {
        let missing = call.body.missing(["name", "content"])
        guard missing.isEmpty else { throw .missing(missing) }
        let name = try call.body.string("name") ?? ""
        let content = try call.body.string("content") ?? ""
        let description = try call.body.string("description") ?? ""
        try checkScript(name: name, content: content, description: description, excluding: nil)
        let script = ScriptRecord(id: state.issueID(suffix: IDSuffix.script, catalogue: catalogue), name: name,
                                  content: content, description: description, createdAt: now, updatedAt: now)
        state.scripts.append(script)
        return try Reply(ScriptResponse(script: model(script)), message: "Script \(name) created", status: 201)
    }

    mutating func updateScript(_ call: Call) throws(SandboxError) -> Reply {
        let index = try scriptIndex(call.parameter("id"))
        var script = state.scripts[index]
        script.name = try call.body.string("name") ?? script.name
        script.content = try call.body.string("content") ?? script.content
        script.description = try call.body.string("description") ?? script.description
        try checkScript(name: script.name, content: script.content, description: script.description, excluding: script.id)
        script.updatedAt = now
        state.scripts[index] = script
        return try Reply(ScriptResponse(script: model(script)), message: "Script \(script.name) updated")
    }

    mutating func deleteScript(_ call: Call) throws(SandboxError) -> Reply {
        let index = try scriptIndex(call.parameter("id"))
        let script = state.scripts.remove(at: index)
        return try Reply(DeletedResourceResponse(id: script.id), message: "Script \(script.name) deleted")
    }

    /// Deletes each listed script that exists and reports each one.
    mutating func deleteScripts(_ call: Call) throws(SandboxError) -> Reply {
        guard let ids = try call.body.strings("script_ids"), !ids.isEmpty else { throw .missing(["script_ids"]) }
        var results: [ScriptDeletionResult] = []
        for id in ids {
            if let index = state.scripts.firstIndex(where: { $0.id == id }) {
                state.scripts.remove(at: index)
                results.append(ScriptDeletionResult(scriptID: id, deleted: true))
            } else {
                results.append(ScriptDeletionResult(scriptID: id, deleted: false, error: "no script with id '\(id)'"))
            }
        }
        let deleted = results.filter(\.deleted).count
        return try Reply(DeleteScriptsResponse(results: results), message: "\(deleted) of \(ids.count) scripts deleted")
    }

    private func checkScript(name: String, content: String, description: String, excluding id: String?) throws(SandboxError) {
        try checkName(name, rule: catalogue.scriptName,
                      taken: state.scripts.contains { $0.name == name && $0.id != id }, scope: "the account")
        guard !content.isEmpty else { throw .missing(["content"]) }
        guard content.utf8.count <= catalogue.scriptContentMaxBytes else {
            throw .invalidValue("content", "content is \(content.utf8.count) bytes; at most "
                                + "\(catalogue.scriptContentMaxBytes) are allowed")
        }
        try checkDescription(description)
    }
}
