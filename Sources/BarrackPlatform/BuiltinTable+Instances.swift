import BarrackAPI

extension BuiltinTable {
    static let instanceParameter = Parameters.resource("instance", "The instance: its id or a record with its id.")

    static func instanceAction(_ name: String, _ operation: OperationID, _ summary: String) -> PlatformBuiltinSpec {
        PlatformBuiltinSpec(name: name, operation: operation, group: "instances", summary: summary,
                            returns: "map (the instance)", example: "\(name) vm", parameters: [instanceParameter])
    }

    static let securityRuleFields: [PlatformParameter] = [
        Parameters.body("direction", .choice(Catalogue.directions), "ingress or egress.", required: true),
        Parameters.body("protocol", .choice(Catalogue.protocols), "tcp, udp, icmp or any.", required: true),
        Parameters.body("ethertype", .choice(Catalogue.ethertypes), "IPv4 or IPv6.", default: "IPv4", sends: "IPv4"),
        Parameters.body("remote_ip_prefix", .string, "The CIDR it applies to (for IPv6 give one, such as ::/0).",
                        default: "0.0.0.0/0", sends: "0.0.0.0/0"),
        Parameters.body("port_range_min", .int, "First port (tcp and udp)."),
        Parameters.body("port_range_max", .int, "Last port (tcp and udp)."),
    ]

    static let instances: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "deploy", operation: .deployInstance, group: "instances",
            summary: "Deploys a GPU instance; it starts CREATING and becomes ACTIVE in a few minutes.",
            returns: "map (the instance)",
            example: "let vm = deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1 name: \"train-1\"",
            parameters: [
                Parameters.body("gpu", .gpu, "The GPUs: model x count (1, 2, 4 or 8).", required: true),
                Parameters.body("region", .choice(Catalogue.regions), "Where: `in FINLAND-1`.", required: true),
                Parameters.body("name", .string, "3–30 letters, digits, - and _.", default: "barrack-<gpu>-<random>"),
                Parameters.body("boot_source", .structure,
                                "{type: \"os_image\", os_image_id: …}, {type: \"volume\", volume_id: …} or {type: \"custom_image\", image_id: …}.",
                                default: "the region's newest OS image"),
                Parameters.body("os_volume_size", .size, "OS volume size, 100GB–10TB (Advanced).", field: "os_volume_size_gb",
                                default: "100GB"),
                Parameters.body("ssh_keys", .resources, "SSH keys to install.", field: "ssh_key_ids",
                                default: "all of the account's keys"),
                Parameters.body("startup_script", .resource, "A startup script (Advanced).", field: "startup_script_id"),
                Parameters.body("data_volumes", .resources, "Existing volumes to attach (Advanced).", field: "data_volume_ids"),
                Parameters.body("new_data_volumes", .structure, "Volumes to create: [{name, size_gb, volume_type}] (Advanced)."),
                Parameters.body("public_ip", .bool, "Give it a public IP (Legacy)."),
                Parameters.body("security_rules", .structure, "Security rules (Legacy)."),
                Parameters.body("cloud_init", .string, "A cloud-init document, up to 16 KB (Legacy)."),
            ]),
        PlatformBuiltinSpec(
            name: "instances", operation: .listInstances, group: "instances",
            summary: "The account's instances.", returns: "list of maps",
            example: "for vm in instances() where vm.status == SHUTOFF { print vm.name }",
            parameters: [Parameters.region, Parameters.query("status", .choice(Catalogue.statuses), "Only this status."),
                         Parameters.page, Parameters.limit]),
        PlatformBuiltinSpec(
            name: "instance", operation: .getInstance, group: "instances",
            summary: "One instance, as it is now.", returns: "map",
            example: "wait until instance(vm).status == ACTIVE timeout 10m every 10s", parameters: [instanceParameter]),
        PlatformBuiltinSpec(
            name: "instance_billing", operation: .getInstanceBilling, group: "billing",
            summary: "An instance's billing records and summary.", returns: "map",
            example: "print instance_billing(vm).summary", parameters: [instanceParameter, Parameters.page, Parameters.limit]),
        instanceAction("start", .startInstance, "Starts a SHUTOFF instance."),
        instanceAction("stop", .stopInstance, "Stops an ACTIVE instance (it still bills while SHUTOFF)."),
        instanceAction("reboot", .rebootInstance, "Reboots an ACTIVE instance."),
        instanceAction("hibernate", .hibernateInstance, "Hibernates an instance: its GPUs go back to stock, it bills the hibernated rate."),
        instanceAction("restore", .restoreInstance, "Restores a HIBERNATED instance (needs stock again)."),
        instanceAction("delete_instance", .deleteInstance, "Deletes an instance; attached volumes are detached and kept."),
        PlatformBuiltinSpec(
            name: "toggle_public_ip", operation: .togglePublicIP, group: "instances",
            summary: "Turns an instance's public IP on or off (Legacy).", returns: "map",
            example: "toggle_public_ip vm enable: true",
            parameters: [instanceParameter, Parameters.body("enable", .bool, "On or off.", default: "flip")]),
        PlatformBuiltinSpec(
            name: "add_security_rule", operation: .addSecurityRule, group: "instances",
            summary: "Adds a security rule to an instance (Legacy).", returns: "map (the rule)",
            example: "add_security_rule vm direction: \"ingress\" protocol: \"tcp\" port_range_min: 22 port_range_max: 22",
            parameters: [instanceParameter] + securityRuleFields),
        PlatformBuiltinSpec(
            name: "remove_security_rule", operation: .removeSecurityRule, group: "instances",
            summary: "Removes a security rule from an instance (Legacy).", returns: "map",
            example: "remove_security_rule vm rule.id",
            parameters: [instanceParameter, Parameters.resource("rule", "The rule: its id or record.", path: "rule_id")]),
    ]
}
