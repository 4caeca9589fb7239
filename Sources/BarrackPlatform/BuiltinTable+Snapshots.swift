import BarrackAPI

extension BuiltinTable {
    static let snapshotParameter = Parameters.resource("snapshot", "The snapshot: its id or record.")

    static let snapshots: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "snapshots", operation: .listSnapshots, group: "snapshots",
            summary: "The account's snapshots (Legacy).", returns: "list of maps", example: "snapshots in CANADA-1",
            parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "snapshot", operation: .getSnapshot, group: "snapshots",
            summary: "One snapshot.", returns: "map", example: "snapshot snap", parameters: [snapshotParameter]),
        PlatformBuiltinSpec(
            name: "snapshot_eligible_instances", operation: .listSnapshotEligibleInstances, group: "snapshots",
            summary: "The instances that can be snapshotted now.", returns: "list of maps",
            example: "snapshot_eligible_instances in CANADA-1", parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "snapshot_billing", operation: .getSnapshotBilling, group: "billing",
            summary: "A snapshot's billing records and summary.", returns: "map", example: "snapshot_billing snap",
            parameters: [snapshotParameter, Parameters.page, Parameters.limit]),
        PlatformBuiltinSpec(
            name: "create_snapshot", operation: .createSnapshot, group: "snapshots",
            summary: "Snapshots an ACTIVE Legacy instance, which keeps running.", returns: "map (the snapshot)",
            example: "let snap = create_snapshot vm name: \"before-upgrade\"",
            parameters: [Parameters.body("instance", .resource, "The instance.", field: "instance_id", required: true),
                         Parameters.body("name", .string, "1–50 characters, unique.", required: true),
                         Parameters.body("description", .string, "What it holds.")]),
        PlatformBuiltinSpec(
            name: "delete_snapshot", operation: .deleteSnapshot, group: "snapshots",
            summary: "Deletes a snapshot (instances and images made from it stay).", returns: "map",
            example: "delete_snapshot snap", parameters: [snapshotParameter]),
        PlatformBuiltinSpec(
            name: "restore_snapshot", operation: .restoreSnapshot, group: "snapshots",
            summary: "Creates a new instance from a snapshot.", returns: "map (the new instance)",
            example: "restore_snapshot snap name: \"restored\"",
            parameters: [snapshotParameter, Parameters.body("name", .string, "The new instance's name.",
                                                            default: "<snapshot>-restored"),
                         Parameters.body("gpu", .gpu, "Other GPUs than the original's."),
                         Parameters.body("ssh_keys", .resources, "SSH keys to install.", field: "ssh_key_ids")]),
    ]

    static let imageParameter = Parameters.resource("image", "The image: its id or record.")

    static let images: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "images", operation: .listImages, group: "images",
            summary: "The account's custom images (Legacy).", returns: "list of maps", example: "images",
            parameters: [Parameters.region]),
        PlatformBuiltinSpec(
            name: "image", operation: .getImage, group: "images",
            summary: "One custom image.", returns: "map", example: "image img", parameters: [imageParameter]),
        PlatformBuiltinSpec(
            name: "create_image", operation: .createImage, group: "images",
            summary: "Makes a custom image from an AVAILABLE snapshot.", returns: "map (the image)",
            example: "create_image snapshot: snap name: \"base\"",
            parameters: [Parameters.body("snapshot", .resource, "The snapshot.", field: "snapshot_id", required: true),
                         Parameters.body("name", .string, "1–50 characters, unique.", required: true),
                         Parameters.body("description", .string, "What it holds.")]),
        PlatformBuiltinSpec(
            name: "delete_image", operation: .deleteImage, group: "images",
            summary: "Deletes a custom image.", returns: "map", example: "delete_image img", parameters: [imageParameter]),
        PlatformBuiltinSpec(
            name: "snapshot_image", operation: .getSnapshotImage, group: "images",
            summary: "The image made from a snapshot, if any.", returns: "map: snapshot_id, image (nil when none)",
            example: "snapshot_image snap", parameters: [snapshotParameter], returnsWholeAnswer: true),
        PlatformBuiltinSpec(
            name: "snapshot_images", operation: .getSnapshotImages, group: "images",
            summary: "The images made from several snapshots.", returns: "list of maps: snapshot_id, image",
            example: "snapshot_images snapshots: snapshots()",
            parameters: [Parameters.body("snapshots", .resources, "The snapshots.", field: "snapshot_ids", required: true)]),
    ]

    static let ai: [PlatformBuiltinSpec] = [
        PlatformBuiltinSpec(
            name: "ai_models", operation: .listAIModels, group: "ai",
            summary: "The AI chat models and their prices per 1k tokens.", returns: "list of maps", example: "ai_models",
            parameters: []),
        PlatformBuiltinSpec(
            name: "chat", operation: .chat, group: "ai",
            summary: "Asks an AI model; the cost is charged to the balance.", returns: "map (choices, usage)",
            example: "chat model: ai_models().first().id messages: [{role: \"user\", content: \"hi\"}]",
            parameters: [Parameters.body("model", .string, "The model's id.", required: true),
                         Parameters.body("messages", .structure, "[{role, content}, …].", required: true),
                         Parameters.body("max_tokens", .int, "The longest answer."),
                         Parameters.body("temperature", .number, "0 to 2.")]),
        PlatformBuiltinSpec(
            name: "ai_usage", operation: .getAIUsageSummary, group: "ai",
            summary: "A summary of AI usage and cost.", returns: "map", example: "ai_usage",
            parameters: [Parameters.query("from", .string, "From this ISO-8601 time."),
                         Parameters.query("to", .string, "Up to this ISO-8601 time.")]),
        PlatformBuiltinSpec(
            name: "ai_usage_history", operation: .getAIUsageHistory, group: "ai",
            summary: "AI transactions, newest first.", returns: "list of maps", example: "ai_usage_history",
            parameters: [Parameters.page, Parameters.limit]),
    ]
}
