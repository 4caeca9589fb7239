/// SSH key operations.
extension BarrackClient {
    /// Every SSH key of the account (`list_ssh_keys`).
    public func listSSHKeys() async throws -> APIResponse<GetSSHKeysResponse> {
        try await sendEveryPage(.listSSHKeys)
    }

    /// One SSH key (`get_ssh_key`).
    public func getSSHKey(id: String) async throws -> APIResponse<GetSSHKeyResponse> {
        try await send(.getSSHKey, path: ["id": id])
    }

    /// Imports a public key, or generates a pair when `publicKey` is `nil` (`create_ssh_key`).
    public func createSSHKey(_ request: CreateSSHKeyRequest) async throws -> APIResponse<CreateSSHKeyResponse> {
        try await send(.createSSHKey, body: request)
    }

    /// Deletes an SSH key no instance uses (`delete_ssh_key`).
    public func deleteSSHKey(id: String) async throws -> APIResponse<DeleteSSHKeyResponse> {
        try await send(.deleteSSHKey, path: ["id": id])
    }
}
