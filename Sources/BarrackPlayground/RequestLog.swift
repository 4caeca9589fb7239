import Hummingbird
import NIOCore

/// One line per request on the server's log (`POST /api/run 200 12 ms`), and every failure
/// answered in the API's JSON form: bad input gets a 4xx with a message, never a 5xx.
struct RequestLog: RouterMiddleware {
    typealias Context = BasicRequestContext

    let log: @Sendable (String) -> Void
    let registry: SessionRegistry

    /// The API's paths, for telling "wrong method" (405) from "nothing here" (404).
    static let knownPaths = ["/", "/app.js", "/app.css", "/api/session", "/api/run", "/api/resources", "/api/reset",
                             "/api/lessons", "/api/completions", "/api/share", "/teacher", "/teacher.js", "/api/class",
                             "/api/class/messages", "/api/teacher/learners", "/api/teacher/send"]
    /// Paths with an id or a name at their end.
    static let knownPrefixes = ["/api/lessons/", "/api/share/", "/s/", "/c/"]

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as ClientGone {
            log("\(request.method) \(request.uri.path) dropped by the client: \(error.reason) \(Self.milliseconds(since: started)) ms")
            return PlaygroundError.badRequest(error.reason).response
        } catch where error is IOError || error is ChannelError {
            log("\(request.method) \(request.uri.path) dropped by the client: \(error) \(Self.milliseconds(since: started)) ms")
            return PlaygroundError.badRequest("the connection closed").response
        } catch let error as PlaygroundError {
            response = error.response
        } catch let error as PlaygroundDatabaseError {
            // The database (a PostgreSQL server gone away) is the server's trouble, not the
            // learner's: 503, with what failed and where, and the log says it too.
            log("\(request.method) \(request.uri.path): \(error.message)")
            response = PlaygroundError(status: .serviceUnavailable, code: "DATABASE", message: error.message).response
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let path = request.uri.path
            if Self.knownPaths.contains(path) || Self.knownPrefixes.contains(where: path.hasPrefix) {
                response = PlaygroundError(status: .methodNotAllowed, code: "METHOD_NOT_ALLOWED",
                                           message: "\(request.method) is not allowed on \(path)").response
            } else {
                response = PlaygroundError.notFound(path).response
            }
        } catch let error as HTTPError where error.status.code < 500 {
            response = PlaygroundError(status: error.status, code: "BAD_REQUEST", message: error.body ?? "\(error.status)").response
        } catch {
            response = PlaygroundError(status: .internalServerError, code: "INTERNAL", message: "\(error)").response
        }
        log("\(request.method) \(request.uri.path) \(response.status.code) \(Self.milliseconds(since: started)) ms")
        registry.sweepIfDue()
        return response
    }

    /// Milliseconds since `started`, with one decimal, for the log.
    static func milliseconds(since started: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1_000
        return String(format: "%.1f", milliseconds)
    }
}
