// The JSON values the client speaks are BarrackJSON's, shared with the language: every user of
// the client sees them as its own.
@_exported import BarrackJSON

/// The Barrack platform client.
///
/// The module has one layer per concern, each in its own folder:
///
/// - `JSON/`: `Data` conveniences for `JSONValue` (the `BarrackJSON` module, shared with the
///   language), the dynamic JSON that the raw call path and the script built-ins use; its parser
///   keeps the platform's key order, which `JSONDecoder` loses.
/// - `Transport/`: `Transport` and its request and response types. `HTTPTransport` speaks HTTP
///   through SwiftNIO's `AsyncHTTPClient`; the sandbox provides an in-process transport of its own.
/// - `Endpoints/`: `OperationID` and the one endpoint table (`Endpoint`), the only place where a
///   path, a method or a query parameter of the platform is written down.
/// - `Models/`: Codable models named after the platform's schemas.
/// - `Client/`: `BarrackClient`, its single request pipeline (auth, errors, retries, tracing,
///   redaction) and one typed method per operation.
/// - `Configuration/`: the config file, environment variables and profiles.
public enum BarrackAPI {
    /// The platform's documented base URL; paths of the endpoint table are resolved against it.
    public static let defaultBaseURL = "https://barrack.ai/api/"
}
