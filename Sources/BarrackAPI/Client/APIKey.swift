import Foundation

/// The platform API key, which never prints.
///
/// `description`, `debugDescription`, `dump` and string interpolation all show a redacted form
/// (the last four characters of a long key, so two profiles can be told apart). Only the client
/// reads the secret, to put it in the `Authorization` header.
///
/// ```swift
/// let key = APIKey("brk_live_0123456789abcdefWXYZ")
/// print(key)   // APIKey(…WXYZ)
/// ```
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Wraps a key; surrounding whitespace (a newline pasted from a file) is dropped.
    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the key is empty.
    public var isEmpty: Bool { secret.isEmpty }

    /// The form that may be shown: `…WXYZ` for keys of 20 characters or more, where four
    /// characters give away too little to matter; `<redacted>` for shorter ones.
    public var redacted: String {
        secret.count >= 20 ? "…" + secret.suffix(4) : Redaction.placeholder
    }

    public var description: String { "APIKey(\(redacted))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted], displayStyle: .struct) }
}
