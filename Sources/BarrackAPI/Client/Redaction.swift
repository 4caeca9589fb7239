import Foundation

/// Removes a secret from text before the text reaches a person, a log or an error.
///
/// Every string the client prints or throws that could contain the key passes through here:
/// the platform's own error messages too, since a server may echo what it was sent.
public struct Redaction: Sendable {
    /// What stands in the place of a secret that is not shown at all.
    public static let placeholder = "<redacted>"

    private let secrets: [String]

    /// Creates a redaction of the given secrets; empty strings are ignored.
    public init(secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    /// `text` with every occurrence of a secret replaced by `placeholder`.
    public func apply(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.placeholder) }
    }

    /// `value` with every string in it (keys included) redacted.
    public func apply(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(apply(text))
        case .array(let elements): return .array(elements.map(apply))
        case .object(let object):
            return .object(JSONObject(object.map { JSONObject.Member(key: apply($0.key), value: apply($0.value)) }))
        default: return value
        }
    }
}
