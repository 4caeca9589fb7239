import BarrackJSON
import BarrackScript

extension LanguageServer {
    /// `textDocument/codeAction`: for each diagnostic in the requested range that ends with a
    /// did-you-mean (`unknown name 'nmae'; did you mean 'name'?`, a keyword argument, a region), a
    /// quick fix that writes the suggestion in place of what was written.
    func codeActions(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        let analysis = try analysis(for: params)
        let document = analysis.document
        let range = try params.object("range")
        let start = document.offset(of: try range.position("start"))
        let end = document.offset(of: try range.position("end"))
        var actions: [JSONValue] = []
        for diagnostic in analysis.diagnostics where diagnostic.range.start <= end && start <= diagnostic.range.end {
            guard let suggestion = Self.suggestion(in: diagnostic.message) else { continue }
            let written = analysis.source.text(diagnostic.range)
            // A quoted value keeps its quotes: `"FINLAN-1"` becomes `"FINLAND-1"`.
            let replacement = written.hasPrefix("\"") && written.hasSuffix("\"") && written.count >= 2 ? "\"\(suggestion)\"" : suggestion
            let edit: JSONValue = ["changes": .object(JSONObject([JSONObject.Member(key: document.uri, value: [document.edit(diagnostic.range, replacement)])]))]
            actions.append([
                "title": .string("Change '\(written)' to '\(replacement)'"),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [["range": document.range(diagnostic.range), "message": .string(diagnostic.message)]],
                "edit": edit,
            ])
        }
        return .array(actions)
    }

    /// The `X` of a message's `did you mean 'X'?` (`Suggestion.didYouMean`'s wording).
    static func suggestion(in message: String) -> String? {
        let marker = Array("did you mean '".utf8)
        let bytes = Array(message.utf8)
        guard bytes.count > marker.count,
              let start = (0...(bytes.count - marker.count)).last(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        let rest = bytes[(start + marker.count)...]
        guard let close = rest.firstIndex(of: UInt8(ascii: "'")), close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "?"),
              close > rest.startIndex
        else { return nil }
        return String(decoding: bytes[rest.startIndex..<close], as: UTF8.self)
    }
}
