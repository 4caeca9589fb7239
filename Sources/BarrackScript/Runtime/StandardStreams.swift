#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered standard output for `print`: flushed at each line on a terminal, in 64 KiB blocks
/// into a pipe or file, which keeps printing loops fast — and, into a pipe too, before every
/// wait: a sleep, a `wait until` pause, a platform request or input (`BuiltinCall.withoutLock`),
/// so that `print "step 1"; sleep 3s` shows its line in `tee` or a CI log before the pause.
public enum StandardStreams {
    private final class Buffer: @unchecked Sendable {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        var bytes: [UInt8] = []
        let isTerminal = isatty(1) == 1

        init() {
            pthread_mutex_init(mutex, nil)
            bytes.reserveCapacity(1 << 16)
        }

        func flushLocked() {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private static let buffer = Buffer()

    /// Writes text to standard output.
    public static func write(_ text: String) {
        pthread_mutex_lock(buffer.mutex)
        defer { pthread_mutex_unlock(buffer.mutex) }
        buffer.bytes.append(contentsOf: text.utf8)
        if buffer.bytes.count >= 1 << 16 || (buffer.isTerminal && text.utf8.last == UInt8(ascii: "\n")) {
            buffer.flushLocked()
        }
    }

    /// Flushes standard output (before writing to standard error, reading input, or exiting).
    public static func flush() {
        pthread_mutex_lock(buffer.mutex)
        defer { pthread_mutex_unlock(buffer.mutex) }
        buffer.flushLocked()
    }

    /// Writes text to standard error after flushing standard output, so the two stay in order.
    public static func writeError(_ text: String) {
        flush()
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }
}
