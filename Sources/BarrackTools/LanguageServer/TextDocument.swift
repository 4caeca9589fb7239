import BarrackScript

/// A place in a document as the Language Server Protocol gives it: a 0-based line and a 0-based
/// character offset on that line, in UTF-16 code units (the protocol's default encoding).
public struct TextPosition: Equatable, Sendable {
    /// The 0-based line.
    public var line: Int
    /// The 0-based offset on the line, in UTF-16 code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// The text of a document open in the editor, kept as UTF-8 bytes and edited in place by the
/// client's changes (full or incremental, `textDocument/didChange`).
///
/// Positions outside the text are clamped: a client that sends a line past the end, or a
/// character past a line's end, edits at the end of the text or of that line (the protocol asks
/// servers to be lenient, and a half-synchronised client must not crash the server).
///
///     var document = TextDocument(uri: "file:///a.brk", version: 1, text: "let a = 1\n")
///     document.replace(from: TextPosition(line: 0, character: 4), to: TextPosition(line: 0, character: 5),
///                      with: "b", version: 2)
///     document.text  // "let b = 1\n"
public struct TextDocument: Sendable {
    /// The document's URI, as the client names it.
    public let uri: String
    /// The version the client gave with the last change.
    public private(set) var version: Int
    /// The UTF-8 text.
    public private(set) var bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    private var lineStarts: [Int]

    /// A document with its first text.
    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.bytes = Array(text.utf8)
        self.lineStarts = TextDocument.lineStarts(of: bytes)
    }

    /// The text as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces the whole text.
    public mutating func replaceAll(with text: String, version: Int) {
        self.version = version
        bytes = Array(text.utf8)
        lineStarts = TextDocument.lineStarts(of: bytes)
    }

    /// Replaces the text between two positions; an end before the start replaces nothing and
    /// inserts at the start.
    public mutating func replace(from start: TextPosition, to end: TextPosition, with text: String, version: Int) {
        self.version = version
        let startOffset = offset(of: start)
        let endOffset = max(startOffset, offset(of: end))
        bytes.replaceSubrange(startOffset..<endOffset, with: Array(text.utf8))
        lineStarts = TextDocument.lineStarts(of: bytes)
    }

    /// The byte offset of a position.
    public func offset(of position: TextPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let lineEnd = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : bytes.count
        var offset = lineStarts[position.line]
        var units = 0
        while offset < lineEnd, units < position.character {
            let length = TextDocument.sequenceLength(bytes[offset])
            units += length == 4 ? 2 : 1
            offset = min(lineEnd, offset + length)
        }
        return offset
    }

    /// The position of a byte offset.
    public func position(of offset: Int) -> TextPosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var index = lineStarts[low]
        var units = 0
        while index < clamped {
            let length = TextDocument.sequenceLength(bytes[index])
            units += length == 4 ? 2 : 1
            index += length
        }
        return TextPosition(line: low, character: units)
    }

    /// How many bytes the UTF-8 sequence that starts with `byte` has (1 for a stray byte).
    private static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        Source(name: "", bytes: bytes).lineStarts
    }
}
