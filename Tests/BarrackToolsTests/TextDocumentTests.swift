import BarrackTools
import XCTest

/// Positions in UTF-16 units and incremental edits of a document's text.
final class TextDocumentTests: XCTestCase {
    func testPositionsCountUTF16Units() {
        let document = TextDocument(uri: "file:///a.brk", version: 1, text: "let é = \"🚀x\"\nprint(1)\n")
        let x = document.bytes.firstIndex(of: UInt8(ascii: "x")) ?? 0
        XCTAssertEqual(document.position(of: x), TextPosition(line: 0, character: 11))
        XCTAssertEqual(document.offset(of: TextPosition(line: 0, character: 11)), x)
        XCTAssertEqual(document.offset(of: TextPosition(line: 1, character: 5)), document.bytes.count - 4)
    }

    func testPositionsPastTheEndAreClamped() {
        let document = TextDocument(uri: "file:///a.brk", version: 1, text: "ab\ncd")
        XCTAssertEqual(document.offset(of: TextPosition(line: 0, character: 99)), 2)
        XCTAssertEqual(document.offset(of: TextPosition(line: 9, character: 0)), 5)
        XCTAssertEqual(document.offset(of: TextPosition(line: -1, character: 0)), 0)
    }

    func testEditsReplaceInsertAndDelete() {
        var document = TextDocument(uri: "file:///a.brk", version: 1, text: "let a = 1\nprint(a)\n")
        document.replace(from: TextPosition(line: 0, character: 4), to: TextPosition(line: 0, character: 5), with: "bb", version: 2)
        document.replace(from: TextPosition(line: 1, character: 6), to: TextPosition(line: 1, character: 7), with: "bb", version: 3)
        document.replace(from: TextPosition(line: 2, character: 0), to: TextPosition(line: 2, character: 0), with: "x\ny", version: 4)
        XCTAssertEqual(document.text, "let bb = 1\nprint(bb)\nx\ny")
        document.replace(from: TextPosition(line: 1, character: 9), to: TextPosition(line: 3, character: 1), with: "", version: 5)
        XCTAssertEqual(document.text, "let bb = 1\nprint(bb)")
        document.replace(from: TextPosition(line: 0, character: 3), to: TextPosition(line: 0, character: 0), with: "!", version: 6)
        XCTAssertEqual(document.text, "let! bb = 1\nprint(bb)")
        XCTAssertEqual(document.version, 6)
    }
}
