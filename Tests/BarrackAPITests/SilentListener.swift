import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP socket listening on a free loopback port that accepts connections into its backlog and
/// never reads them: a server that never answers.
final class SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(descriptor) }
}

/// A TCP server on a free loopback port that answers the first connection with fixed bytes, then
/// closes it.
final class OneAnswerServer: @unchecked Sendable {
    private let listener: SilentListener
    let port: Int

    init(answer: String) throws {
        listener = try SilentListener()
        port = listener.port
        let descriptor = listener.descriptor
        Thread.detachNewThread {
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = read(connection, &buffer, buffer.count)
            let bytes = Array(answer.utf8)
            _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, bytes.count) }
            Glibc.close(connection)
        }
    }

    func close() { listener.close() }
}
