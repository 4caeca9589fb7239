import BarrackScript
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Routes Ctrl-C (SIGINT) in the REPL: while a statement runs it becomes
/// `Interpreter.interrupt()` (the statement ends with `INTERRUPTED`); at the prompt it clears the
/// line being edited (the line editor asks `takePromptInterrupt()` when readline reports a signal).
///
/// The signal handler only does what is safe in a signal handler: it sets a flag and writes one
/// byte to a pipe. A dispatch source reading that pipe makes the call into the interpreter.
final class InterruptRelay: @unchecked Sendable {
    private let interpreter: Interpreter
    private let isRunning = Atomic<Bool>(false)
    private let reader: DispatchSourceRead

    /// Set by the handler; cleared by whoever handles the interrupt at the prompt.
    fileprivate static let promptInterrupted = Atomic<Bool>(false)
    /// The pipe's write end, for the handler: set once, before the handler is installed.
    fileprivate nonisolated(unsafe) static var writeDescriptor: Int32 = -1

    /// Installs the SIGINT handler for the REPL's lifetime.
    init(interpreter: Interpreter) {
        self.interpreter = interpreter
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
            // A full pipe must not block the handler: a lost byte is harmless, the flag is set.
            _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
        }
        InterruptRelay.writeDescriptor = descriptors[1]
        reader = DispatchSource.makeReadSource(fileDescriptor: descriptors[0], queue: .global())
        reader.setEventHandler { [weak self] in self?.drain(descriptors[0]) }
        reader.resume()

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            InterruptRelay.promptInterrupted.store(true, ordering: .relaxed)
            var byte: UInt8 = 1
            _ = write(InterruptRelay.writeDescriptor, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: readline's read must return with EINTR so that it notices the signal.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Runs a statement; Ctrl-C meanwhile interrupts the interpreter.
    func whileRunning(_ body: () -> Void) {
        isRunning.store(true, ordering: .relaxed)
        body()
        isRunning.store(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the mark.
    static func takePromptInterrupt() -> Bool {
        promptInterrupted.exchange(false, ordering: .relaxed)
    }

    private func drain(_ descriptor: Int32) {
        var bytes = [UInt8](repeating: 0, count: 64)
        _ = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if isRunning.load(ordering: .relaxed) {
            InterruptRelay.promptInterrupted.store(false, ordering: .relaxed)
            interpreter.interrupt()
        }
    }
}
