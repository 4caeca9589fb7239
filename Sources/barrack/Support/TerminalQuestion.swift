import BarrackScript
import Foundation

/// A yes-or-no question on the terminal: the prompt on standard error, one line read from
/// standard input; only `y` or `yes` (any case) is yes, so Enter alone (or the end of input) is no.
///
/// The line is read a byte at a time straight from the descriptor, so that nothing typed after it
/// is buffered away from the REPL's line editor, and the wait gives up (nil) within a tenth of a
/// second once `isInterrupted` says so: Ctrl-C at the question ends it, in the REPL and in
/// `barrack run` alike, whose SIGINT never interrupts a blocking read.
enum TerminalQuestion {
    /// true for yes, false for no, nil when interrupted while waiting for the answer.
    static func ask(_ prompt: String, isInterrupted: () -> Bool = { false }) -> Bool? {
        StandardStreams.flush()
        StandardStreams.writeError(prompt)
        guard let line = readLine(isInterrupted: isInterrupted) else {
            StandardStreams.writeError("\n")
            return nil
        }
        let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }

    /// One line of standard input without its newline; "" at the end of input, nil once
    /// `isInterrupted` says so.
    private static func readLine(isInterrupted: () -> Bool) -> String? {
        var bytes: [UInt8] = []
        while true {
            if isInterrupted() { return nil }
            var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready < 0, errno != EINTR { return "" }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(0, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 || byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}
