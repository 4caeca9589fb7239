import BarrackAPI
import Foundation

/// SSH keys: a checked public key or a generated pair, at most 25, never deleted while an
/// instance uses them (barrack-api.md section 6).
extension World {
    func listSSHKeys(_ call: Call) throws(SandboxError) -> Reply {
        try Reply(GetSSHKeysResponse(sshKeys: state.sshKeys.map { model($0) }), message: "SSH keys retrieved")
    }

    func getSSHKey(_ call: Call) throws(SandboxError) -> Reply {
        let key = state.sshKeys[try sshKeyIndex(call.parameter("id"))]
        return try Reply(GetSSHKeyResponse(sshKey: model(key)), message: "SSH key retrieved")
    }

    mutating func createSSHKey(_ call: Call) throws(SandboxError) -> Reply {
        guard let name = try call.body.string("name"), !name.isEmpty else { throw .missing(["name"]) }
        try checkName(name, rule: catalogue.sshKeyName, taken: state.sshKeys.contains { $0.name == name },
                      scope: "the account")
        let parsed: SSHPublicKey?
        if let line = try call.body.string("public_key") {
            switch SSHPublicKey.parse(line) {
            case .success(let key): parsed = key
            case .failure(let error): throw error
            }
        } else {
            parsed = nil
        }
        guard state.sshKeys.count < catalogue.sshKeyLimit else {
            throw SandboxError(.limitReached, "the account already has \(catalogue.sshKeyLimit) SSH keys, the most "
                               + "it may have; delete one first", ["limit": .int(catalogue.sshKeyLimit)])
        }
        let publicKey: SSHPublicKey
        var privateKey: String?
        if let parsed {
            publicKey = parsed
        } else {
            let pair = SSHPublicKey.generatedPair(randomBytes: state.random.bytes(36), comment: name)
            publicKey = pair.publicKey
            privateKey = pair.privateKey
        }
        let record = SSHKeyRecord(id: state.issueID(suffix: IDSuffix.sshKey, catalogue: catalogue), name: name,
                                  publicKey: publicKey.line, fingerprint: publicKey.fingerprint, createdAt: now)
        state.sshKeys.append(record)
        return try Reply(GetSSHKeyResponse(sshKey: model(record, privateKey: privateKey)),
                         message: privateKey == nil ? "SSH key added"
                             : "SSH key pair generated; save private_key now, it is not shown again",
                         status: 201)
    }

    mutating func deleteSSHKey(_ call: Call) throws(SandboxError) -> Reply {
        let index = try sshKeyIndex(call.parameter("id"))
        let key = state.sshKeys[index]
        let users = state.instances.filter { $0.status != .deleted && $0.sshKeyIDs.contains(key.id) }.map(\.id)
        guard users.isEmpty else {
            throw SandboxError(.inUse, "SSH key \(key.name) is used by instance " + users.joined(separator: ", "),
                               ["id": .string(key.id), "instance_ids": .array(users.map { .string($0) })])
        }
        state.sshKeys.remove(at: index)
        return try Reply(DeletedResourceResponse(id: key.id), message: "SSH key \(key.name) deleted")
    }
}
