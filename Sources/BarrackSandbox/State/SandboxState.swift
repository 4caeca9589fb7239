import Foundation

/// Everything the simulated platform knows: the account, the stock and every resource.
///
/// The state is a value: the sandbox changes a copy and keeps it only when an operation succeeds,
/// which is how a failed deploy changes nothing. It is what `sandbox.json` holds.
struct SandboxState: Codable, Sendable, Equatable {
    /// The file format; a newer format is refused rather than misread.
    static let currentFormat = 1

    var format: Int = SandboxState.currentFormat
    /// The simulated instant the world has been brought up to.
    var now: Date
    var account: Account
    /// Free GPUs: region → model → count.
    var stock: [String: [String: Int]]
    var instances: [InstanceRecord] = []
    var volumes: [VolumeRecord] = []
    var sshKeys: [SSHKeyRecord] = []
    var firewalls: [FirewallRecord] = []
    var scripts: [ScriptRecord] = []
    var snapshots: [SnapshotRecord] = []
    var images: [ImageRecord] = []
    var charges: [ChargeRecord] = []
    var aiUsage: [AIUsageRecord] = []
    /// Every id ever issued, so that an id is never reused after a deletion.
    var issuedIDs: Set<String> = []
    var random: SeededRandom

    /// A fresh sandbox: a complete profile, the initial credit, one SSH key named `default`, and
    /// full stock of every model in every region of its tier.
    static func fresh(catalogue: SandboxCatalogue, seed: UInt64) -> SandboxState {
        var stock: [String: [String: Int]] = [:]
        for region in catalogue.regions {
            for model in catalogue.gpuModels(in: region.tier) {
                stock[region.name, default: [:]][model.name] = catalogue.initialStockPerModel
            }
        }
        var state = SandboxState(
            now: catalogue.epoch,
            account: Account(credit: catalogue.initialCredit, currency: catalogue.initialCurrency,
                             profile: catalogue.initialProfile),
            stock: stock, random: SeededRandom(seed: seed))
        let pair = SSHPublicKey.generatedPair(randomBytes: state.random.bytes(36),
                                              comment: catalogue.defaultSSHKeyName + "@barrack-sandbox")
        let id = state.issueID(suffix: IDSuffix.sshKey, catalogue: catalogue)
        state.sshKeys.append(SSHKeyRecord(id: id, name: catalogue.defaultSSHKeyName, publicKey: pair.publicKey.line,
                                          fingerprint: pair.publicKey.fingerprint, createdAt: catalogue.epoch))
        return state
    }

    /// A new id, `BRK-` + digits + `suffix`, never issued before.
    mutating func issueID(suffix: String, catalogue: SandboxCatalogue) -> String {
        let upper = Int(pow(10, Double(catalogue.idDigits)))
        while true {
            let number = Int.random(in: (upper / 10)..<upper, using: &random)
            let id = catalogue.idPrefix + String(number) + suffix
            if issuedIDs.insert(id).inserted { return id }
        }
    }
}
