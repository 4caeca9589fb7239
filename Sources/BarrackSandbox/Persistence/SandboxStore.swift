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
/// folder), so a crash leaves the old state or the new one, never half of one; the temporary file
/// of a killed writer is removed by the next transaction. A damaged file is moved aside under a
/// name no other damaged file has, and reported, never silently replaced. `sandbox.lock` is
/// `flock`ed for each transaction only.
public struct SandboxStore: SandboxStateStore {
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

    /// Takes the lock against a second process, waiting up to `wait` seconds.
    func lock(wait: TimeInterval = 0) throws(SandboxStoreError) -> FileLock {
        try createDirectory()
        return try FileLock(url: lockURL, wait: wait)
    }

    func exclusively<T>(wait: TimeInterval, _ body: () throws -> T) throws -> T {
        let held = try lock(wait: wait)
        defer { held.unlock() }
        removeStaleTemporaries()
        return try body()
    }

    func version() -> StateVersion? {
        (try? Data(contentsOf: fileURL)).map(StateVersion.init)
    }

    /// The temporary file a writer uses: one per process, removed once renamed.
    private var temporaryURL: URL { directory.appendingPathComponent(".\(Self.fileName).\(getpid()).tmp") }

    /// Removes the temporary files of writers that died before their rename (`kill -9` in the
    /// middle of a save). Called holding the lock, while no other writer can be at work.
    func removeStaleTemporaries() {
        let prefix = ".\(Self.fileName)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// The saved state, or `nil` when there is none yet.
    ///
    /// A file that cannot be decoded is renamed to `sandbox.json.corrupt-<time>` and reported with
    /// `SandboxStoreError.corrupt`.
    func load() throws(SandboxStoreError) -> SandboxState? {
        try load(now: Date())
    }

    /// `load()`, naming a damaged file's copy after `now`.
    func load(now: Date) throws(SandboxStoreError) -> SandboxState? {
        let path = fileURL.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        switch Self.decode(data, path: path) {
        case .success(let state):
            return state
        case .failure(let error):
            guard case .io(_, let reason) = error else { throw error }
            let aside = try moveAside(reason: reason, now: now)
            throw .corrupt(path: path, movedTo: aside.path, reason: reason)
        }
    }

    /// A saved state's bytes decoded, or what is wrong with them: `.newerFormat`, or `.io` whose
    /// reason says how the bytes are damaged.
    static func decode(_ data: Data, path: String) -> Result<SandboxState, SandboxStoreError> {
        let reason: String
        do {
            let header = try JSONDecoder().decode(FormatHeader.self, from: data)
            guard header.format <= SandboxState.currentFormat else {
                return .failure(.newerFormat(path: path, format: header.format))
            }
            return .success(try decoder.decode(SandboxState.self, from: data))
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
        return .failure(.io(path: path, reason: reason))
    }

    /// Moves the damaged state file to `sandbox.json.corrupt-<UTC time>`, adding `-2`, `-3`, … when
    /// that name is taken: several damages in one second each keep their own copy. `link` refuses
    /// an existing name, where `rename` would replace it.
    private func moveAside(reason: String, now: Date) throws(SandboxStoreError) -> URL {
        let path = fileURL.path
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: now)
        for index in 1...10_000 {
            let aside = directory.appendingPathComponent(
                "\(Self.fileName).corrupt-\(stamp)" + (index == 1 ? "" : "-\(index)"))
            if link(path, aside.path) == 0 {
                unlink(path)
                return aside
            }
            guard errno == EEXIST else { break }
        }
        throw .io(path: path, reason: "it is damaged (\(reason)) and could not be moved aside: "
                  + String(cString: strerror(errno)))
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
        let temporary = temporaryURL
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
