import Foundation

/// A `barrack sandbox serve` whose every answer comes `latency` late, for REPL tests of what the
/// prompt does while completion waits on the network.
final class SlowSandboxServer {
    /// `http://127.0.0.1:PORT`, as `BARRACK_API_URL` takes it.
    let baseURL: String
    private let process = Process()

    /// Starts the server with its data under `home` and waits for the address it prints.
    init(latency: String, home: String) throws {
        process.executableURL = URL(fileURLWithPath: try TerminalSession.barrackPath())
        process.arguments = ["sandbox", "serve", "--port", "0", "--speed", "0", "--faults", "latency=\(latency)"]
        process.environment = ["HOME": home, "XDG_DATA_HOME": home + "/server-data", "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var data = Data()
        let deadline = Date().addingTimeInterval(TerminalSession.timeoutSeconds)
        while !data.contains(UInt8(ascii: "\n")), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("http://"), line.hasSuffix("/api/") else {
            process.terminate()
            throw TerminalSession.Failure(description: "barrack sandbox serve printed no address: \(line)")
        }
        baseURL = String(line.dropLast("/api/".count))
    }

    /// Stops the server and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
