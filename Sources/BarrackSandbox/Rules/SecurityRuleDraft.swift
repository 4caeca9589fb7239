/// A security or firewall rule as a request gives it, checked against barrack-api.md section 5:
/// direction, ethertype, a supported protocol, a CIDR of the ethertype, ports 1–65535 with
/// min ≤ max, required for tcp and udp and absent for icmp.
struct SecurityRuleDraft: Sendable, Equatable {
    static let directions = ["ingress", "egress"]
    static let ethertypes = ["IPv4", "IPv6"]

    var direction: String
    var ethertype: String
    var protocolName: String
    var remoteIPPrefix: String
    var portRangeMin: Int?
    var portRangeMax: Int?

    /// Reads and checks a rule; a missing `remote_ip_prefix` means every address of the ethertype.
    init(_ fields: Fields, catalogue: SandboxCatalogue) throws(SandboxError) {
        let missing = fields.missing(["direction", "ethertype", "protocol"])
        guard missing.isEmpty else { throw .missing(missing) }
        direction = try fields.string("direction") ?? ""
        ethertype = try fields.string("ethertype") ?? ""
        protocolName = try fields.string("protocol") ?? ""
        guard Self.directions.contains(direction) else {
            throw .invalidValue(fields.name("direction"),
                                "\(fields.name("direction")) must be ingress or egress, not '\(direction)'")
        }
        guard Self.ethertypes.contains(ethertype) else {
            throw .invalidValue(fields.name("ethertype"),
                                "\(fields.name("ethertype")) must be IPv4 or IPv6, not '\(ethertype)'")
        }
        guard let protocolInfo = catalogue.protocolInfo(named: protocolName) else {
            throw .invalidValue(fields.name("protocol"), "\(fields.name("protocol")) '\(protocolName)' is not supported; "
                                + "use one of " + catalogue.protocols.map(\.name).joined(separator: ", "))
        }
        remoteIPPrefix = try fields.string("remote_ip_prefix") ?? (ethertype == "IPv6" ? "::/0" : "0.0.0.0/0")
        if let problem = CIDR.violation(of: remoteIPPrefix, ethertype: ethertype) {
            throw .invalidValue(fields.name("remote_ip_prefix"), "\(fields.name("remote_ip_prefix")): \(problem)")
        }
        portRangeMin = try fields.int("port_range_min")
        portRangeMax = try fields.int("port_range_max")
        try checkPorts(protocolInfo, fields)
    }

    private func checkPorts(_ protocolInfo: ProtocolInfo, _ fields: Fields) throws(SandboxError) {
        let hasPorts = portRangeMin != nil || portRangeMax != nil
        switch protocolInfo.portRange {
        case .forbidden:
            guard !hasPorts else {
                throw .invalidValue(fields.name("port_range_min"),
                                    "\(protocolName) rules take no port range; leave port_range_min and port_range_max out")
            }
            return
        case .required:
            let missing = fields.missing(["port_range_min", "port_range_max"])
            guard missing.isEmpty else { throw .missing(missing) }
        case .optional:
            guard hasPorts else { return }
            guard portRangeMin != nil, portRangeMax != nil else {
                throw .invalidValue(fields.name("port_range_min"),
                                    "give both port_range_min and port_range_max, or neither")
            }
        }
        guard let low = portRangeMin, let high = portRangeMax else { return }
        for (key, port) in [("port_range_min", low), ("port_range_max", high)] where !(1...65_535).contains(port) {
            throw .invalidValue(fields.name(key), "\(fields.name(key)) must be 1 to 65535; got \(port)")
        }
        guard low <= high else {
            throw .invalidValue(fields.name("port_range_min"),
                                "port_range_min (\(low)) must not be greater than port_range_max (\(high))")
        }
    }
}

extension World {
    /// Gives a checked rule its id.
    mutating func issueRule(_ draft: SecurityRuleDraft) -> SecurityRule {
        SecurityRule(id: state.issueID(suffix: IDSuffix.rule, catalogue: catalogue), direction: draft.direction,
                     ethertype: draft.ethertype, protocolName: draft.protocolName,
                     remoteIPPrefix: draft.remoteIPPrefix, portRangeMin: draft.portRangeMin,
                     portRangeMax: draft.portRangeMax, createdAt: now)
    }
}
