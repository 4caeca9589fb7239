import BarrackAPI
import Foundation

/// Instances after their deploy: reading them, the actions of the state table (barrack-api.md
/// section 5), the Legacy-only public IP and security rules.
extension World {
    func listInstances(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        var statusFilter: InstanceStatus?
        if let text = call.query["status"] {
            guard let status = InstanceStatus(rawValue: text.uppercased()) else {
                throw .invalidValue("status", "unknown status '\(text)'; statuses are "
                                    + InstanceStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            statusFilter = status
        }
        // Deleted instances stay readable by id but leave the list unless asked for by status.
        let matching = state.instances.filter { instance in
            (regionFilter.map { $0 == instance.region } ?? true)
                && (statusFilter.map { $0 == instance.status } ?? (instance.status != .deleted))
        }
        let (page, pagination) = try call.paginate(matching, catalogue)
        return try Reply(ListVMsResponse(instances: page.map(model)), message: "Instances retrieved",
                         pagination: pagination)
    }

    func getInstance(_ call: Call) throws(SandboxError) -> Reply {
        let instance = state.instances[try instanceIndex(call.parameter("id"))]
        return try Reply(VMResponse(instance: model(instance)), message: "Instance retrieved", tier: instance.tier)
    }

    /// stop, start, reboot, hibernate, restore, delete: allowed only from the statuses of the
    /// state table, else `INVALID_STATE` naming the current and the needed statuses.
    mutating func act(_ action: InstanceAction, _ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        guard action.allowedFrom.contains(instance.status) else {
            throw action.refusal(instanceID: instance.id, status: instance.status)
        }
        if action == .restore {
            try takeStock(region: instance.region, model: instance.gpuModel, count: instance.gpuCount)
            state.instances[index].holdsStock = true
        }
        begin(action, instanceAt: index)
        let verb: String
        switch action {
        case .stop: verb = "stopping"
        case .start: verb = "starting"
        case .reboot: verb = "rebooting"
        case .hibernate: verb = "hibernating"
        case .restore: verb = "restoring"
        case .delete: verb = "being deleted"
        }
        return try Reply(VMResponse(instance: model(state.instances[index])),
                         message: "Instance \(instance.name) is \(verb)", tier: instance.tier)
    }

    /// Legacy only; ACTIVE or SHUTOFF. Without `enable` the setting flips.
    mutating func togglePublicIP(_ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        guard instance.tier == .legacy else {
            throw .notInTier("public IP toggle", tier: instance.tier, region: instance.region)
        }
        let allowed: [InstanceStatus] = [.active, .shutoff]
        guard allowed.contains(instance.status) else {
            throw SandboxError(.invalidState, "cannot change the public IP of instance \(instance.id): it is "
                               + "\(instance.status.rawValue); this needs ACTIVE or SHUTOFF",
                               ["id": .string(instance.id), "status": .string(instance.status.rawValue),
                                "allowed_statuses": .array(allowed.map { .string($0.rawValue) })])
        }
        let enable = try call.body.bool("enable") ?? !instance.publicIPEnabled
        state.instances[index].publicIPEnabled = enable
        if enable, instance.publicIP == nil {
            state.instances[index].publicIP = newPublicIP()
        } else if !enable {
            state.instances[index].publicIP = nil
        }
        state.instances[index].updatedAt = now
        return try Reply(VMResponse(instance: model(state.instances[index])),
                         message: "Public IP \(enable ? "enabled" : "disabled")", tier: instance.tier)
    }

    mutating func addSecurityRule(_ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        guard instance.tier == .legacy else {
            throw .notInTier("security rules", tier: instance.tier, region: instance.region)
        }
        try requireNotGone(instance, doing: "add a security rule to")
        let draft = try SecurityRuleDraft(call.body, catalogue: catalogue)
        let rule = issueRule(draft)
        state.instances[index].securityRules.append(rule)
        state.instances[index].updatedAt = now
        return try Reply(AddVMSecurityRuleResponse(instanceID: instance.id, rule: model(rule)),
                         message: "Security rule added", status: 201, tier: instance.tier)
    }

    mutating func removeSecurityRule(_ call: Call) throws(SandboxError) -> Reply {
        let index = try instanceIndex(call.parameter("id"))
        let instance = state.instances[index]
        guard instance.tier == .legacy else {
            throw .notInTier("security rules", tier: instance.tier, region: instance.region)
        }
        try requireNotGone(instance, doing: "remove a security rule from")
        let ruleID = call.parameter("rule_id")
        guard let ruleIndex = instance.securityRules.firstIndex(where: { $0.id == ruleID }) else {
            throw .notFound("security rule", ruleID)
        }
        state.instances[index].securityRules.remove(at: ruleIndex)
        state.instances[index].updatedAt = now
        return try Reply(RemoveVMSecurityRuleResponse(instanceID: instance.id, ruleID: ruleID),
                         message: "Security rule removed", tier: instance.tier)
    }

    /// `INVALID_STATE` for an instance that is being deleted or is gone.
    func requireNotGone(_ instance: InstanceRecord, doing what: String) throws(SandboxError) {
        guard instance.status != .deleting, instance.status != .deleted else {
            throw SandboxError(.invalidState, "cannot \(what) instance \(instance.id): it is \(instance.status.rawValue)",
                               ["id": .string(instance.id), "status": .string(instance.status.rawValue)])
        }
    }
}
