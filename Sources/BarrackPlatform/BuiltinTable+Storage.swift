import BarrackAPI

extension BuiltinTable {
    static let sshKeys: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "ssh_keys", operation: .listSSHKeys, group: "ssh keys",
            summary: "The account's SSH keys.", returns: "list of maps", example: "let key = ssh_keys().first()", parameters: []),
        PlatformBuiltinSpec(
            name: "ssh_key", operation: .getSSHKey, group: "ssh keys",
            summary: "One SSH key.", returns: "map", example: "ssh_key key.id",
            parameters: [Parameters.resource("key", "The key: its id or record.")]),
        PlatformBuiltinSpec(
            name: "create_ssh_key", operation: .createSSHKey, group: "ssh keys",
            summary: "Adds an SSH key; without public_key the platform makes a pair and returns its private_key once.",
            returns: "map (the key)", example: "create_ssh_key name: \"laptop\" public_key: env(\"SSH_PUBLIC_KEY\")",
            parameters: [Parameters.body("name", .string, "1–50 letters, digits, _, - and .", required: true),
                         Parameters.body("public_key", .string, "One line: ssh-ed25519 AAAA… comment.")]),
        PlatformBuiltinSpec(
            name: "delete_ssh_key", operation: .deleteSSHKey, group: "ssh keys",
            summary: "Deletes an SSH key that no instance uses.", returns: "map", example: "delete_ssh_key key",
            parameters: [Parameters.resource("key", "The key: its id or record.")]),
    ]

    static let volumeParameter = Parameters.resource("volume", "The volume: its id or record.")

    static let volumes: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "volumes", operation: .listVolumes, group: "volumes",
            summary: "The account's volumes.", returns: "list of maps", example: "volumes in FINLAND-1",
            parameters: [Parameters.region, Parameters.page, Parameters.limit]),
        PlatformBuiltinSpec(
            name: "create_volume", operation: .createVolume, group: "volumes",
            summary: "Creates a volume (100GB to 10TB) of one of the region's volume types.", returns: "map (the volume)",
            example: "create_volume name: \"data\" size: 500GB type: \"NVMe\" in FINLAND-1",
            parameters: [
                Parameters.body("name", .string, "1–50 letters, digits, spaces, -, _ and .", required: true),
                Parameters.body("size", .size, "Its size: 100GB to 10TB.", field: "size_gb", required: true),
                Parameters.body("type", .choice(Catalogue.volumeTypes), "SSD (Legacy), HDD or NVMe (Advanced).",
                                field: "volume_type", required: true),
                Parameters.body("region", .choice(Catalogue.regions), "Where: `in FINLAND-1`.", required: true),
                Parameters.body("bootable", .bool, "Whether an instance can boot from it.", default: "false"),
                Parameters.body("os_image", .string, "The OS image of a bootable volume.", field: "os_image_id"),
            ]),
        PlatformBuiltinSpec(
            name: "volume", operation: .getVolume, group: "volumes",
            summary: "One volume.", returns: "map", example: "volume vol", parameters: [volumeParameter]),
        PlatformBuiltinSpec(
            name: "delete_volume", operation: .deleteVolume, group: "volumes",
            summary: "Deletes a volume that is not attached.", returns: "map", example: "delete_volume vol",
            parameters: [volumeParameter]),
        PlatformBuiltinSpec(
            name: "resize_volume", operation: .resizeVolume, group: "volumes",
            summary: "Grows a volume (volumes never shrink), up to 10TB.", returns: "map (the volume)",
            example: "resize_volume vol size: 1TB",
            parameters: [volumeParameter, Parameters.body("size", .size, "The new size.", field: "size_gb", required: true)]),
        PlatformBuiltinSpec(
            name: "clone_volume", operation: .cloneVolume, group: "volumes",
            summary: "Copies a volume into a new AVAILABLE volume of the same region, type and size.",
            returns: "map (the new volume)", example: "clone_volume vol name: \"data-copy\"",
            parameters: [volumeParameter, Parameters.body("name", .string, "The copy's name.", required: true)]),
        PlatformBuiltinSpec(
            name: "attach_volumes", operation: .attachVolumes, group: "volumes",
            summary: "Attaches AVAILABLE volumes to an ACTIVE instance of the same region.", returns: "map",
            example: "attach_volumes vm volumes: [vol]",
            parameters: [instanceParameter,
                         Parameters.body("volumes", .resources, "The volumes.", field: "volume_ids", required: true)]),
        PlatformBuiltinSpec(
            name: "detach_volumes", operation: .detachVolumes, group: "volumes",
            summary: "Detaches volumes from an instance (never its boot volume).", returns: "map",
            example: "detach_volumes vm volumes: [vol]",
            parameters: [instanceParameter,
                         Parameters.body("volumes", .resources, "The volumes.", field: "volume_ids", required: true)]),
        PlatformBuiltinSpec(
            name: "volume_billing", operation: .getVolumeBilling, group: "billing",
            summary: "A volume's billing records and summary.", returns: "map", example: "volume_billing vol",
            parameters: [volumeParameter, Parameters.page, Parameters.limit]),
    ]
}
