import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to a test server, for requests no HTTP client sends: a 100 KB header,
/// a body that stops after 10 of its 1,000 bytes, a client that leaves mid-answer.
final class RawHTTPConnection {
    private var descriptor: Int32

    /// Connects to 127.0.0.1 at the port of `baseURL` (`http://127.0.0.1:PORT`). A read waits at
    /// most `readWait` seconds, so that a server which never answers fails the test, not hangs it.
    init(baseURL: String, readWait: Int = 30) throws {
        guard let port = URL(string: baseURL)?.port else { throw RawHTTPError(description: "no port in \(baseURL)") }
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTPError(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            // The deinitialiser closes the descriptor.
            throw RawHTTPError(description: "connect to port \(port): errno \(errno)")
        }
        var wait = timeval(tv_sec: readWait, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Ends the connection with a reset (RST) rather than a close, as a browser tab that is killed
    /// or a network that drops does; the connection cannot be used afterwards.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// Sends `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    /// What the server sends until it closes the connection, and whether it did close it (false
    /// when the read wait ran out first).
    func readToEnd() -> (text: String, closed: Bool) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                data += buffer[..<count]
            } else {
                return (String(decoding: data, as: UTF8.self), count == 0 || errno == ECONNRESET)
            }
        }
    }

    /// Reads until at least `count` bytes have come (or the connection ends).
    func read(atLeast count: Int) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count < count {
            let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard got > 0 else { break }
            data += buffer[..<got]
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A raw connection that could not be made.
struct RawHTTPError: Error, CustomStringConvertible {
    var description: String
}
