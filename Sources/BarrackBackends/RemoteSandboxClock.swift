import BarrackAPI
import BarrackPlatform
import BarrackSandbox
import BarrackScript
import Foundation

/// The clock of scripts that talk HTTP to a server on this machine: when the server is a
/// `barrack sandbox serve`, a sleep moves the server's simulated clock on (so a `wait … every 10s`
/// costs no real time, as in-process); anything else gets real sleeps from the first try on.
///
/// `now()` is real time plus everything slept so far in simulated time, so `wait … timeout` still
/// ends after the simulated timeout.
final class RemoteSandboxClock: ScriptClock, @unchecked Sendable {
    private enum Mode { case untried, remote, real }

    private let client: BarrackClient
    private let lock = NSLock()
    private var mode = Mode.untried
    private var advanced = 0.0

    init(client: BarrackClient) {
        self.client = client
    }

    func now() -> Double {
        SystemClock().now() + lock.withLock { advanced }
    }

    func sleep(milliseconds: Int, isInterrupted: () -> Bool) {
        let seconds = Double(max(0, milliseconds)) / 1_000
        let known = lock.withLock { mode }
        if known != .real {
            // Once the server is known to be a sandbox, a move that did not get through (a slow
            // answer on a loaded machine) is tried again rather than taken for "not a sandbox":
            // falling back to real sleeps for good would leave a frozen sandbox frozen, and a
            // `wait … timeout 10m` would wait ten real minutes.
            let attempts = known == .remote ? 3 : 1
            for _ in 0..<attempts where advanceServer(by: seconds) {
                lock.withLock {
                    mode = .remote
                    advanced += seconds
                }
                return
            }
            if known == .untried { lock.withLock { mode = .real } }
        }
        SystemClock().sleep(milliseconds: milliseconds, isInterrupted: isInterrupted)
    }

    /// Asks the server to move its clock on; false when it is not a sandbox or does not answer.
    private func advanceServer(by seconds: Double) -> Bool {
        let client = self.client
        let done = DispatchSemaphore(value: 0)
        final class Answer: @unchecked Sendable { var succeeded = false }
        let answer = Answer()
        Task {
            let body = JSONValue.object(JSONObject([.init(key: "seconds", value: .double(seconds))]))
            if let response = try? await client.sendUnlisted(method: .post, path: AdminRoutes.advanceClock, body: body) {
                answer.succeeded = response.status == 200
            }
            done.signal()
        }
        done.wait()
        return answer.succeeded
    }
}
