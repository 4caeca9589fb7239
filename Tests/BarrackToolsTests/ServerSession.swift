import BarrackJSON
import BarrackPlatform
import BarrackScript
import BarrackTools
import XCTest

/// A language server driven message by message, as a client would, with the platform's
/// built-ins registered on no connection (as `barrack lsp` does).
final class ServerSession {
    let server: LanguageServer
    private var nextID = 1

    init(initialized: Bool = true, standardLibraryFolder: String? = nil) {
        server = LanguageServer(environment: LanguageServer.Environment(makeInterpreter: {
            let interpreter = Interpreter()
            Platform.register(in: interpreter, connection: DetachedConnection(), defaults: PlatformDefaults())
            return interpreter
        }, modules: ModuleFiles(standardLibraryFolder: standardLibraryFolder)))
        if initialized {
            _ = request("initialize", ["processId": nil, "rootUri": nil, "capabilities": [:]])
            notify("initialized", [:])
        }
    }

    /// Sends a request; its whole response.
    @discardableResult
    func request(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = nextID
        nextID += 1
        let replies = server.handle(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        XCTAssertEqual(replies.count, 1, "one response to \(method)")
        XCTAssertEqual(replies.first?["id"], .int(id))
        return replies.first ?? .null
    }

    /// Sends a request; its result, failing the test on an error response.
    func result(_ method: String, _ params: JSONValue, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        let response = request(method, params)
        XCTAssertNil(response["error"], "\(method) failed: \(response)", file: file, line: line)
        return response["result"] ?? .null
    }

    /// Sends a notification; what the server answers at once (nothing, normally).
    @discardableResult
    func notify(_ method: String, _ params: JSONValue) -> [JSONValue] {
        server.handle(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Opens a document and returns the diagnostics published for it.
    @discardableResult
    func open(_ text: String, uri: String = "file:///work/a.brk") -> [JSONValue] {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "barrack", "version": 1, "text": .string(text)]])
        return diagnostics(uri)
    }

    /// The diagnostics the server publishes now for `uri`.
    func diagnostics(_ uri: String = "file:///work/a.brk") -> [JSONValue] {
        let published = server.publishPendingDiagnostics().filter { $0["params"]?["uri"]?.stringValue == uri }
        return published.last?["params"]?["diagnostics"]?.arrayValue ?? []
    }

    /// `textDocument` and `position` parameters.
    static func at(_ line: Int, _ character: Int, uri: String = "file:///work/a.brk") -> JSONValue {
        ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
    }

    /// A JSON range.
    static func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
        ["start": ["line": .int(startLine), "character": .int(startCharacter)],
         "end": ["line": .int(endLine), "character": .int(endCharacter)]]
    }
}
