import BarrackJSON
import BarrackScript

/// Reading the parameters of a request and writing the protocol's shapes (positions, ranges,
/// locations) from and to JSON.
extension JSONValue {
    /// The string member `key`, or an invalid-parameters error naming it.
    func string(_ key: String) throws(ResponseError) -> String {
        guard let value = self[key]?.stringValue else { throw .invalidParameters("'\(key)' must be a string") }
        return value
    }

    /// The object member `key`, or an invalid-parameters error naming it.
    func object(_ key: String) throws(ResponseError) -> JSONValue {
        guard let value = self[key], value.objectValue != nil else { throw .invalidParameters("'\(key)' must be an object") }
        return value
    }

    /// `params.textDocument.uri`.
    func documentURI() throws(ResponseError) -> String {
        try object("textDocument").string("uri")
    }

    /// A `Position` member.
    func position(_ key: String = "position") throws(ResponseError) -> TextPosition {
        let value = try object(key)
        guard let line = value["line"]?.intValue, let character = value["character"]?.intValue else {
            throw .invalidParameters("'\(key)' must have an integer 'line' and 'character'")
        }
        return TextPosition(line: line, character: character)
    }

    /// The JSON of a position.
    static func position(_ position: TextPosition) -> JSONValue {
        ["line": .int(position.line), "character": .int(position.character)]
    }
}

extension TextDocument {
    /// The JSON `Range` of a byte range.
    func range(_ range: SourceRange) -> JSONValue {
        ["start": .position(position(of: range.start)), "end": .position(position(of: max(range.start, range.end)))]
    }

    /// The JSON `Location` of a byte range in this document.
    func location(_ range: SourceRange) -> JSONValue {
        ["uri": .string(uri), "range": self.range(range)]
    }

    /// The JSON `TextEdit` that puts `text` in place of `range`.
    func edit(_ range: SourceRange, _ text: String) -> JSONValue {
        ["range": self.range(range), "newText": .string(text)]
    }
}
