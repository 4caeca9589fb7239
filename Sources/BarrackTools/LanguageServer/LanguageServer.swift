import BarrackJSON
import BarrackScript

/// The Language Server Protocol 3.17 server behind `barrack lsp`, as a pure function of the
/// messages it is given: `handle` takes one client message and returns the messages to send back,
/// and `publishPendingDiagnostics` the diagnostics of the documents changed since it was last
/// called. `LanguageServerLoop` connects it to standard input and output.
///
/// What it answers: the life cycle (`initialize`, `initialized`, `shutdown`, `exit`), text
/// synchronisation (`didOpen`, incremental `didChange`, `didClose`), diagnostics (everything
/// `barrack check` reports), completion (the REPL's `Completer`), hover, signature help,
/// definition, references (also of names imported from modules and the standard library),
/// document symbols, rename, formatting (`ScriptFormatter`) and code actions (did-you-mean
/// fixes).
///
/// It never runs a script and never calls the platform: documents are only parsed and compiled,
/// in an interpreter whose platform built-ins have no connection.
///
///     let server = LanguageServer(environment: environment)
///     let replies = server.handle(message)     // answers to requests
///     let notes = server.publishPendingDiagnostics()
public final class LanguageServer {
    /// What the server needs from its host.
    public struct Environment {
        /// A fresh interpreter with the built-ins a script sees (as `barrack check` makes it);
        /// each check compiles in a new one, so one version's names never leak into the next.
        public var makeInterpreter: () -> Interpreter
        /// The platform words completion offers.
        public var atoms: CompletionAtoms
        /// Where imported modules are found, for go-to-definition into them.
        public var modules: ModuleFiles

        /// An environment.
        public init(makeInterpreter: @escaping () -> Interpreter, atoms: CompletionAtoms = .standard,
                    modules: ModuleFiles = ModuleFiles(standardLibraryFolder: nil)) {
            self.makeInterpreter = makeInterpreter
            self.atoms = atoms
            self.modules = modules
        }
    }

    let environment: Environment
    /// The interpreter whose built-ins completion, hover and signature help read.
    let builtinsInterpreter: Interpreter
    let builtins: [String: BuiltinFunction]
    private(set) var documents: [String: TextDocument] = [:]
    private var analyses: [String: DocumentAnalysis] = [:]
    /// The documents changed since their diagnostics were last published, in the order of change.
    private var changed: [String] = []
    private let retirement = Retirement()
    private var isInitialized = false
    private var isShutDown = false

    /// The exit status the process should end with, once the client sent `exit`: 0 after a
    /// `shutdown`, 1 without one (as the protocol asks).
    public private(set) var exitStatus: Int32?

    /// A server for `environment`.
    public init(environment: Environment) {
        self.environment = environment
        builtinsInterpreter = environment.makeInterpreter()
        builtins = Dictionary(builtinsInterpreter.builtins.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    /// The answers to one message from the client: a response for a request, nothing for a
    /// notification (except a report of a bad one).
    public func handle(_ message: JSONValue) -> [JSONValue] {
        guard let method = message["method"]?.stringValue else {
            // A response to a request of ours (the server sends none), or garbage.
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return [] }
            return [Self.response(id: message["id"] ?? .null, error: ResponseError(code: -32600, message: "a message with no method"))]
        }
        let params = message["params"] ?? .object(JSONObject())
        guard let id = message["id"] else {
            notify(method, params)
            return []
        }
        do {
            return [Self.response(id: id, result: try request(method, params))]
        } catch {
            return [Self.response(id: id, error: error)]
        }
    }

    /// The `textDocument/publishDiagnostics` notifications of the documents changed since the
    /// last call. The loop calls it when no further message is waiting, so that a burst of
    /// keystrokes is checked once, at its end.
    public func publishPendingDiagnostics() -> [JSONValue] {
        let uris = changed
        changed = []
        return uris.compactMap { uri in
            guard let analysis = analysis(of: uri) else { return nil }
            return Self.notification("textDocument/publishDiagnostics", analysis.publishedDiagnostics)
        }
    }

    // MARK: - Dispatch

    private func request(_ method: String, _ params: JSONValue) throws(ResponseError) -> JSONValue {
        if method == "initialize" {
            isInitialized = true
            return Self.capabilities
        }
        guard isInitialized else { throw .notInitialized }
        guard !isShutDown else { throw .shutDown }
        switch method {
        case "shutdown":
            isShutDown = true
            return .null
        case "textDocument/completion": return try completion(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/signatureHelp": return try signatureHelp(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw .methodNotFound(method)
        }
    }

    private func notify(_ method: String, _ params: JSONValue) {
        switch method {
        case "exit":
            exitStatus = isShutDown ? 0 : 1
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue
            else { return }
            documents[uri] = TextDocument(uri: uri, version: item["version"]?.intValue ?? 0, text: text)
            markChanged(uri)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else { return }
            let version = params["textDocument"]?["version"]?.intValue ?? document.version + 1
            for change in params["contentChanges"]?.arrayValue ?? [] {
                guard let text = change["text"]?.stringValue else { continue }
                if let range = change["range"], let start = try? range.position("start"), let end = try? range.position("end") {
                    document.replace(from: start, to: end, with: text, version: version)
                } else {
                    document.replaceAll(with: text, version: version)
                }
            }
            documents[uri] = document
            markChanged(uri)
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
            documents[uri] = nil
            if let old = analyses.removeValue(forKey: uri) { retirement.retire(old) }
            changed.removeAll { $0 == uri }
        default:
            // `initialized`, `$/cancelRequest`, `workspace/didChangeConfiguration`, …: nothing to do.
            break
        }
    }

    private func markChanged(_ uri: String) {
        if let old = analyses.removeValue(forKey: uri) { retirement.retire(old) }
        if !changed.contains(uri) { changed.append(uri) }
    }

    /// The analysis of the document's current version, made now if the document changed.
    func analysis(of uri: String) -> DocumentAnalysis? {
        if let analysis = analyses[uri] { return analysis }
        guard let document = documents[uri] else { return nil }
        let analysis = DocumentAnalysis(document, interpreter: environment.makeInterpreter())
        analyses[uri] = analysis
        return analysis
    }

    /// The analysis of the document a request names, or an error when it is not open.
    func analysis(for params: JSONValue) throws(ResponseError) -> DocumentAnalysis {
        let uri = try params.documentURI()
        guard let analysis = analysis(of: uri) else { throw .invalidParameters("the document '\(uri)' is not open") }
        return analysis
    }

    // MARK: - Messages

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func response(id: JSONValue, error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]]
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    /// What `initialize` answers: the features above, with incremental synchronisation.
    static let capabilities: JSONValue = [
        "capabilities": [
            "positionEncoding": "utf-16",
            // Open and close, and incremental changes (2).
            "textDocumentSync": ["openClose": true, "change": 2],
            "completionProvider": ["triggerCharacters": [".", " ", "(", "\""]],
            "hoverProvider": true,
            "signatureHelpProvider": ["triggerCharacters": ["(", ",", " "]],
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "renameProvider": ["prepareProvider": true],
            "documentFormattingProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ],
        "serverInfo": ["name": "barrack lsp", "version": "0.1"],
    ]
}
