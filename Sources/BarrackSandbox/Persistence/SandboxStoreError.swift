import Foundation

/// Why the sandbox's state file could not be used.
public enum SandboxStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process held the sandbox for all of `waited` seconds.
    case locked(path: String, holder: String?, waited: TimeInterval)
    /// The state file was unreadable; it was moved to `movedTo` and the next start is fresh.
    case corrupt(path: String, movedTo: String, reason: String)
    /// The state file was written by a newer version of barrack.
    case newerFormat(path: String, format: Int)
    /// The file system refused.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .locked(path, holder, waited):
            let who = holder.map { " (process \($0))" } ?? ""
            let seconds = String(format: "%.1f", waited)
            return "the sandbox at \(path) is locked by another barrack process\(who), which has held it for "
                + "\(seconds) s; a change takes milliseconds, so that process is stuck: stop it, or point this one "
                + "at another data folder with XDG_DATA_HOME"
        case let .corrupt(path, movedTo, reason):
            return "the sandbox state at \(path) is damaged (\(reason)); it was moved to \(movedTo) and the next "
                + "run starts a fresh sandbox"
        case let .newerFormat(path, format):
            return "the sandbox state at \(path) has format \(format), newer than this barrack understands; "
                + "update barrack or run 'barrack sandbox reset'"
        case let .io(path, reason):
            return "cannot use the sandbox state at \(path): \(reason)"
        }
    }
}
