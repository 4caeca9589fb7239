#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `barrack` binary on a pseudo-terminal, driven as a person at a keyboard would: keys
/// go in through the terminal, so Ctrl-C is the terminal's SIGINT and readline sees a real tty.
///
/// The output is kept with escape sequences and carriage returns removed, so expectations read as
/// the screen does.
final class TerminalSession {
    /// The keys for Ctrl-C, Ctrl-D, Ctrl-R, Tab, Enter and Up.
    static let interrupt = "\u{03}", endOfInput = "\u{04}", reverseSearch = "\u{12}"
    static let tab = "\t", enter = "\r", up = "\u{1B}[A"

    /// How long an expectation waits: generous, since two cores are shared with other builds.
    static let timeoutSeconds = 20.0

    private let master: Int32
    private let process: pid_t
    private var raw: [UInt8] = []
    private var exitStatus: Int32?
    /// Where the next `expect` starts looking in `output`.
    private var searchStart: String.Index

    /// Everything the session printed, as text.
    private(set) var output = ""

    /// Everything the session printed, escape sequences included.
    var rawOutput: String { String(decoding: raw, as: UTF8.self) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `barrack` with `arguments` on a new terminal of 100 × 30 with `environment`;
    /// standard error goes to the file `standardError` when given, else to the terminal.
    init(arguments: [String] = [], environment: [String: String], columns: UInt16 = 100,
         standardError: String? = nil) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 4_096)
        var size = winsize(ws_row: 30, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, &name, nil, &size) == 0 else { throw Failure(description: "openpty failed") }
        defer { close(slave) }
        self.master = master

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session whose controlling terminal is the pseudo-terminal, with every signal
        // unblocked and SIGINT at its default, whatever the test runner inherited.
        let newSession: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import.
        posix_spawnattr_setflags(&attributes, Int16(newSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interruptSignal = sigset_t()
        sigemptyset(&interruptSignal)
        sigaddset(&interruptSignal, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interruptSignal)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        if let standardError {
            posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        }

        let executable = try TerminalSession.barrackPath()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var process: pid_t = 0
        let status = posix_spawn(&process, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.process = process
        searchStart = output.startIndex
    }

    deinit {
        if exitStatus == nil {
            kill(process, SIGKILL)
            var status: Int32 = 0
            waitpid(process, &status, 0)
        }
        close(master)
    }

    /// An environment with a private home and state folder, no user readline configuration, no
    /// colours and no API key.
    static func environment(home: String) -> [String: String] {
        ["HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "INPUTRC": "/dev/null",
         "NO_COLOR": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
    }

    /// Types `keys`.
    func send(_ keys: String) {
        var bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Waits until `text` appears after what earlier expectations matched, and moves past it;
    /// the output since the last expectation up to and including `text`.
    @discardableResult
    func expect(_ text: String) throws -> String {
        let deadline = TerminalSession.now() + TerminalSession.timeoutSeconds
        while true {
            if let found = output[searchStart...].range(of: text) {
                let seen = String(output[searchStart..<found.upperBound])
                searchStart = found.upperBound
                return seen
            }
            guard TerminalSession.now() < deadline, pump(milliseconds: 50) || exitStatus == nil else {
                throw Failure(description: "expected \(text.debugDescription) after:\n\(output[searchStart...])")
            }
        }
    }

    /// Waits for the process to end; its exit status.
    func waitForExit() throws -> Int32 {
        let deadline = TerminalSession.now() + TerminalSession.timeoutSeconds
        while exitStatus == nil {
            _ = pump(milliseconds: 50)
            guard TerminalSession.now() < deadline else { throw Failure(description: "barrack did not exit:\n\(output)") }
        }
        return exitStatus ?? -1
    }

    /// Reads what is there (waiting up to `milliseconds`) and notes an exit; whether the process
    /// may still produce output.
    private func pump(milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, milliseconds) > 0 {
            var chunk = [UInt8](repeating: 0, count: 4_096)
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                raw.append(contentsOf: chunk[0..<count])
                let offset = output.distance(from: output.startIndex, to: searchStart)
                output = TerminalSession.screenText(raw)
                searchStart = output.index(output.startIndex, offsetBy: min(offset, output.count))
            }
        }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(process, &status, WNOHANG) == process {
                exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return exitStatus == nil
    }

    /// The bytes without escape sequences, carriage returns and bells.
    static func screenText(_ bytes: [UInt8]) -> String {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, index + 1 < bytes.count {
                index += 1
                if bytes[index] == UInt8(ascii: "[") {
                    index += 1
                    while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
                }
                index += 1
                continue
            }
            if byte != UInt8(ascii: "\r"), byte != 0x07 { kept.append(byte) }
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The `barrack` executable beside this test binary.
    static func barrackPath() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4_096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw Failure(description: "cannot find the test binary") }
        let testBinary = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var folder = testBinary
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            let candidate = folder + "/barrack"
            if access(candidate, X_OK) == 0 { return candidate }
            if folder.hasSuffix("/.build") || folder.isEmpty { break }
        }
        throw Failure(description: "no barrack executable near \(testBinary)")
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> String {
        var template = Array("/tmp/barrack-repl-XXXXXX".utf8CString)
        guard let path = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed") }
        return String(cString: path)
    }
}
