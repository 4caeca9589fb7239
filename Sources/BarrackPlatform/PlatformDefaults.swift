import BarrackAPI

/// What the configuration gives the built-ins: a default `region` (the config file's `region`, or
/// `BARRACK_REGION`), so that `deploy gpu: H200-141GB x 1` needs no `in FINLAND-1`.
///
/// A default fills only a parameter that creates something in a region (`deploy`,
/// `create_volume`, `create_firewall`); listings stay unfiltered.
public struct PlatformDefaults: Sendable {
    /// The region sent when a script gives none.
    public var region: String?

    /// Creates defaults.
    public init(region: String? = nil) {
        self.region = region
    }

    /// `spec` with its required `region` made optional and sent as the default.
    func apply(to spec: PlatformBuiltinSpec) -> PlatformBuiltinSpec {
        guard let region else { return spec }
        var spec = spec
        spec.parameters = spec.parameters.map { parameter in
            guard parameter.name == "region", parameter.isRequired, case .body = parameter.target else { return parameter }
            var defaulted = parameter
            defaulted.isRequired = false
            defaulted.sentDefault = .string(region)
            defaulted.defaultDescription = "\(region) (the configured region)"
            return defaulted
        }
        return spec
    }
}
