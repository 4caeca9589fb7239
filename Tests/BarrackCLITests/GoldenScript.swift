import Foundation

/// One script's expectations, read from its comments.
///
/// Each `# expect: <line>` is the next line of standard output (the whole output must be exactly
/// those lines, in order); `# expect error: <text>` means the script exits non-zero with `<text>`
/// in its standard error (an empty `<text>` asks only for the non-zero exit). A platform script
/// run over HTTP may also say `# server: <options>`: extra options for its `barrack sandbox serve`.
struct GoldenScript: Sendable {
    struct Expectation: Sendable {
        let line: Int
        let text: String
    }

    let url: URL
    /// The path from the `scripts` folder (`scripts/lang/…`), as failures name it.
    let name: String
    let output: [Expectation]
    let error: Expectation?
    /// Options for the sandbox server that serves this script over HTTP.
    let serverOptions: [String]
    /// The script without its comments, to ask what it calls.
    let code: String

    /// Every `.brk` file under `folder`, sorted by path.
    static func all(under folder: URL) throws -> [GoldenScript] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        let urls = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "brk" }
        let base = TestPaths.scripts.deletingLastPathComponent().path
        return try urls.sorted { $0.path < $1.path }.map { url in
            var name = url.path
            if name.hasPrefix(base) { name = String(name.dropFirst(base.count + 1)) }
            return try GoldenScript(url: url, name: name)
        }
    }

    init(url: URL, name: String) throws {
        self.url = url
        self.name = name
        var output: [Expectation] = []
        var error: Expectation?
        var serverOptions: [String] = []
        var code: [Substring] = []
        let text = try String(contentsOf: url, encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let expected = Self.text(after: "# expect error:", in: line) {
                error = Expectation(line: index + 1, text: expected)
            } else if let expected = Self.text(after: "# expect:", in: line) {
                output.append(Expectation(line: index + 1, text: expected))
            } else if let options = Self.text(after: "# server:", in: line) {
                serverOptions += options.split(separator: " ").map(String.init)
            }
            // Only whole-line comments and trailing expectations are dropped: a `#` may sit in a string.
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            code.append(line.range(of: "# expect").map { line[..<$0.lowerBound] } ?? line)
        }
        self.output = output
        self.error = error
        self.serverOptions = serverOptions
        self.code = code.joined(separator: "\n")
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
            return ["\(name):1: expected the script to finish, got no end after \(run.timeout) s"
                    + stderrNote(run)]
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
