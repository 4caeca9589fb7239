/// Instance operations.
extension BarrackClient {
    /// Deploys an instance (`deploy_instance`); it starts `CREATING`.
    ///
    /// Retried only when the request certainly never reached the platform, or, when the request
    /// has a `name`, after looking that name up proves no instance was created.
    public func deployInstance(_ request: DeploymentRequest) async throws -> APIResponse<DeploymentResponse> {
        try await send(.deployInstance, body: request)
    }

    /// One page of instances (`list_instances`).
    public func listInstances(
        region: RegionEnum? = nil, status: VMStatus? = nil, page: Int? = nil, limit: Int? = nil
    ) async throws -> APIResponse<ListVMsResponse> {
        try await send(
            .listInstances,
            query: ["region": region?.rawValue, "status": status?.rawValue] + Self.pageQuery(page, limit))
    }

    /// Every instance, all pages joined.
    public func listAllInstances(region: RegionEnum? = nil, status: VMStatus? = nil) async throws -> [VMInstance] {
        try await allPages { try await self.listInstances(region: region, status: status, page: $0, limit: $1) }
    }

    /// One instance (`get_instance`).
    public func getInstance(id: String) async throws -> APIResponse<VMDetailsResponse> {
        try await send(.getInstance, path: ["id": id])
    }

    /// One page of an instance's billing records (`get_instance_billing`).
    public func getInstanceBilling(id: String, page: Int? = nil, limit: Int? = nil) async throws
        -> APIResponse<Billing>
    {
        try await send(.getInstanceBilling, path: ["id": id], query: Self.pageQuery(page, limit))
    }

    /// Starts a `SHUTOFF` instance (`start_instance`).
    public func startInstance(id: String) async throws -> APIResponse<StartVMResponse> {
        try await send(.startInstance, path: ["id": id])
    }

    /// Stops an `ACTIVE` instance (`stop_instance`).
    public func stopInstance(id: String) async throws -> APIResponse<StopVMResponse> {
        try await send(.stopInstance, path: ["id": id])
    }

    /// Reboots an `ACTIVE` instance (`reboot_instance`).
    public func rebootInstance(id: String) async throws -> APIResponse<RebootVMResponse> {
        try await send(.rebootInstance, path: ["id": id])
    }

    /// Hibernates an `ACTIVE` or `SHUTOFF` instance (`hibernate_instance`).
    public func hibernateInstance(id: String) async throws -> APIResponse<HibernateVMResponse> {
        try await send(.hibernateInstance, path: ["id": id])
    }

    /// Restores a `HIBERNATED` instance (`restore_instance`).
    public func restoreInstance(id: String) async throws -> APIResponse<RestoreVMResponse> {
        try await send(.restoreInstance, path: ["id": id])
    }

    /// Sets or, with `enable` `nil`, flips a Legacy instance's public IP (`toggle_public_ip`).
    public func togglePublicIP(id: String, enable: Bool? = nil) async throws -> APIResponse<ToggleVMPublicIPResponse> {
        try await send(.togglePublicIP, path: ["id": id], body: enable.map { TogglePublicIPRequest(enable: $0) })
    }

    /// Adds a security rule to a Legacy instance (`add_security_rule`).
    public func addSecurityRule(instanceID: String, rule: VMSecurityRuleRequest) async throws
        -> APIResponse<AddVMSecurityRuleResponse>
    {
        try await send(.addSecurityRule, path: ["id": instanceID], body: rule)
    }

    /// Removes a security rule from a Legacy instance (`remove_security_rule`).
    public func removeSecurityRule(instanceID: String, ruleID: String) async throws
        -> APIResponse<RemoveVMSecurityRuleResponse>
    {
        try await send(.removeSecurityRule, path: ["id": instanceID, "rule_id": ruleID])
    }

    /// Deletes an instance (`delete_instance`); attached volumes are detached and kept.
    public func deleteInstance(id: String) async throws -> APIResponse<DeleteVMResponse> {
        try await send(.deleteInstance, path: ["id": id])
    }

    /// The `page` and `limit` query parameters, left out when `nil`.
    static func pageQuery(_ page: Int?, _ limit: Int?) -> [String: String?] {
        ["page": page.map(String.init), "limit": limit.map(String.init)]
    }
}

extension Dictionary where Key == String, Value == String? {
    /// Both dictionaries' entries; the right one wins on a shared key.
    static func + (lhs: Self, rhs: Self) -> Self {
        lhs.merging(rhs) { $1 }
    }
}
