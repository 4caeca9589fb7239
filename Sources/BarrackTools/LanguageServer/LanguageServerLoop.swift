import BarrackJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `LanguageServer` over two file descriptors (standard input and output for
/// `barrack lsp`): reads framed messages, writes the answers, and publishes diagnostics when no
/// further message is waiting, so that a burst of keystrokes is checked once.
public struct LanguageServerLoop {
    private let server: LanguageServer
    private let input: Int32
    private let output: Int32
    private let log: (String) -> Void

    /// A loop for `server` over `input` and `output`; `log` receives what the server has to say
    /// about malformed messages (standard error for `barrack lsp`).
    public init(server: LanguageServer, input: Int32 = 0, output: Int32 = 1, log: @escaping (String) -> Void) {
        self.server = server
        self.input = input
        self.output = output
        self.log = log
    }

    /// Serves until the client sends `exit` or closes the input; the exit status to end with
    /// (1 when the input ended without `shutdown` and `exit`, as the protocol asks).
    public func run() -> Int32 {
        var framing = MessageFraming()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if !isReadable() {
                send(server.publishPendingDiagnostics())
            }
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return server.exitStatus ?? 1 }
            framing.append(chunk[..<count])
            while true {
                let message: JSONValue?
                do {
                    message = try framing.next()
                } catch {
                    log("barrack lsp: \(error)")
                    continue
                }
                guard let message else { break }
                send(server.handle(message))
                if let status = server.exitStatus { return status }
            }
        }
    }

    /// Whether bytes wait on the input right now.
    private func isReadable() -> Bool {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func send(_ messages: [JSONValue]) {
        for message in messages {
            var bytes = MessageFraming.frame(message)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { write(output, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
