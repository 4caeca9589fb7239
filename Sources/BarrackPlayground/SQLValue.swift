import Foundation

/// One value that goes into or comes out of the playground's database: what SQLite and
/// PostgreSQL both have, so that the store's queries are written once for both
/// (`PlaygroundDatabase`).
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes(Data)

    /// `value`, or `.null` when it is nil.
    static func text(_ value: String?) -> SQLValue {
        value.map { .text($0) } ?? .null
    }

    /// The value as an integer (a count, a number), or nil.
    var integer: Int? {
        if case .integer(let value) = self { return Int(value) }
        return nil
    }

    /// The value as a number of seconds, or nil.
    var real: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The value as text, or nil.
    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value as bytes, or nil.
    var bytes: Data? {
        if case .bytes(let value) = self { return value }
        return nil
    }
}
