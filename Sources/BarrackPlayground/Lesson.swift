import BarrackPlaygroundAssets
import Foundation

/// A lesson: Markdown with a title, starter code and a check (`playground/lessons/*.md`).
///
/// The file's first `# ` line is the title; a ```` ```barrack starter ```` block is the code the
/// editor starts with, and a ```` ```barrack check ```` block is the script that decides "done":
/// it runs against the learner's sandbox and passes when it ends without raising.
public struct Lesson: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The Markdown shown to the learner: the whole file without its check block.
    public var markdown: String
    public var starter: String
    public var check: String

    /// Reads a lesson file; nil when it lacks a title, a starter or a check.
    public init?(id: String, markdown text: String) {
        var title: String?
        var starter: String?
        var check: String?
        var shown: [Substring] = []
        var block: (kind: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var open = block {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    let code = open.lines.joined(separator: "\n") + "\n"
                    if open.kind == "starter" { starter = code } else { check = code }
                    if open.kind == "starter" { shown.append("```"); shown.append(contentsOf: open.lines); shown.append("```") }
                    block = nil
                } else {
                    open.lines.append(line)
                    block = open
                }
                continue
            }
            let fence = line.trimmingCharacters(in: .whitespaces)
            if fence == "```barrack starter" || fence == "```barrack check" {
                block = (fence.hasSuffix("starter") ? "starter" : "check", [])
                continue
            }
            if title == nil, line.hasPrefix("# ") { title = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            shown.append(line)
        }
        guard let title, let starter, let check, block == nil ? true : false else { return nil }
        self.id = id
        self.title = title
        self.starter = starter
        self.check = check
        markdown = shown.joined(separator: "\n")
    }

    /// The lessons compiled into the binary, in teaching order.
    public static let all: [Lesson] = PlaygroundAssets.lessons.compactMap { Lesson(id: $0.id, markdown: $0.markdown) }
}
