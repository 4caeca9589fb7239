import BarrackScript
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into `Interpreter.interrupt()` while a script or a verb runs, and
/// remembers that it came.
///
/// A Ctrl-C the script never saw — during its last statement, a blocking `input()` at its end,
/// or while it was exiting — once let the process exit 0, or killed it by the default action of
/// the signal before its last lines were written. Now the exit status is 130 (`exitStatus`), and
/// after the run Ctrl-C stays caught until the process ends, so what was printed is flushed.
final class InterruptForwarder {
    private let source: DispatchSourceSignal
    /// Whether a Ctrl-C came since the first forwarder started.
    private static let received = Atomic<Bool>(false)

    init(_ interpreter: Interpreter) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            InterruptForwarder.received.store(true, ordering: .relaxed)
            interpreter.interrupt()
        }
        source.resume()
    }

    /// Stops forwarding to the interpreter; a later Ctrl-C is only remembered. The new handler
    /// holds the source, which so stays registered until the process exits.
    func stop() {
        let source = self.source
        source.setEventHandler {
            _ = source
            InterruptForwarder.received.store(true, ordering: .relaxed)
        }
    }

    /// `status`, or 130 when it is 0 and a Ctrl-C came: a run that was asked to stop does not
    /// report success.
    static func exitStatus(_ status: Int32) -> Int32 {
        status == 0 && received.load(ordering: .relaxed) ? 130 : status
    }
}
