/// Firewall operations.
extension BarrackClient {
    /// The firewalls of a region, or of every region (`list_firewalls`).
    public func listFirewalls(region: RegionEnum? = nil) async throws -> APIResponse<ListFirewallsResponse> {
        try await sendEveryPage(.listFirewalls, query: ["region": region?.rawValue])
    }

    /// One firewall (`get_firewall`).
    public func getFirewall(id: String) async throws -> APIResponse<GetFirewallDetailsResponse> {
        try await send(.getFirewall, path: ["id": id])
    }

    /// The protocols rules may name (`list_firewall_protocols`).
    public func listFirewallProtocols() async throws -> APIResponse<GetSupportedProtocolsResponse> {
        try await sendEveryPage(.listFirewallProtocols)
    }

    /// The firewalls attached to an instance (`list_instance_firewalls`).
    public func listInstanceFirewalls(instanceID: String) async throws -> APIResponse<GetVMAttachedFirewallsResponse> {
        try await sendEveryPage(.listInstanceFirewalls, path: ["id": instanceID])
    }

    /// The instances a firewall could be attached to (`list_firewall_attachable_instances`).
    public func listFirewallAttachableInstances(firewallID: String) async throws
        -> APIResponse<GetFirewallAvailableInstancesResponse>
    {
        try await sendEveryPage(.listFirewallAttachableInstances, path: ["id": firewallID])
    }

    /// Creates a firewall (`create_firewall`).
    public func createFirewall(_ request: CreateFirewallRequest) async throws -> APIResponse<CreateFirewallResponse> {
        try await send(.createFirewall, body: request)
    }

    /// Deletes a firewall with no attached instances (`delete_firewall`).
    public func deleteFirewall(id: String) async throws -> APIResponse<DeleteFirewallResponse> {
        try await send(.deleteFirewall, path: ["id": id])
    }

    /// Adds a rule to a firewall (`add_firewall_rule`).
    public func addFirewallRule(firewallID: String, rule: AddFirewallRuleRequest) async throws
        -> APIResponse<AddFirewallRuleResponse>
    {
        try await send(.addFirewallRule, path: ["id": firewallID], body: rule)
    }

    /// Removes a rule from a firewall (`remove_firewall_rule`).
    public func removeFirewallRule(firewallID: String, ruleID: String) async throws
        -> APIResponse<RemoveFirewallRuleResponse>
    {
        try await send(.removeFirewallRule, path: ["id": firewallID, "rule_id": ruleID])
    }

    /// Attaches a firewall to instances (`attach_firewall`).
    public func attachFirewall(id: String, instanceIDs: [String]) async throws -> APIResponse<AttachFirewallResponse> {
        try await send(.attachFirewall, path: ["id": id], body: AttachFirewallRequest(instanceIDs: instanceIDs))
    }
}
