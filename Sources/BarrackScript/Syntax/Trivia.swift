/// The comments of a script and its blank lines, handed to the source printer in source order so
/// that the formatter (`ScriptFormatter`) keeps them: the tree holds neither.
///
/// The printer asks, statement by statement, for the comments before a statement (each on a line
/// of its own), for the one comment on the line where a statement ends (kept at the end of the
/// line), and whether a blank line separated a statement or comment from what came before (one
/// blank line is kept, however many there were). A comment inside an expression that the printer
/// lays out on one line (a list written over several lines) comes out on its own line after the
/// statement: it is never dropped.
///
/// A class, because the printer of a lambda's block shares the queue with the printer of the
/// statement around it.
final class Trivia {
    private let source: Source
    private let comments: [SourceRange]
    private var next = 0
    /// Where the last thing printed ended; nil at the start of a file or block, where no blank
    /// line is kept.
    private var lastEnd: Int?

    /// The trivia of `source`.
    init(source: Source) {
        self.source = source
        self.comments = Lexer.comments(source)
    }

    /// One line a comment takes: its text, and whether a blank line comes before it.
    struct CommentLine {
        var text: String
        var blankBefore: Bool
    }

    /// Forgets what was printed last: a block or the file starts.
    func startBlock() {
        lastEnd = nil
    }

    /// The comments that start before `offset`, taken from the queue.
    func comments(before offset: Int) -> [CommentLine] {
        var lines: [CommentLine] = []
        while next < comments.count, comments[next].start < offset {
            let range = comments[next]
            lines.append(CommentLine(text: text(range), blankBefore: blankLine(before: range.start)))
            lastEnd = range.end
            next += 1
        }
        return lines
    }

    /// Notes that a statement (or an item of a list laid out one a line) ended at `offset`, and
    /// takes the comment that follows it on the same line, with only spaces, `;` or `,` between.
    func trailingComment(after offset: Int) -> String? {
        lastEnd = offset
        guard next < comments.count else { return nil }
        let range = comments[next]
        guard range.start >= offset else { return nil }
        let gap = source.bytes[offset..<range.start]
        guard gap.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") })
        else { return nil }
        next += 1
        lastEnd = range.end
        return text(range)
    }

    /// A comment's text without the spaces after it.
    private func text(_ range: SourceRange) -> String {
        var end = range.end
        while end > range.start, source.bytes[end - 1] == UInt8(ascii: " ") || source.bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return source.text(SourceRange(start: range.start, end: end))
    }

    /// The text of a string literal as written, escapes and all (`"x\0y"` stays so), or nil
    /// when `range` is not a quoted string (a map's bare key).
    func stringLiteral(at range: SourceRange) -> String? {
        let bytes = source.bytes
        guard range.end - range.start >= 2, range.end <= bytes.count,
              bytes[range.start] == UInt8(ascii: "\""), bytes[range.end - 1] == UInt8(ascii: "\"")
        else { return nil }
        return source.text(range)
    }

    /// The text of a long string (`"""`) as written, or nil when `range` holds any other string:
    /// its lines keep their place, so that its value and the closing quote's indentation stay.
    func longString(at range: SourceRange) -> String? {
        let bytes = source.bytes
        guard range.end - range.start >= 6, range.end <= bytes.count,
              bytes[range.start..<range.start + 3].allSatisfy({ $0 == UInt8(ascii: "\"") })
        else { return nil }
        return source.text(range)
    }

    /// The text of a number, duration or size literal as written (`500GB`, `1_000`, `1e-3`,
    /// `90s`), or nil when `range` holds something else (a negative literal folded from `-3`).
    func number(at range: SourceRange) -> String? {
        let bytes = source.bytes
        guard range.start < range.end, range.end <= bytes.count,
              bytes[range.start] >= UInt8(ascii: "0"), bytes[range.start] <= UInt8(ascii: "9"),
              !bytes[range.start..<range.end].contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") })
        else { return nil }
        return source.text(range)
    }

    /// Whether a comment not yet printed starts before `offset`.
    func hasComment(before offset: Int) -> Bool {
        next < comments.count && comments[next].start < offset
    }

    /// Whether the bytes between two offsets are exactly `-`.
    func isBareHyphen(from start: Int, to end: Int) -> Bool {
        end == start + 1 && end <= source.bytes.count && source.bytes[start] == UInt8(ascii: "-")
    }

    /// Whether a line ends between two offsets.
    func hasLineBreak(from start: Int, to end: Int) -> Bool {
        guard start < end, end <= source.bytes.count else { return false }
        return source.bytes[start..<end].contains(UInt8(ascii: "\n"))
    }

    /// Whether a blank line separates the last thing printed from `offset`.
    func blankLine(before offset: Int) -> Bool {
        guard let lastEnd, lastEnd <= offset else { return false }
        var newlines = 0
        var lineIsEmpty = true
        for byte in source.bytes[lastEnd..<offset] {
            switch byte {
            case UInt8(ascii: "\n"):
                if lineIsEmpty, newlines > 0 { return true }
                newlines += 1
                lineIsEmpty = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                lineIsEmpty = false
            }
        }
        return false
    }
}
