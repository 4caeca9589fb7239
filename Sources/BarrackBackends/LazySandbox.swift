import BarrackAPI
import BarrackSandbox
import Foundation

/// The in-process sandbox, opened at the first request: a script that never calls the platform
/// reads no state file, takes no lock and prints no notice, and starts as fast as `print 1` can.
final class LazySandbox: @unchecked Sendable {
    private let lock = NSLock()
    private var sandbox: Sandbox?
    private let open: @Sendable () throws -> Sandbox
    private let announce: @Sendable (Sandbox) -> Void

    init(open: @escaping @Sendable () throws -> Sandbox, announce: @escaping @Sendable (Sandbox) -> Void) {
        self.open = open
        self.announce = announce
    }

    /// A holder of a sandbox the host has already opened: its clock is the script's from the first
    /// statement, so a `sleep 2h` before any platform call takes simulated time too.
    init(opened: Sandbox) {
        sandbox = opened
        open = { opened }
        announce = { _ in }
    }

    /// The sandbox, opening it now if need be; a failure to open is a `CONFIGURATION` error that
    /// says why (another process holds it, the saved state was damaged and moved aside, …).
    func get() throws -> Sandbox {
        try lock.withLock {
            if let sandbox { return sandbox }
            do {
                let opened = try open()
                sandbox = opened
                announce(opened)
                return opened
            } catch {
                throw BarrackAPIError(.configuration, message: "cannot open the sandbox: \(error)")
            }
        }
    }

    /// The sandbox if it was opened.
    var ifOpened: Sandbox? {
        lock.withLock { sandbox }
    }
}

/// A transport that opens the sandbox on its first request, then hands requests to it.
struct LazySandboxTransport: Transport, CustomStringConvertible {
    let holder: LazySandbox

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        try await SandboxTransport(sandbox: try holder.get()).send(request)
    }

    /// The in-process sandbox, without faults, always answers.
    var losesAnswers: Bool { false }

    var description: String { "SandboxTransport(in-process)" }
}
