import BarrackPlatform
import BarrackScript
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's persistent history: one entered statement per line of a file the user alone can
/// read. A statement typed over several lines is one entry, so that Up brings it back whole; in
/// the file it is one line that starts with the byte 0x1E, its line breaks written `\n` and its
/// backslashes `\\` (one-line entries are written as they are, so older files still read).
///
/// It lives in `$XDG_STATE_HOME/barrack/history` (else `~/.local/state/barrack/history`), with
/// mode 0600 in a folder of mode 0700. Blank lines, a line equal to the one before and lines that
/// `SecretFilter` flags are not recorded. Each recorded line is appended at once, so a session that
/// dies keeps what was typed; the file is rewritten with the newest `capacity` lines when it grows
/// beyond that. With no file (no home folder) the same rules keep the session's history alone.
struct HistoryFile {
    /// How many lines the file keeps: enough for weeks of sessions, and a file of tens of
    /// kilobytes that loads in well under a millisecond.
    static let defaultCapacity = 1_000

    /// Where the file is; nil to keep no file.
    let path: String?
    /// The most lines kept.
    let capacity: Int
    /// What may not be recorded.
    let filter: SecretFilter
    /// The lines, oldest first.
    private(set) var entries: [String] = []

    /// The history file's path for an environment, or nil when neither `XDG_STATE_HOME` nor `HOME`
    /// is set.
    static func defaultPath(environment: [String: String]) -> String? {
        StateDirectory.path(environment: environment).map { $0 + "/history" }
    }

    /// Loads the history at `path` (none yet is an empty history), dropping what is beyond
    /// `capacity`.
    init(path: String?, capacity: Int = HistoryFile.defaultCapacity, filter: SecretFilter) {
        self.path = path
        self.capacity = capacity
        self.filter = filter
        guard let path, let bytes = try? Source.read(path: path).bytes else { return }
        entries = bytes.split(separator: UInt8(ascii: "\n")).map { HistoryFile.decode(String(decoding: $0, as: UTF8.self)) }
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
            rewrite()
        }
    }

    /// Records a statement the user entered, its lines joined by line breaks; whether it was
    /// recorded (and so belongs in the line editor's history too). The statement is checked for
    /// secrets as a whole: in `let token =` ⏎ `"…"` the second line gives the secret away only
    /// with the first.
    @discardableResult
    mutating func record(_ entry: String) -> Bool {
        guard shouldRecord(entry) else { return false }
        entries.append(entry)
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
            rewrite()
        } else {
            append(HistoryFile.encode(entry))
        }
        return true
    }

    /// Whether `entry` would be recorded: not blank, not the same as the last one, not a secret.
    func shouldRecord(_ entry: String) -> Bool {
        guard entry.contains(where: { !$0.isWhitespace }), !entry.contains(HistoryFile.multiLineMark) else { return false }
        if entries.last == entry { return false }
        return !filter.isSecret(entry)
    }

    /// The first character of a multi-line entry's line in the file (ASCII RS, which no one types).
    static let multiLineMark: Character = "\u{1E}"

    /// An entry as one line of the file.
    static func encode(_ entry: String) -> String {
        guard entry.contains("\n") else { return entry }
        var line = String(multiLineMark)
        for character in entry {
            switch character {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            default: line.append(character)
            }
        }
        return line
    }

    /// The entry a line of the file holds.
    static func decode(_ line: String) -> String {
        guard line.first == multiLineMark else { return line }
        var entry = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                entry.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                entry.append(character)
            }
        }
        return entry
    }

    // MARK: - Files

    private func append(_ line: String) {
        guard let path, makeFolder(path) else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // The file may predate this session with a looser mode: the history is the user's alone.
        fchmod(descriptor, 0o600)
        Terminal(descriptor: descriptor).write(line + "\n")
    }

    /// Replaces the file with the current entries, through a temporary file and a rename so that
    /// a crash leaves the old file or the new one, never half of one.
    private func rewrite() {
        guard let path, makeFolder(path) else { return }
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        fchmod(descriptor, 0o600)
        let text = entries.map { HistoryFile.encode($0) + "\n" }.joined()
        Terminal(descriptor: descriptor).write(text)
        let complete = lseek(descriptor, 0, SEEK_CUR) == text.utf8.count
        close(descriptor)
        if !complete || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Creates the folders above the file, the last one private (mode 0700).
    private func makeFolder(_ path: String) -> Bool {
        var folder = ""
        let parts = path.split(separator: "/").dropLast()
        for (index, part) in parts.enumerated() {
            folder += "/" + part
            let mode: mode_t = index == parts.count - 1 ? 0o700 : 0o755
            if mkdir(folder, mode) != 0, errno != EEXIST { return false }
        }
        return true
    }
}
