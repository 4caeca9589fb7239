#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read, with the path and the system's reason.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why, in the system's words ("No such file or directory").
    public var reason: String

    /// A failure to read `path`, for `reason`: also what a host's `ScriptThread.load` throws.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read '\(path)': \(reason)" }
}

extension Source {
    /// Reads a script file; `name` (shown in diagnostics) is the path as given.
    ///
    /// POSIX calls rather than Foundation keep the language core free of Foundation, so that an
    /// embedding host and start-up pay only for what they use.
    public static func read(path: String) throws -> Source {
        guard let file = fopen(path, "rb") else {
            throw SourceReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw SourceReadError(path: path, reason: String(cString: strerror(errno)))
                }
                break
            }
        }
        return Source(name: path, bytes: bytes)
    }
}
