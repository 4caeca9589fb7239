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

    /// Secrets at least this long are replaced wherever they occur; shorter ones only where they
    /// stand as a whole word. A real key is 20 characters or more, but a one-character key
    /// replaced everywhere turned `GET /api/ssh-keys/` into `GET /api/ssh-<redacted>eys/`.
    public static let wordOnlyBelow = 8

    /// `text` with every occurrence of a secret replaced by `placeholder`; a secret shorter than
    /// `wordOnlyBelow` only where no letter or digit touches it.
    public func apply(_ text: String) -> String {
        secrets.reduce(text) { text, secret in
            secret.count >= Self.wordOnlyBelow
                ? text.replacingOccurrences(of: secret, with: Self.placeholder) : Self.replacingWords(secret, in: text)
        }
    }

    /// `text` with the occurrences of `word` that no letter or digit touches replaced.
    private static func replacingWords(_ word: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let found = rest.range(of: word) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
            let touched = [before, after].contains { $0?.isLetter == true || $0?.isNumber == true }
            result += rest[..<found.lowerBound]
            result += touched ? String(text[found]) : placeholder
            rest = text[found.upperBound...]
        }
        return result + rest
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
