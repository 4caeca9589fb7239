/// The name of an instance restored from a snapshot without a name of its own.
extension World {
    /// `<snapshot>-restored`, made a valid instance name: characters an instance name cannot have
    /// become `-`, the snapshot's part is cut to fit 30 characters, and a number is added when the
    /// name is already used in the region (`train-data-v2-restored`, `my-snapshot-restored-2`).
    func restoredName(of snapshotName: String, region: String) -> String {
        let rule = catalogue.instanceName
        let edges = Set(rule.edgeForbidden)
        var base = ""
        for character in snapshotName {
            let allowed = character.isASCII && (character.isLetter || character.isNumber
                                                || rule.extraCharacters.contains(character))
            let next: Character = allowed ? character : "-"
            if next == "-", base.last == "-" { continue }
            base.append(next)
        }
        func trimmed(_ text: Substring) -> String {
            String(text.drop { edges.contains($0) }.reversed().drop { edges.contains($0) }.reversed())
        }
        var number = 1
        while true {
            let suffix = catalogue.restoredNameSuffix + (number == 1 ? "" : "-\(number)")
            var stem = trimmed(Substring(base))
            stem = trimmed(stem.prefix(rule.lengths.upperBound - suffix.count))
            let name = (stem.isEmpty ? "snapshot" : stem) + suffix
            let taken = state.instances.contains { $0.name == name && $0.region == region && $0.status != .deleted }
            if !taken { return name }
            number += 1
        }
    }
}
