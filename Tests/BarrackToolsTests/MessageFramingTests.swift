import BarrackJSON
import BarrackTools
import XCTest

/// The base protocol's framing: `Content-Length` headers and JSON bodies, in any pieces.
final class MessageFramingTests: XCTestCase {
    func testAMessageSplitAnywhereIsReadWhole() throws {
        let message: JSONValue = ["jsonrpc": "2.0", "id": 1, "method": "shutdown", "params": ["text": "é"]]
        let bytes = MessageFraming.frame(message) + MessageFraming.frame(["jsonrpc": "2.0", "method": "exit"])
        for split in 0...bytes.count {
            var framing = MessageFraming()
            framing.append(bytes[..<split])
            var read: [JSONValue] = []
            while let next = try framing.next() { read.append(next) }
            framing.append(bytes[split...])
            while let next = try framing.next() { read.append(next) }
            XCTAssertEqual(read.count, 2, "split at \(split)")
            XCTAssertEqual(read.first, message)
        }
    }

    func testTheHeaderMayHoldAContentTypeAndAnyCase() throws {
        var framing = MessageFraming()
        framing.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8))
        XCTAssertEqual(try framing.next(), [:])
    }

    func testABadHeaderOrBodyIsReportedAndSkipped() throws {
        var framing = MessageFraming()
        framing.append(Array("Content-Length: nine\r\n\r\n".utf8) + Array("Content-Length: 3\r\n\r\n{x}".utf8)
            + MessageFraming.frame(["ok": true]))
        XCTAssertThrowsError(try framing.next()) { XCTAssertTrue("\($0)".contains("Content-Length"), "\($0)") }
        XCTAssertThrowsError(try framing.next()) { XCTAssertTrue("\($0)".contains("not JSON"), "\($0)") }
        XCTAssertEqual(try framing.next(), ["ok": true])
        XCTAssertFalse(framing.hasPartialMessage)
    }
}
