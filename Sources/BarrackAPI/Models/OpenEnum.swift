import Foundation

/// A platform enumeration that survives values it does not know.
///
/// A new GPU model or status from the platform must never break decoding of a whole answer, so
/// every enumeration has a `case unknown(String)` and decodes anything: a known wire value (in any
/// letter case, because the platform writes `advanced` in one answer and `Advanced` in another) gives
/// its case, anything else gives `.unknown` with the text as sent, which also encodes back unchanged.
///
/// ```swift
/// TierEnum(rawValue: "Advanced")      // .advanced
/// GpuModelEnum(rawValue: "X900-1TB")  // .unknown("X900-1TB")
/// ```
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// Every case except `unknown`.
    static var knownCases: [Self] { get }
    /// The case for a value this version does not know.
    static func unknown(_ rawValue: String) -> Self
}

extension OpenEnum {
    /// The case for `rawValue`: the known case whose wire value matches it, ignoring case, else
    /// `.unknown(rawValue)`. Never fails.
    public init(rawValue: String) {
        self = Self.matching(rawValue)
    }

    static func matching(_ rawValue: String) -> Self {
        let match = Self.knownCases.first { $0.rawValue == rawValue }
            ?? Self.knownCases.first { $0.rawValue.caseInsensitiveCompare(rawValue) == .orderedSame }
        return match ?? .unknown(rawValue)
    }

    /// Whether this is one of `knownCases`.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = Self.matching(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
