import Foundation

extension JSONValue {
    /// Parses a complete JSON text (RFC 8259), keeping the key order of every object.
    ///
    /// Throws `JSONParseError` naming the line and column of the first problem.
    public init(parsing data: Data) throws {
        try self.init(parsing: [UInt8](data))
    }

    /// The UTF-8 bytes of `serialized(pretty:)`.
    public func jsonData(pretty: Bool = false) -> Data {
        Data(serialized(pretty: pretty).utf8)
    }
}
