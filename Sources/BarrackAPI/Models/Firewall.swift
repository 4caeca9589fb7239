/// A rule of a firewall; the same shape as an instance's security rule.
public typealias FirewallRule = VMSecurityRule

/// The body of `add_firewall_rule`.
public typealias AddFirewallRuleRequest = VMSecurityRuleRequest

/// An instance a firewall is attached to.
public struct FirewallAttachment: Codable, Sendable, Equatable {
    public var instanceID: String
    public var instanceName: String?
    public var attachedAt: String?

    public init(instanceID: String, instanceName: String? = nil, attachedAt: String? = nil) {
        self.instanceID = instanceID
        self.instanceName = instanceName
        self.attachedAt = attachedAt
    }

    enum CodingKeys: String, CodingKey {
        case instanceID = "instance_id"
        case instanceName = "instance_name"
        case attachedAt = "attached_at"
    }
}

/// A firewall: a named set of rules for instances of one region.
public struct FirewallResponse: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var region: RegionEnum
    public var rules: [FirewallRule]
    public var attachments: [FirewallAttachment]
    public var createdAt: String

    public init(
        id: String,
        name: String,
        description: String? = nil,
        region: RegionEnum,
        rules: [FirewallRule],
        attachments: [FirewallAttachment],
        createdAt: String
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.region = region
        self.rules = rules
        self.attachments = attachments
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case description
        case region
        case rules
        case attachments
        case createdAt = "created_at"
    }
}

/// The answer of `list_firewalls`.
public struct ListFirewallsResponse: Codable, Sendable, Equatable {
    public var firewalls: [FirewallResponse]

    public init(firewalls: [FirewallResponse]) {
        self.firewalls = firewalls
    }
}

/// An answer that carries one firewall.
public struct GetFirewallDetailsResponse: Codable, Sendable, Equatable {
    public var firewall: FirewallResponse

    public init(firewall: FirewallResponse) {
        self.firewall = firewall
    }
}

/// The answer of `create_firewall`.
public typealias CreateFirewallResponse = GetFirewallDetailsResponse

/// The answer of `delete_firewall`.
public typealias DeleteFirewallResponse = DeletedResourceResponse

/// The body of `create_firewall`.
public struct CreateFirewallRequest: Codable, Sendable, Equatable {
    public var name: String
    public var region: RegionEnum
    /// At most 255 characters.
    public var description: String?

    public init(name: String, region: RegionEnum, description: String? = nil) {
        self.name = name
        self.region = region
        self.description = description
    }
}

/// A protocol that rules may name (the platform's schema `Protocol`, a name Swift reserves).
public struct SupportedProtocol: Codable, Sendable, Equatable {
    public var name: ProtocolEnum
    public var requiresPorts: Bool
    public var description: String?

    public init(name: ProtocolEnum, requiresPorts: Bool, description: String? = nil) {
        self.name = name
        self.requiresPorts = requiresPorts
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case name
        case requiresPorts = "requires_ports"
        case description
    }
}

/// The answer of `list_firewall_protocols`.
public struct GetSupportedProtocolsResponse: Codable, Sendable, Equatable {
    public var protocols: [SupportedProtocol]

    public init(protocols: [SupportedProtocol]) {
        self.protocols = protocols
    }
}

/// A firewall as seen from an instance it is attached to.
public struct AttachedFirewall: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var rules: [FirewallRule]
    public var attachedAt: String?

    public init(id: String, name: String, rules: [FirewallRule], attachedAt: String? = nil) {
        self.id = id
        self.name = name
        self.rules = rules
        self.attachedAt = attachedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case rules
        case attachedAt = "attached_at"
    }
}

/// The answer of `list_instance_firewalls`.
public struct GetVMAttachedFirewallsResponse: Codable, Sendable, Equatable {
    public var instanceID: String
    public var firewalls: [AttachedFirewall]

    public init(instanceID: String, firewalls: [AttachedFirewall]) {
        self.instanceID = instanceID
        self.firewalls = firewalls
    }

    enum CodingKeys: String, CodingKey {
        case instanceID = "instance_id"
        case firewalls
    }
}

/// An instance a firewall could be attached to.
public struct FirewallVM: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: RegionEnum
    public var status: VMStatus

    public init(id: String, name: String, region: RegionEnum, status: VMStatus) {
        self.id = id
        self.name = name
        self.region = region
        self.status = status
    }
}

/// The answer of `list_firewall_attachable_instances`.
public struct GetFirewallAvailableInstancesResponse: Codable, Sendable, Equatable {
    public var firewallID: String
    public var instances: [FirewallVM]

    public init(firewallID: String, instances: [FirewallVM]) {
        self.firewallID = firewallID
        self.instances = instances
    }

    enum CodingKeys: String, CodingKey {
        case firewallID = "firewall_id"
        case instances
    }
}

/// The answer of `add_firewall_rule`.
public struct AddFirewallRuleResponse: Codable, Sendable, Equatable {
    public var firewallID: String
    public var rule: FirewallRule

    public init(firewallID: String, rule: FirewallRule) {
        self.firewallID = firewallID
        self.rule = rule
    }

    enum CodingKeys: String, CodingKey {
        case firewallID = "firewall_id"
        case rule
    }
}

/// The answer of `remove_firewall_rule`.
public struct RemoveFirewallRuleResponse: Codable, Sendable, Equatable {
    public var firewallID: String
    public var ruleID: String

    public init(firewallID: String, ruleID: String) {
        self.firewallID = firewallID
        self.ruleID = ruleID
    }

    enum CodingKeys: String, CodingKey {
        case firewallID = "firewall_id"
        case ruleID = "rule_id"
    }
}

/// The body of `attach_firewall`.
public struct AttachFirewallRequest: Codable, Sendable, Equatable {
    public var instanceIDs: [String]

    public init(instanceIDs: [String]) {
        self.instanceIDs = instanceIDs
    }

    enum CodingKeys: String, CodingKey {
        case instanceIDs = "instance_ids"
    }
}

/// The answer of `attach_firewall`: the firewall with its attachments.
public struct AttachFirewallResponse: Codable, Sendable, Equatable {
    public var firewall: FirewallResponse

    public init(firewall: FirewallResponse) {
        self.firewall = firewall
    }
}
