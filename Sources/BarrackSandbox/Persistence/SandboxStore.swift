#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where the sandbox keeps its state, and how it reads and writes it.
///
/// The state lives in `sandbox.json` of the data folder: `$XDG_DATA_HOME/barrack/`, else
/// `~/.local/share/barrack/`. Writes are atomic (a temporary file, fsync, rename, fsync of the
/// folder), so a crash leaves the old state or the new one, never half of one. A damaged file is
/// moved aside and reported, never silently replaced.
public struct SandboxStore: Sendable {
    public static let fileName = "sandbox.json"
    static let lockName = "sandbox.lock"

    /// The data folder.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The default data folder for `environment`: `$XDG_DATA_HOME/barrack`, else
    /// `$HOME/.local/share/barrack`; `nil` when neither variable is set.
    public static func defaultDirectory(environment: [String: String]) -> URL? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("barrack")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/barrack")
    }

    public var fileURL: URL { directory.appendingPathComponent(Self.fileName) }
    var lockURL: URL { directory.appendingPathComponent(Self.lockName) }

    func createDirectory() throws(SandboxStoreError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Takes the lock against a second process.
    func lock() throws(SandboxStoreError) -> FileLock {
        try createDirectory()
        return try FileLock(url: lockURL)
    }

    /// The saved state, or `nil` when there is none yet.
    ///
    /// A file that cannot be decoded is renamed to `sandbox.json.corrupt-<time>` and reported with
    /// `SandboxStoreError.corrupt`.
    func load(now: Date = Date()) throws(SandboxStoreError) -> SandboxState? {
        let path = fileURL.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        let reason: String
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format <= SandboxState.currentFormat else {
                throw SandboxStoreError.newerFormat(path: path, format: header.format)
            }
            return try Self.decoder.decode(SandboxState.self, from: data)
        } catch let error as SandboxStoreError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            reason = "not valid JSON: " + context.debugDescription
        } catch let DecodingError.keyNotFound(key, _) {
            reason = "the member '\(key.stringValue)' is missing"
        } catch let DecodingError.typeMismatch(_, context) {
            reason = "a value has the wrong type at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        } catch let DecodingError.valueNotFound(_, context) {
            reason = "a value is missing at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        } catch {
            reason = "\(error)"
        }
        let stamp = Int(now.timeIntervalSince1970)
        let aside = directory.appendingPathComponent("\(Self.fileName).corrupt-\(stamp)")
        guard rename(path, aside.path) == 0 else {
            throw .io(path: path, reason: "it is damaged (\(reason)) and could not be moved aside: "
                      + String(cString: strerror(errno)))
        }
        throw .corrupt(path: path, movedTo: aside.path, reason: reason)
    }

    /// Writes `state` atomically: temporary file, fsync, rename over the old file, fsync the folder.
    func save(_ state: SandboxState) throws(SandboxStoreError) {
        try createDirectory()
        let data: Data
        do {
            data = try Self.encoder.encode(state)
        } catch {
            throw .io(path: fileURL.path, reason: "cannot encode the state: \(error)")
        }
        let temporary = directory.appendingPathComponent(".\(Self.fileName).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(path: temporary.path, reason: String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let count = write(fd, base + offset, buffer.count - offset)
                if count <= 0 { return offset }
                offset += count
            }
            return offset
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced else {
            unlink(temporary.path)
            throw .io(path: temporary.path, reason: "the write did not complete: " + String(cString: strerror(errno)))
        }
        guard rename(temporary.path, fileURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .io(path: fileURL.path, reason: reason)
        }
        let folder = open(directory.path, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes the saved state (`barrack sandbox reset`).
    func remove() throws(SandboxStoreError) {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return }
        guard unlink(fileURL.path) == 0 else { throw .io(path: fileURL.path, reason: String(cString: strerror(errno))) }
    }

    private struct FormatHeader: Decodable {
        var format: Int
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Seconds keep the sub-second instants of the simulated clock that ISO-8601 text would round.
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}
