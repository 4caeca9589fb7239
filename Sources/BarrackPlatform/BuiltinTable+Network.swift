import BarrackAPI

extension BuiltinTable {
    static let firewallParameter = Parameters.resource("firewall", "The firewall: its id or record.")

    static let firewalls: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "firewalls", operation: .listFirewalls, group: "firewalls",
            summary: "The account's firewalls.", returns: "list of maps", example: "firewalls in FINLAND-1",
            parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "firewall", operation: .getFirewall, group: "firewalls",
            summary: "One firewall with its rules and instances.", returns: "map", example: "firewall fw",
            parameters: [firewallParameter]),
        PlatformBuiltinSpec(
            name: "firewall_protocols", operation: .listFirewallProtocols, group: "firewalls",
            summary: "The protocols rules may name.", returns: "list", example: "firewall_protocols", parameters: []),
        PlatformBuiltinSpec(
            name: "instance_firewalls", operation: .listInstanceFirewalls, group: "firewalls",
            summary: "The firewalls attached to an instance.", returns: "list of maps", example: "instance_firewalls vm",
            parameters: [instanceParameter]),
        PlatformBuiltinSpec(
            name: "firewall_attachable_instances", operation: .listFirewallAttachableInstances, group: "firewalls",
            summary: "The instances a firewall can be attached to.", returns: "list of maps",
            example: "firewall_attachable_instances fw", parameters: [firewallParameter]),
        PlatformBuiltinSpec(
            name: "create_firewall", operation: .createFirewall, group: "firewalls",
            summary: "Creates a firewall in a region.", returns: "map (the firewall)",
            example: "let fw = create_firewall name: \"web\" in FINLAND-1",
            parameters: [Parameters.body("name", .string, "1–50 letters, digits, spaces, -, _ and .", required: true),
                         Parameters.body("region", .choice(Catalogue.regions), "Where: `in FINLAND-1`.", required: true),
                         Parameters.body("description", .string, "Up to 255 characters.")]),
        PlatformBuiltinSpec(
            name: "delete_firewall", operation: .deleteFirewall, group: "firewalls",
            summary: "Deletes a firewall that has no attached instances.", returns: "map", example: "delete_firewall fw",
            parameters: [firewallParameter]),
        PlatformBuiltinSpec(
            name: "add_firewall_rule", operation: .addFirewallRule, group: "firewalls",
            summary: "Adds a rule to a firewall.", returns: "map (the rule)",
            example: "add_firewall_rule fw direction: \"ingress\" protocol: \"tcp\" port_range_min: 443 port_range_max: 443",
            parameters: [firewallParameter] + securityRuleFields),
        PlatformBuiltinSpec(
            name: "remove_firewall_rule", operation: .removeFirewallRule, group: "firewalls",
            summary: "Removes a rule from a firewall.", returns: "map", example: "remove_firewall_rule fw rule",
            parameters: [firewallParameter, Parameters.resource("rule", "The rule: its id or record.", path: "rule_id")]),
        PlatformBuiltinSpec(
            name: "attach_firewall", operation: .attachFirewall, group: "firewalls",
            summary: "Attaches a firewall to ACTIVE instances of its region.", returns: "map",
            example: "attach_firewall fw instances: [vm]",
            parameters: [firewallParameter,
                         Parameters.body("instances", .resources, "The instances.", field: "instance_ids", required: true)]),
    ]

    static let scriptParameter = Parameters.resource("script", "The script: its id or record.")

    static let scripts: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "scripts", operation: .listScripts, group: "startup scripts",
            summary: "The account's startup scripts.", returns: "list of maps", example: "scripts", parameters: []),
        PlatformBuiltinSpec(
            name: "script", operation: .getScript, group: "startup scripts",
            summary: "One startup script with its content.", returns: "map", example: "script s",
            parameters: [scriptParameter]),
        PlatformBuiltinSpec(
            name: "create_script", operation: .createScript, group: "startup scripts",
            summary: "Saves a startup script (up to 64 KB) for Advanced deployments.", returns: "map (the script)",
            example: "create_script name: \"setup\" content: \"\"\"\n  #!/bin/sh\n  apt-get update\n  \"\"\"",
            parameters: [Parameters.body("name", .string, "Its name.", required: true),
                         Parameters.body("content", .string, "The script.", required: true),
                         Parameters.body("description", .string, "What it does.")]),
        PlatformBuiltinSpec(
            name: "update_script", operation: .updateScript, group: "startup scripts",
            summary: "Changes a startup script's name, content or description.", returns: "map (the script)",
            example: "update_script s content: new_text",
            parameters: [scriptParameter, Parameters.body("name", .string, "A new name."),
                         Parameters.body("content", .string, "New content."),
                         Parameters.body("description", .string, "A new description.")]),
        PlatformBuiltinSpec(
            name: "delete_script", operation: .deleteScript, group: "startup scripts",
            summary: "Deletes a startup script.", returns: "map", example: "delete_script s", parameters: [scriptParameter]),
        PlatformBuiltinSpec(
            name: "delete_scripts", operation: .deleteScripts, group: "startup scripts",
            summary: "Deletes several startup scripts, reporting each.", returns: "list of maps: script_id, deleted, error",
            example: "delete_scripts scripts: scripts()",
            parameters: [Parameters.body("scripts", .resources, "The scripts.", field: "script_ids", required: true)]),
    ]
}
