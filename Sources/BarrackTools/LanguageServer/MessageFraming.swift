import BarrackJSON

/// The base protocol of the Language Server Protocol: each message is a header part of
/// `Name: value` lines ended by an empty line (`\r\n\r\n`), then `Content-Length` bytes of JSON.
///
///     Content-Length: 52\r\n
///     \r\n
///     {"jsonrpc":"2.0","id":1,"method":"shutdown"}
///
/// Reading is incremental: bytes arrive in whatever pieces the pipe gives, and `next` takes one
/// whole message off the front of the buffer when it is there.
public struct MessageFraming: Sendable {
    /// What is wrong with the bytes the client sent; the server says so on standard error and goes
    /// on with the next message where it can.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public let description: String
    }

    /// The most bytes one message may have: 64 MiB, a hundred times a 10,000-line script, so that
    /// a broken header cannot make the server wait for or allocate gigabytes.
    public static let maxContentLength = 64 << 20

    private var buffer: [UInt8] = []

    /// An empty reader.
    public init() {}

    /// Adds bytes read from the client.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether some bytes wait that are not yet a whole message.
    public var hasPartialMessage: Bool { !buffer.isEmpty }

    /// The body of the next whole message, or nil until more bytes arrive.
    ///
    /// - Throws: `Malformed` for a header with no usable `Content-Length`, or a body that is not
    ///   JSON; the bad message is dropped, so the next call reads the one after it.
    public mutating func next() throws(Malformed) -> JSONValue? {
        guard let headerEnd = headerEnd() else {
            if buffer.count > 8192 {
                buffer.removeAll()
                throw Malformed(description: "a header of more than 8192 bytes with no empty line after it")
            }
            return nil
        }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            length = Int(String(parts[1]).trimmingSpaces())
        }
        guard let length, length >= 0, length <= MessageFraming.maxContentLength else {
            buffer.removeSubrange(..<(headerEnd + 4))
            throw Malformed(description: "a message header without a valid Content-Length: \(header.debugDescription)")
        }
        let bodyStart = headerEnd + 4
        guard buffer.count >= bodyStart + length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeSubrange(..<(bodyStart + length))
        do {
            return try JSONValue(parsing: body)
        } catch {
            throw Malformed(description: "a message that is not JSON: \(error)")
        }
    }

    /// The bytes of one message: its header and its JSON.
    public static func frame(_ message: JSONValue) -> [UInt8] {
        let body = Array(message.serialized().utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Where `\r\n\r\n` starts in the buffer.
    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
