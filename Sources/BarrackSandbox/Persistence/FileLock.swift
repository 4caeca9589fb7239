#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive advisory lock (`flock`) on a file, held until `unlock()` or deinit; the kernel
/// drops it when the process dies, so a crash never leaves the sandbox locked.
final class FileLock: @unchecked Sendable {
    private var descriptor: Int32

    /// Takes the lock at `url`, waiting up to `wait` seconds for another holder to let go, and
    /// writes this process's id into the file so that a refusal can name the holder.
    init(url: URL, wait: TimeInterval = 0) throws(SandboxStoreError) {
        let path = url.path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            // Polled every 2 ms: a transaction holds the lock for about a millisecond.
            guard Date() < deadline else {
                let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                close(descriptor)
                descriptor = -1
                throw .locked(path: path, holder: holder?.isEmpty == false ? holder : nil, waited: wait)
            }
            usleep(2_000)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    /// Whether some process holds the lock at `url`, and which one it says it is.
    static func holder(of url: URL) -> (held: Bool, pid: String?) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return (false, nil) }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return (false, nil)
        }
        let pid = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return (true, pid)
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
