/// Which environment variables hold a secret, so that `env` reads them as `"<redacted>"` unless the
/// host allows `Capabilities.secretEnvironment`.
///
/// A name is split at `_` (upper-cased): a last part `KEY` (`BARRACK_API_KEY`, `AWS_SECRET_KEY`),
/// or any part `TOKEN`, `SECRET`, `PASSWORD`, `PASSWD`, `APIKEY` or `CREDENTIALS` marks it.
/// `SSH_KEY_PATH` is not one: its last part is a path.
enum SecretName {
    /// What a secret variable reads as.
    static let redacted = "<redacted>"

    static let markingParts: Set<String> = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIALS"]

    /// Whether the variable `name` holds a secret.
    static func isSecret(_ name: String) -> Bool {
        let parts = name.uppercased().split(separator: "_").map(String.init)
        return parts.last == "KEY" || parts.contains { markingParts.contains($0) }
    }
}
