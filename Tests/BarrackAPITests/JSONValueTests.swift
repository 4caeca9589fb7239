import BarrackAPI
import Foundation
import XCTest

final class JSONValueTests: XCTestCase {
    func testParsingKeepsOrderTypesAndEscapes() throws {
        let value = try JSONValue(parsing: #"{"b": [1, 2.5, -3e2, true, null], "a": "\u00e9\n\ud83d\ude00\"", "c": {}}"#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(value["b"], [1, 2.5, -300.0, true, nil])
        XCTAssertEqual(value["b"]?[0], .int(1))
        XCTAssertEqual(value["a"]?.stringValue, "é\n😀\"")
        XCTAssertEqual(value.serialized(), #"{"b":[1,2.5,-300.0,true,null],"a":"é\n😀\"","c":{}}"#)
        XCTAssertEqual(try JSONValue(parsing: value.serialized(pretty: true)), value)
    }

    func testErrorsNameLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\n  \"a\": 1,\n  \"b\" 2\n}", "line 3, column 7: expected ':' after the key \"b\""),
            ("[1, 2", "line 1, column 6: expected ',' or ']' in an array"),
            ("01", "line 1, column 2: a number must not start with a leading zero"),
            ("\"tab\there\"", "line 1, column 5: a control character must be escaped"),
            ("{} x", "line 1, column 4: unexpected text after the JSON value"),
            ("", "unexpected end of input"),
            (String(repeating: "[", count: 600), "nesting deeper than 512 levels"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try JSONValue(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "expected '\(expected)' in: \(error)")
            }
        }
    }

    func testEqualityIgnoresKeyOrderAndNumberForm() {
        XCTAssertEqual(["a": 1, "b": 2] as JSONValue, ["b": 2.0, "a": 1])
        XCTAssertNotEqual(["a": 1] as JSONValue, ["a": 1, "b": 2])
        XCTAssertNotEqual(JSONValue.string("1"), .int(1))
    }

    func testCodableRoundTrip() throws {
        let value: JSONValue = ["n": nil, "list": [1, "two", false], "x": 1.5]
        let back = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        XCTAssertEqual(back, value)
        XCTAssertEqual(back.objectValue?.keys, ["list", "n", "x"], "Decodable sorts keys to stay deterministic")
    }

    /// Issue 29: the sandbox took `{"name": "a", "name": "b"}` as `"b"`; the strict parse refuses
    /// it at the second key, at any depth, and the ordinary parse still keeps the last.
    func testTheStrictParseRefusesADuplicateKey() throws {
        let text = #"{"a": 1, "b": {"c": 2, "c": 3}}"#
        XCTAssertThrowsError(try JSONValue(parsingRejectingDuplicateKeys: Array(text.utf8))) { error in
            let parseError = error as? JSONParseError
            XCTAssertEqual(parseError?.message, #"the key "c" appears twice in one object"#)
            XCTAssertEqual(parseError?.column, 24)
        }
        XCTAssertEqual(try JSONValue(parsing: text)["b"]?["c"], 3)
        XCTAssertEqual(try JSONValue(parsingRejectingDuplicateKeys: Array(#"{"a": {"a": 1}, "b": [{"a": 2}]}"#.utf8))["a"]?["a"], 1)
    }
}
