import BarrackAPI
import Foundation

/// Firewalls: region-bound rule sets attached to ACTIVE instances (barrack-api.md section 6).
extension World {
    func listFirewalls(_ call: Call) throws(SandboxError) -> Reply {
        let regionFilter = try call.query["region"].map { (name: String) throws(SandboxError) in try region(name).name }
        let firewalls = state.firewalls.filter { firewall in regionFilter.map { $0 == firewall.region } ?? true }
        return try Reply(ListFirewallsResponse(firewalls: firewalls.map(model)), message: "Firewalls retrieved")
    }

    func getFirewall(_ call: Call) throws(SandboxError) -> Reply {
        let firewall = state.firewalls[try firewallIndex(call.parameter("id"))]
        return try Reply(GetFirewallDetailsResponse(firewall: model(firewall)), message: "Firewall retrieved")
    }

    func listInstanceFirewalls(_ call: Call) throws(SandboxError) -> Reply {
        let instance = state.instances[try instanceIndex(call.parameter("id"))]
        let attached = state.firewalls.filter { $0.instanceIDs.contains(instance.id) }.map {
            AttachedFirewall(id: $0.id, name: $0.name, rules: $0.rules.map(model))
        }
        return try Reply(GetVMAttachedFirewallsResponse(instanceID: instance.id, firewalls: attached),
                         message: "Attached firewalls retrieved", tier: instance.tier)
    }

    func listFirewallAttachableInstances(_ call: Call) throws(SandboxError) -> Reply {
        let firewall = state.firewalls[try firewallIndex(call.parameter("id"))]
        let candidates = state.instances.filter {
            $0.region == firewall.region && $0.status == .active && !firewall.instanceIDs.contains($0.id)
        }.map {
            FirewallVM(id: $0.id, name: $0.name, region: RegionEnum(rawValue: $0.region),
                       status: VMStatus(rawValue: $0.status.rawValue))
        }
        return try Reply(GetFirewallAvailableInstancesResponse(firewallID: firewall.id, instances: candidates),
                         message: "Attachable instances retrieved")
    }

    mutating func createFirewall(_ call: Call) throws(SandboxError) -> Reply {
        let missing = call.body.missing(["name", "region"])
        guard missing.isEmpty else { throw .missing(missing) }
        let name = try call.body.string("name") ?? ""
        try checkName(name, rule: catalogue.firewallName, taken: state.firewalls.contains { $0.name == name },
                      scope: "the account")
        let region = try region(try call.body.string("region") ?? "")
        let description = try description(in: call.body)
        guard state.firewalls.count < catalogue.firewallLimit else {
            throw SandboxError(.limitReached, "the account already has \(catalogue.firewallLimit) firewalls, the most it "
                               + "may have; delete one first", ["limit": .int(catalogue.firewallLimit)])
        }
        let firewall = FirewallRecord(id: state.issueID(suffix: IDSuffix.firewall, catalogue: catalogue), name: name,
                                      region: region.name, description: description, rules: [], instanceIDs: [],
                                      createdAt: now, updatedAt: now)
        state.firewalls.append(firewall)
        return try Reply(GetFirewallDetailsResponse(firewall: model(firewall)), message: "Firewall \(name) created",
                         status: 201, tier: region.tier)
    }

    mutating func deleteFirewall(_ call: Call) throws(SandboxError) -> Reply {
        let index = try firewallIndex(call.parameter("id"))
        let firewall = state.firewalls[index]
        guard firewall.instanceIDs.isEmpty else {
            throw SandboxError(.inUse, "firewall \(firewall.name) is attached to instance "
                               + firewall.instanceIDs.joined(separator: ", "),
                               ["id": .string(firewall.id), "instance_ids": .array(firewall.instanceIDs.map { .string($0) })])
        }
        state.firewalls.remove(at: index)
        return try Reply(DeletedResourceResponse(id: firewall.id), message: "Firewall \(firewall.name) deleted")
    }

    mutating func addFirewallRule(_ call: Call) throws(SandboxError) -> Reply {
        let index = try firewallIndex(call.parameter("id"))
        let draft = try SecurityRuleDraft(call.body, catalogue: catalogue)
        let rule = issueRule(draft)
        state.firewalls[index].rules.append(rule)
        state.firewalls[index].updatedAt = now
        return try Reply(AddFirewallRuleResponse(firewallID: state.firewalls[index].id, rule: model(rule)),
                         message: "Firewall rule added", status: 201)
    }

    mutating func removeFirewallRule(_ call: Call) throws(SandboxError) -> Reply {
        let index = try firewallIndex(call.parameter("id"))
        let ruleID = call.parameter("rule_id")
        guard let ruleIndex = state.firewalls[index].rules.firstIndex(where: { $0.id == ruleID }) else {
            throw .notFound("firewall rule", ruleID)
        }
        state.firewalls[index].rules.remove(at: ruleIndex)
        state.firewalls[index].updatedAt = now
        return try Reply(RemoveFirewallRuleResponse(firewallID: state.firewalls[index].id, ruleID: ruleID),
                         message: "Firewall rule removed")
    }

    /// Every instance ACTIVE and in the firewall's region, or nothing is attached.
    mutating func attachFirewall(_ call: Call) throws(SandboxError) -> Reply {
        let index = try firewallIndex(call.parameter("id"))
        let firewall = state.firewalls[index]
        guard let ids = try call.body.strings("instance_ids"), !ids.isEmpty else { throw .missing(["instance_ids"]) }
        for id in ids {
            let instance = state.instances[try instanceIndex(id)]
            guard instance.region == firewall.region else {
                throw .invalidValue("instance_ids", "instance \(id) is in \(instance.region); firewall \(firewall.name) "
                                    + "is in \(firewall.region)")
            }
            try requireActive(instance, doing: "attach a firewall to")
        }
        for id in ids where !state.firewalls[index].instanceIDs.contains(id) {
            state.firewalls[index].instanceIDs.append(id)
            let instanceIndex = try instanceIndex(id)
            state.instances[instanceIndex].firewallIDs.append(firewall.id)
            state.instances[instanceIndex].updatedAt = now
        }
        state.firewalls[index].updatedAt = now
        return try Reply(AttachFirewallResponse(firewall: model(state.firewalls[index])), message: "Firewall attached")
    }
}
