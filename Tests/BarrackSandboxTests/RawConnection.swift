import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to a loopback port that sends exactly the bytes it is given, so that a test
/// can send what no HTTP client library would: a head that never ends, a body that never comes,
/// a `HEAD`, a path beginning with `//`.
final class RawConnection {
    /// One answer as read off the wire.
    struct Response {
        let status: Int
        /// Header names in lower case.
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let descriptor: Int32
    private var buffered = Data()
    private var closed = false

    init(port: Int) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure(description: "connect() to port \(port) failed: errno \(errno)")
        }
        self.descriptor = descriptor
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(descriptor)
    }

    func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                Glibc.send(descriptor, bytes.baseAddress?.advanced(by: offset), data.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure(description: "send() failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one response (`Content-Length` framed; none for the answer of a `HEAD`).
    func readResponse(timeout: TimeInterval = 5, head: Bool = false) throws -> Response {
        let deadline = Date().addingTimeInterval(timeout)
        let separator = Data("\r\n\r\n".utf8)
        while buffered.range(of: separator) == nil {
            guard try fill(until: deadline) else { throw Failure(description: "the connection closed before an answer") }
        }
        guard let end = buffered.range(of: separator) else { throw Failure(description: "no head") }
        let headText = String(decoding: buffered[buffered.startIndex..<end.lowerBound], as: UTF8.self)
        buffered = Data(buffered[end.upperBound...])
        let lines = headText.components(separatedBy: "\r\n")
        let statusWords = lines.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw Failure(description: "not an HTTP answer: \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = head ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffered.count < length {
            guard try fill(until: deadline) else { throw Failure(description: "the connection closed inside a body") }
        }
        let body = Data(buffered.prefix(length))
        buffered = Data(buffered.dropFirst(length))
        return Response(status: status, headers: headers, body: body)
    }

    /// Waits until the server closes the connection, and reads what it sent before; nil when it
    /// is still open at the deadline.
    func readUntilClosed(deadline: Date) throws -> Data? {
        while try fill(until: deadline) {}
        return closedByPeer ? buffered : nil
    }

    private var closedByPeer = false

    /// Reads what has arrived; false once the peer has closed (or at the deadline).
    private func fill(until deadline: Date) throws -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return false }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(remaining * 1000))
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count <= 0 {
            closedByPeer = true
            return false
        }
        buffered.append(contentsOf: chunk[0..<count])
        return true
    }
}
