/// How the client settles a request that may have been carried out although its answer was lost
/// (the connection dropped after sending, a timeout, a 5xx).
///
/// The platform has no idempotency key, so nothing that changes the account is sent again
/// blindly:
/// - a create first looks for a resource of the requested name (a deploy: of the name and region)
///   and adopts it; only when there is none is it sent again, and a `DUPLICATE_NAME` answer to
///   that second send is looked up once more: the first send had worked after all;
/// - a generated SSH key found that way is deleted and created again, because its private key is
///   shown only once, in the lost answer;
/// - a deploy without a name is given one before it is first sent, in the platform's own pattern
///   (`NamelessCreate`), so that it can be looked up like any other (a restore without a name is
///   reported, not resent: the platform names it after its snapshot);
/// - an action or a deletion is sent again, and a refusal of that second send that the first one
///   explains (`INVALID_STATE`, `VOLUME_NOT_AVAILABLE`, `NOT_FOUND`, …) settles it as done: the
///   resource is read back and returned as the answer;
/// - a change that leaves a visible trace (a resize, a new firewall or security rule) is checked
///   first: the resource is read back, and when it already shows what the request asked for (the
///   new size, a rule with the requested fields) that is the answer; otherwise it is sent again.
/// Anything else (an AI chat, which is charged; a public-IP toggle, which a second send would
/// undo; attaching a firewall) is never sent again after a lost answer.
enum LostAnswerRecovery: Sendable {
    /// Look a create up by name in `list` and adopt what is found as `payloadKey`.
    case adopt(Adoption)
    /// Send again; on a retry, a refusal with one of `settledBy` means the first send worked.
    case repeatAction(settledBy: Set<ErrorCode>, readBack: ReadBack)
    /// Read the resource back; send again only when it does not show the change yet.
    case verify(Verification)

    /// Where a create's resource is looked for.
    struct Adoption: Sendable {
        let list: OperationID
        /// The key of the answer under which the created resource is returned (`volume`).
        let payloadKey: String
        /// Body members that must match the found resource too (`region`, a script's `content`).
        let matching: [String]
        /// Body members passed to the list as its query (`region`).
        let query: [String]
        /// Whether the platform makes up a secret in the answer, so that adopting is no use.
        let answerHoldsSecret: Bool

        init(_ list: OperationID, _ payloadKey: String, matching: [String] = [], query: [String] = [],
             answerHoldsSecret: Bool = false) {
            self.list = list
            self.payloadKey = payloadKey
            self.matching = matching
            self.query = query
            self.answerHoldsSecret = answerHoldsSecret
        }
    }

    /// How the resource an action changed is read back.
    struct ReadBack: Sendable {
        /// The read, with the same path parameters as the action; `nil` when there is nothing to read.
        let operation: OperationID?
        /// With nothing to read, the path parameters the answer repeats, under their answer keys.
        let echo: [(path: String, answer: String)]

        init(operation: OperationID?, echo: [(path: String, answer: String)] = [("id", "id")]) {
            self.operation = operation
            self.echo = echo
        }
    }

    /// Where a change shows, to tell whether a request whose answer was lost was carried out.
    struct Verification: Sendable {
        /// The read of the changed resource, with the same path parameters as the change.
        let read: OperationID
        /// The key of the read's answer that holds the resource (`volume`).
        let resourceKey: String
        /// The list within the resource where an added item shows (`rules`), or nil when the
        /// resource itself must show every member of the request (a resize's `size_gb`).
        let collection: String?
        /// For an added item: the answer's key for it (`rule`), and for the resource's id (`firewall_id`).
        let itemKey: String?
        let ownerKey: String?

        init(_ read: OperationID, _ resourceKey: String, collection: String? = nil, itemKey: String? = nil,
             ownerKey: String? = nil) {
            self.read = read
            self.resourceKey = resourceKey
            self.collection = collection
            self.itemKey = itemKey
            self.ownerKey = ownerKey
        }
    }

    /// The recovery of `operation`, or `nil` when a lost answer can only be reported.
    static func of(_ operation: OperationID) -> LostAnswerRecovery? {
        let state: Set<ErrorCode> = [.invalidState]
        let gone: Set<ErrorCode> = [.notFound]
        switch operation {
        case .deployInstance:
            return .adopt(Adoption(.listInstances, "instance", matching: ["region"], query: ["region"]))
        case .restoreSnapshot:
            return .adopt(Adoption(.listInstances, "instance"))
        case .createVolume:
            return .adopt(Adoption(.listVolumes, "volume", matching: ["region"], query: ["region"]))
        case .cloneVolume:
            return .adopt(Adoption(.listVolumes, "volume"))
        case .createSnapshot:
            return .adopt(Adoption(.listSnapshots, "snapshot", matching: ["instance_id"]))
        case .createImage:
            return .adopt(Adoption(.listImages, "image", matching: ["snapshot_id"]))
        case .createSSHKey:
            return .adopt(Adoption(.listSSHKeys, "ssh_key", answerHoldsSecret: true))
        case .createFirewall:
            return .adopt(Adoption(.listFirewalls, "firewall", matching: ["region"], query: ["region"]))
        case .createScript:
            return .adopt(Adoption(.listScripts, "script", matching: ["content"]))
        case .startInstance, .stopInstance, .rebootInstance, .hibernateInstance, .restoreInstance:
            return .repeatAction(settledBy: state, readBack: ReadBack(operation: .getInstance))
        case .deleteInstance:
            return .repeatAction(settledBy: state.union(gone), readBack: ReadBack(operation: .getInstance))
        case .attachVolumes, .detachVolumes:
            return .repeatAction(settledBy: [.volumeNotAvailable, .invalidState], readBack: ReadBack(operation: .getInstance))
        case .deleteVolume:
            return .repeatAction(settledBy: gone, readBack: ReadBack(operation: nil))
        case .deleteSnapshot, .deleteImage, .deleteSSHKey, .deleteFirewall, .deleteScript:
            return .repeatAction(settledBy: gone, readBack: ReadBack(operation: nil))
        case .removeFirewallRule:
            return .repeatAction(settledBy: gone, readBack: ReadBack(operation: nil, echo: [("id", "firewall_id"), ("rule_id", "rule_id")]))
        case .removeSecurityRule:
            return .repeatAction(settledBy: gone, readBack: ReadBack(operation: nil, echo: [("id", "instance_id"), ("rule_id", "rule_id")]))
        case .resizeVolume:
            return .verify(Verification(.getVolume, "volume"))
        case .addFirewallRule:
            return .verify(Verification(.getFirewall, "firewall", collection: "rules", itemKey: "rule", ownerKey: "firewall_id"))
        case .addSecurityRule:
            return .verify(Verification(.getInstance, "instance", collection: "security_rules", itemKey: "rule",
                                        ownerKey: "instance_id"))
        default:
            return nil
        }
    }
}
