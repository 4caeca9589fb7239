import Foundation
import XCTest

/// Runs every golden script under `Tests/scripts/lang` through the built `barrack` binary.
///
/// A script states what it must do in comments: each `# expect: <line>` is the next line of
/// standard output (the whole output must be exactly those lines, in order), and
/// `# expect error: <text>` means the script exits non-zero with `<text>` in its standard error
/// (an empty `<text>` asks only for the non-zero exit).
final class GoldenScriptTests: XCTestCase {
    /// Long enough for `wait until … timeout` scripts; a hung script fails instead of hanging the suite.
    static let timeoutSeconds = 20.0
    /// Scripts are short and mostly start-up bound, so four at a time keeps 2 cores busy.
    static let concurrentScripts = 4

    func testEveryGoldenScript() throws {
        let scripts = try GoldenScript.all(under: Self.scriptsFolder)
        XCTAssertGreaterThan(scripts.count, 0, "no golden scripts under \(Self.scriptsFolder.path)")
        let binary = Self.productsDirectory.appendingPathComponent("barrack")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("build the barrack executable first: \(binary.path) is missing")
            return
        }

        let results = ResultBox(count: scripts.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = Self.concurrentScripts
        for (index, script) in scripts.enumerated() {
            queue.addOperation {
                let run = ScriptRun.execute(binary: binary, script: script.url, timeout: Self.timeoutSeconds)
                results.set(index, script.failures(for: run))
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        for failure in results.all.joined() {
            XCTFail(failure)
        }
    }

    static var scriptsFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/lang")
    }

    /// The folder of the build products: the executable sits beside the test bundle.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent()
        #else
        return Bundle.main.bundleURL
        #endif
    }
}

/// One script's expectations, read from its comments.
struct GoldenScript: Sendable {
    struct Expectation: Sendable {
        let line: Int
        let text: String
    }

    let url: URL
    let name: String
    let output: [Expectation]
    let error: Expectation?

    static func all(under folder: URL) throws -> [GoldenScript] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        let urls = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "brk" }
        let base = folder.deletingLastPathComponent().path
        return try urls.sorted { $0.path < $1.path }.map { url in
            var name = url.path
            if name.hasPrefix(base) { name = "scripts" + name.dropFirst(base.count) }
            return try GoldenScript(url: url, name: name)
        }
    }

    init(url: URL, name: String) throws {
        self.url = url
        self.name = name
        var output: [Expectation] = []
        var error: Expectation?
        let text = try String(contentsOf: url, encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let expected = Self.text(after: "# expect error:", in: line) {
                error = Expectation(line: index + 1, text: expected)
            } else if let expected = Self.text(after: "# expect:", in: line) {
                output.append(Expectation(line: index + 1, text: expected))
            }
        }
        self.output = output
        self.error = error
    }

    /// The text after `marker` without the one space that follows it (`# expect: ` alone expects "").
    private static func text(after marker: String, in line: Substring) -> String? {
        guard let range = line.range(of: marker) else { return nil }
        var rest = line[range.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }

    /// Every way `run` differs from the expectations, as `file:line: expected …, got …`.
    func failures(for run: ScriptRun) -> [String] {
        if run.timedOut {
            return ["\(name):1: expected the script to finish, got no end after \(GoldenScriptTests.timeoutSeconds) s"]
        }
        if output.isEmpty && error == nil {
            return ["\(name):1: expected at least one `# expect:` or `# expect error:` comment, got none"]
        }
        var failures: [String] = []
        var got = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if got.last == "" { got.removeLast() }
        for (index, expectation) in output.enumerated() {
            guard index < got.count else {
                failures.append("\(name):\(expectation.line): expected \(quoted(expectation.text)), got end of output"
                                + stderrNote(run))
                break
            }
            if got[index] != expectation.text {
                failures.append("\(name):\(expectation.line): expected \(quoted(expectation.text)), got \(quoted(got[index]))"
                                + stderrNote(run))
            }
        }
        if got.count > output.count {
            let line = output.last?.line ?? 1
            let more = got.count - output.count - 1
            failures.append("\(name):\(line): expected no more output, got \(quoted(got[output.count]))"
                            + (more > 0 ? " and \(more) more line(s)" : ""))
        }
        if let error {
            if run.status == 0 {
                failures.append("\(name):\(error.line): expected error \(quoted(error.text)), got exit status 0")
            } else if !error.text.isEmpty && !run.standardError.contains(error.text) {
                failures.append("\(name):\(error.line): expected error \(quoted(error.text)), got \(quoted(run.standardError))")
            }
        } else if run.status != 0 {
            failures.append("\(name):1: expected exit status 0, got \(run.status) with \(quoted(run.standardError))")
        }
        return failures
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func stderrNote(_ run: ScriptRun) -> String {
        run.standardError.isEmpty ? "" : " (stderr: \(quoted(run.standardError)))"
    }
}

/// The outcome of running one script: its streams, exit status, and whether it had to be stopped.
struct ScriptRun: Sendable {
    let standardOutput: String
    let standardError: String
    let status: Int32
    let timedOut: Bool

    static func execute(binary: URL, script: URL, timeout: Double) -> ScriptRun {
        let process = Process()
        process.executableURL = binary
        // Run from the script's folder by its bare name, so messages read `name.brk:line:col`
        // whatever the checkout's location.
        process.arguments = ["run", script.lastPathComponent]
        process.currentDirectoryURL = script.deletingLastPathComponent()
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
                             status: -1, timedOut: false)
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
        return ScriptRun(standardOutput: String(decoding: outputData.data, as: UTF8.self),
                         standardError: String(decoding: errorData.data, as: UTF8.self),
                         status: process.terminationStatus, timedOut: timedOut)
    }
}

/// Bytes written by one reader thread and read after `DispatchGroup.wait`, which orders the two.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Per-script failures, filled in from concurrent operations.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [[String]]

    init(count: Int) {
        results = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ failures: [String]) {
        lock.withLock { results[index] = failures }
    }

    var all: [[String]] {
        lock.withLock { results }
    }
}
