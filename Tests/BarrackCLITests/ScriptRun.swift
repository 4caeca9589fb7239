import Foundation

/// The outcome of running the `barrack` binary once: its streams, exit status, and whether it had
/// to be stopped.
struct ScriptRun: Sendable {
    let standardOutput: String
    let standardError: String
    let status: Int32
    let timedOut: Bool
    /// The seconds it was given.
    let timeout: Double

    /// Runs `barrack run [options] <script>` from the script's folder by its bare name, so messages
    /// read `name.brk:line:col` whatever the checkout's location.
    static func execute(binary: URL, script: URL, timeout: Double, options: [String] = [],
                        environment: [String: String]? = nil) -> ScriptRun {
        execute(binary: binary, arguments: ["run"] + options + [script.lastPathComponent],
                in: script.deletingLastPathComponent(), timeout: timeout, environment: environment)
    }

    /// Runs `binary` with `arguments` in `folder`, with no standard input.
    static func execute(binary: URL, arguments: [String], in folder: URL, timeout: Double,
                        environment: [String: String]? = nil) -> ScriptRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return ScriptRun(standardOutput: "", standardError: "cannot start \(binary.path): \(error)",
                             status: -1, timedOut: false, timeout: timeout)
        }
        // Drain both pipes while the script runs: a full pipe buffer (64 KiB) would block it.
        let outputData = DataBox()
        let errorData = DataBox()
        let readers = DispatchGroup()
        for (pipe, box) in [(output, outputData), (error, errorData)] {
            DispatchQueue.global().async(group: readers) {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            }
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        readers.wait()
        // Closed now rather than whenever the handles are freed: the suite runs this hundreds of
        // times in one process (docs/RELIABILITY.md, "A crash in Foundation's …").
        try? output.fileHandleForReading.close()
        try? error.fileHandleForReading.close()
        return ScriptRun(standardOutput: String(decoding: outputData.data, as: UTF8.self),
                         standardError: String(decoding: errorData.data, as: UTF8.self),
                         status: process.terminationStatus, timedOut: timedOut, timeout: timeout)
    }
}

/// Bytes written by one reader thread and read after `DispatchGroup.wait`, which orders the two.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
