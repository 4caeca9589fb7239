import BarrackAPI
import BarrackPlaygroundAssets
import BarrackScript
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// `barrack playground serve`: the page, its assets and the JSON API (docs/PLAYGROUND.md), over
/// Hummingbird, with every learner's sandbox in SQLite or in a PostgreSQL that several servers share.
public struct PlaygroundServer: Sendable {
    /// The cookie that carries a learner's session token.
    public static let cookieName = "barrack_playground"

    let host: String
    let port: Int
    let limits: PlaygroundLimits
    let registry: SessionRegistry
    let shares: ShareLinks
    /// The class learners join at `/c/NAME`, if the server serves one.
    let classroom: PlaygroundClass?
    let log: @Sendable (String) -> Void

    /// A server on `host`:`port` (0 for any free port) keeping its data in SQLite in
    /// `dataDirectory`, or on the PostgreSQL server of `database` (a `postgres://` URL) that other
    /// playground servers may share, serving `classroom` if given; `log` is told one line per
    /// request. Throws `PlaygroundDatabaseError` when the database cannot be opened or reached.
    ///
    /// ```swift
    /// let server = try PlaygroundServer(host: "0.0.0.0", port: 8080, dataDirectory: folder, limits: PlaygroundLimits(),
    ///                                   database: "postgres://playground@db.internal/course") { print($0) }
    /// ```
    public init(host: String, port: Int, dataDirectory: URL, limits: PlaygroundLimits, classroom: PlaygroundClass? = nil,
                database: String? = nil, log: @escaping @Sendable (String) -> Void) throws {
        self.host = host
        self.port = port
        self.limits = limits
        self.classroom = classroom
        self.log = log
        let store = try PlaygroundStore.open(directory: dataDirectory, databaseURL: database)
        registry = SessionRegistry(store: store, limits: limits)
        shares = ShareLinks(store: store, limits: limits)
    }

    /// Serves until SIGINT or SIGTERM; `started` is told the URL once the port is bound.
    public func run(started: @escaping @Sendable (String) -> Void) async throws {
        let host = self.host
        let log = self.log
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [MalformedRequestAnswer(log: log)],
            idleTimeout: .nanoseconds(Int64(limits.readTimeoutSeconds * 1_000_000_000)))
        let application = Application(
            router: router(),
            server: .http1(configuration: http),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "barrack-playground"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                started("http://\(shown):\(bound)/")
            },
            logger: Logger(label: "barrack.playground") { _ in SwiftLogNoOpLogHandler() })
        // SIGTERM and SIGINT end it gracefully (the default signals).
        try await application.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLog(log: log, registry: registry))
        for (path, file) in PlaygroundAssets.files {
            router.get(RouterPath(path)) { request, _ in try self.asset(file, request: request) }
        }
        addShareRoutes(to: router)
        addClassRoutes(to: router)
        router.post("/api/session") { _, _ in
            let token = try self.registry.create()
            return JSONAnswer.response(["token": .string(token)], headers: [.setCookie: Self.cookie(token)])
        }
        router.post("/api/run") { request, _ in try await self.run(request) }
        router.get("/api/resources") { request, _ in
            let session = try self.session(request)
            // Off the event loop: showing the clock saves it (a database write).
            return JSONAnswer.response(try await Self.offload { try ResourceSummary.of(session.sandbox) })
        }
        router.post("/api/reset") { request, _ in
            let session = try self.session(request)
            try await Self.offload { try session.reset() }
            return JSONAnswer.response(["ok": true])
        }
        router.get("/api/lessons") { request, _ in
            _ = try self.session(request)
            let lessons = Lesson.all.map { lesson -> JSONValue in ["id": .string(lesson.id), "title": .string(lesson.title)] }
            return JSONAnswer.response(["lessons": .array(lessons)])
        }
        router.get("/api/lessons/:id") { request, context in
            _ = try self.session(request)
            let lesson = try Self.lesson(context)
            return JSONAnswer.response(["id": .string(lesson.id), "title": .string(lesson.title),
                                        "markdown": .string(lesson.markdown), "starter": .string(lesson.starter)])
        }
        router.post("/api/lessons/:id/check") { request, context in
            let session = try self.session(request)
            let lesson = try Self.lesson(context)
            let outcome = try await Self.offload { session.check(lesson.check) }
            if outcome.done, self.classroom != nil { try self.registry.store.recordLessonDone(session.token, lesson: lesson.id) }
            return JSONAnswer.response(["done": .bool(outcome.done), "message": .string(outcome.message)])
        }
        router.get("/api/completions") { request, _ in
            let session = try self.session(request)
            return JSONAnswer.response(["names": .array(session.completions.map(JSONValue.string))])
        }
        return router
    }

    /// A page file; the page (`GET /`, `GET /s/ID`, `GET /c/NAME`) also starts a session when the
    /// request has no valid one.
    private func asset(_ file: (contentType: String, bytes: [UInt8]), request: Request) throws -> Response {
        try served(file, request: request).response
    }

    /// A page file, and for the learner's page the session it is for: the request's, or a new one
    /// whose cookie the answer sets.
    func served(_ file: (contentType: String, bytes: [UInt8]), request: Request) throws -> (response: Response, token: String?) {
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache"]
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'"
        var token: String?
        let path = request.uri.path
        if path == "/" || path.hasPrefix("/s/") || path.hasPrefix("/c/") {
            token = try registry.session(request.cookies[Self.cookieName]?.value)?.token
            if token == nil {
                let created = try registry.create()
                headers[.setCookie] = Self.cookie(created)
                token = created
            }
        }
        let response = Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
        return (response, token)
    }

    private static func cookie(_ token: String) -> String {
        "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }

    /// The request's session; `401 NO_SESSION` without a valid cookie.
    func session(_ request: Request) throws -> LearnerSession {
        guard let session = try registry.session(request.cookies[Self.cookieName]?.value) else { throw PlaygroundError.noSession }
        return session
    }

    private static func lesson(_ context: BasicRequestContext) throws -> Lesson {
        let id = context.parameters.get("id") ?? ""
        guard let lesson = Lesson.all.first(where: { $0.id == id }) else {
            throw PlaygroundError(status: .notFound, code: "NOT_FOUND", message: "there is no lesson '\(id)'")
        }
        return lesson
    }

    /// `POST /api/run`: the run's events as NDJSON, each line sent as it happens.
    private func run(_ request: Request) async throws -> Response {
        let session = try session(request)
        let body = try await RequestJSON.object(request, limit: limits.scriptBytes * 2 + 1_024)
        guard case .string(let source)? = body["source"] else {
            throw PlaygroundError.badRequest("the body needs \"source\": the script, as a string")
        }
        guard source.utf8.count <= limits.scriptBytes else {
            throw PlaygroundError(status: .contentTooLarge, code: "TOO_LARGE",
                                  message: "the script has \(source.utf8.count) bytes; the limit is \(limits.scriptBytes)")
        }
        var repl = false
        switch body["repl"] {
        case nil, .null?: break
        case .bool(let flag)?: repl = flag
        default: throw PlaygroundError.badRequest("\"repl\" must be true or false")
        }
        let (events, continuation) = AsyncStream<RunEvent>.makeStream()
        let audience = RunAudience()
        let log = self.log
        let store = classroom == nil ? nil : registry.store
        ThreadLauncher.detach {
            let failure = Mutex<String?>(nil)
            session.run(source, repl: repl, audience: audience) { event in
                if case .failed(let error, _) = event { failure.withLock { $0 = "\(error.code): \(error.message)" } }
                continuation.yield(event)
            }
            // What the teacher's view shows: the runs of a class's learners and how the last one
            // ended — recorded before the answer ends, so that it is there once the learner sees it.
            do {
                try store?.recordRun(session.token, error: failure.withLock { $0 })
            } catch {
                log("POST /api/run: the run could not be recorded for the teacher's view: \(error)")
            }
            continuation.finish()
        }
        let answer = ResponseBody { writer in
            do {
                for await event in events { try await writer.write(ByteBuffer(string: event.line)) }
                try await writer.finish(nil)
            } catch {
                // The browser left mid-run: the run stops at its next print or checkpoint.
                audience.leave()
                log("POST /api/run dropped by the client during the run (\(error)); the run is stopped")
                throw error
            }
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson", .cacheControl: "no-store"], body: answer)
    }

    /// Runs blocking work (a sandbox reset, a lesson's check, the sandbox panel) on a thread with a
    /// large stack.
    private static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            ThreadLauncher.detach { continuation.resume(with: Result { try work() }) }
        }
    }
}
