import Foundation

/// A `barrack sandbox serve --port 0 --speed 0` of its own (or another server command: `barrack
/// playground serve`), with its own data folder, for one test; its base URL comes from the first
/// line it prints.
final class SandboxServerProcess: @unchecked Sendable {
    /// `http://127.0.0.1:PORT`, as `--api-url` takes it.
    let baseURL: String
    private let process: Process
    private let home: SandboxEnvironment

    /// Starts the server and waits up to `timeout` seconds for its address; with `environment`
    /// and `folder`, in that home rather than a fresh one; `extraVariables` are added to either.
    /// `command` is the server's subcommand and its fixed options; `suffix` ends the URL it prints.
    init(binary: URL, options: [String], timeout: Double, environment: [String: String]? = nil,
         folder: URL? = nil, extraVariables: [String: String] = [:],
         command: [String] = ["sandbox", "serve", "--port", "0", "--speed", "0"], suffix: String = "/api/") throws {
        home = try SandboxEnvironment()
        process = Process()
        process.executableURL = binary
        process.arguments = command + options
        process.environment = (environment ?? home.variables()).merging(extraVariables) { _, extra in extra }
        process.currentDirectoryURL = folder ?? home.folder
        process.standardInput = FileHandle.nullDevice
        // One line per request goes to standard error: a file never fills up and blocks the server.
        let log = home.folder.appendingPathComponent("server.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw ServerStartError(description: "cannot create \(log.path)")
        }
        process.standardError = try FileHandle(forWritingTo: log)
        let output = Pipe()
        process.standardOutput = output
        try process.run()

        let firstLine = FirstLine()
        let read = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data += chunk
            }
            firstLine.text = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
            read.signal()
        }
        guard read.wait(timeout: .now() + timeout) == .success, let url = firstLine.text,
              url.hasPrefix("http://"), url.hasSuffix(suffix) else {
            process.terminate()
            process.waitUntilExit()
            let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServerStartError(description: "barrack \(command.prefix(2).joined(separator: " ")) printed no address within \(timeout) s: \(logText)")
        }
        baseURL = String(url.dropLast(suffix.count))
    }

    /// The server's own environment: `barrack sandbox …` commands run with it change the
    /// server's sandbox (it rereads a state another process saved).
    var environment: [String: String] { home.variables() }

    /// What the server has logged so far (one line per request).
    var log: String {
        (try? String(contentsOf: home.folder.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    /// Stops the server (SIGTERM, which it handles by saving and leaving) and waits for it;
    /// returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        // The test process runs hundreds of servers and scripts: every descriptor left open here
        // stays open until the suite ends (docs/RELIABILITY.md, "A crash in Foundation's …").
        try? (process.standardOutput as? Pipe)?.fileHandleForReading.close()
        try? (process.standardError as? FileHandle)?.close()
        return process.terminationStatus
    }

    deinit {
        stop()
    }

    private final class FirstLine: @unchecked Sendable {
        var text: String?
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    let description: String
}
