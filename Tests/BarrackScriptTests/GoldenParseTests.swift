import BarrackScript
import Foundation
import XCTest

/// Runs the golden parse suite in `Tests/scripts/parse/`.
///
/// - `ok/*.brk` must check clean. A comment `# expect tree: <s-expression>` asserts the tree (see
///   `SExpression`) of the top-level statement that starts on the next line.
/// - `errors/*.brk` carry `# expect diagnostic: LINE:COL <text>` comments; the file's diagnostics
///   must be exactly those: one at each LINE:COL whose message contains <text>, and no others. An
///   error file without expectations fails, so no file can pass by its diagnostics vanishing.
///
/// Every mismatch is reported as `path:line: expected …, got …`.
final class GoldenParseTests: XCTestCase {
    private static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/parse")

    func testValidScriptsCheckClean() throws {
        let files = try scripts(in: "ok")
        XCTAssertGreaterThanOrEqual(files.count, 15)
        for file in files {
            for problem in try problemsOfValidScript(file) { XCTFail(problem) }
        }
    }

    func testErrorScriptsReportExactlyTheirExpectedDiagnostics() throws {
        let files = try scripts(in: "errors")
        XCTAssertGreaterThanOrEqual(files.count, 15)
        for file in files {
            for problem in try problemsOfErrorScript(file) { XCTFail(problem) }
        }
    }

    // MARK: - Checking one script

    private func problemsOfValidScript(_ url: URL) throws -> [String] {
        let source = try Source.read(path: url.path)
        let path = relativePath(url)
        let (statements, found) = Parser.parse(source)
        var problems = found.map { "\(path):\($0.location.line): expected no diagnostic, got \($0.location) \($0.message)" }
        let lines = text(of: source)
        for (index, line) in lines.enumerated() {
            guard let expected = value(after: "# expect tree:", in: line) else { continue }
            let lineNumber = index + 1
            let statement = allStatements(statements).first { source.location(of: $0.range.start).line == lineNumber + 1 }
            let got = statement.map(SExpression.statement) ?? "no statement on line \(lineNumber + 1)"
            if got != expected { problems.append("\(path):\(lineNumber): expected \(expected), got \(got)") }
        }
        if lines.contains(where: { value(after: "# expect diagnostic:", in: $0) != nil }) {
            problems.append("\(path):1: expected no '# expect diagnostic:' in a valid script")
        }
        return problems
    }

    private func problemsOfErrorScript(_ url: URL) throws -> [String] {
        let source = try Source.read(path: url.path)
        let path = relativePath(url)
        var remaining = Checker.check(source)
        var problems: [String] = []
        var expectationCount = 0
        for (index, line) in text(of: source).enumerated() {
            guard let expectation = value(after: "# expect diagnostic:", in: line) else { continue }
            expectationCount += 1
            let parts = expectation.split(separator: " ", maxSplits: 1).map(String.init)
            let location = parts.first ?? ""
            let fragment = parts.count > 1 ? parts[1] : ""
            if let match = remaining.firstIndex(where: { $0.location.description == location && $0.message.contains(fragment) }) {
                remaining.remove(at: match)
            } else {
                let atLocation = remaining.filter { $0.location.description == location }.map(\.message)
                let got = atLocation.isEmpty ? "no diagnostic at \(location)" : atLocation.joined(separator: " | ")
                problems.append("\(path):\(index + 1): expected \(location) \(fragment), got \(got)")
            }
        }
        if expectationCount == 0 {
            problems.append("\(path):1: expected at least one '# expect diagnostic: LINE:COL text' line, got none")
        }
        for extra in remaining {
            problems.append("\(path):\(extra.location.line): expected no diagnostic, got \(extra.location) \(extra.message)")
        }
        return problems
    }

    // MARK: - Helpers

    /// Every statement, those inside blocks included, in source order.
    private func allStatements(_ statements: [Stmt]) -> [Stmt] {
        statements.flatMap { [$0] + allStatements(nested(in: $0)) }
    }

    private func nested(in statement: Stmt) -> [Stmt] {
        switch statement.kind {
        case .function(let function): return function.body.statements
        case .ifStatement(let branches, let elseBlock):
            return branches.flatMap(\.body.statements) + (elseBlock?.statements ?? [])
        case .whileStatement(_, let body): return body.statements
        case .forStatement(let loop), .parallelFor(let loop, _): return loop.body.statements
        case .tryStatement(let body, let catches, let cleanup):
            return body.statements + catches.flatMap(\.body.statements) + (cleanup?.statements ?? [])
        case .deferStatement(let body): return body.statements
        case .block(let body): return body.statements
        default: return []
        }
    }

    private func scripts(in folder: String) throws -> [URL] {
        let url = Self.directory.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "brk" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private func relativePath(_ url: URL) -> String {
        "Tests/scripts/parse/\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)"
    }

    private func text(of source: Source) -> [String] {
        (1...source.lineStarts.count).map(source.lineText)
    }

    /// The trimmed text after `marker` when the line holds it, else nil.
    private func value(after marker: String, in line: String) -> String? {
        guard let range = line.range(of: marker) else { return nil }
        return line[range.upperBound...].trimmingCharacters(in: .whitespaces)
    }
}
