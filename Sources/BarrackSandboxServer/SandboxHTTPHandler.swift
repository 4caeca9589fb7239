import BarrackAPI
import BarrackSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// Turns HTTP/1.1 requests into calls of `Sandbox.handle` and its answers back into HTTP, with the
/// injected faults, the read limits (`ServerLimits`) and one log line per request.
///
/// A connection is always in one of four states: waiting for a request's head (under the header
/// deadline), reading its body (under the body deadline), answering (no deadline: the sandbox and
/// an injected latency take the time they take), or refused (a 413, 415 or 408 has been sent and
/// the connection is closing; what else arrives is dropped unread).
final class SandboxHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case awaitingHead
        case readingBody(HTTPRequestHead, ByteBuffer?)
        case answering
        case refused
    }

    private let sandbox: Sandbox
    private let faults: FaultInjector?
    private let limits: ServerLimits
    private let log: @Sendable (String) -> Void
    private var state = State.awaitingHead
    private var deadline: Scheduled<Void>?

    init(sandbox: Sandbox, faults: FaultInjector?, limits: ServerLimits, log: @escaping @Sendable (String) -> Void) {
        self.sandbox = sandbox
        self.faults = faults
        self.limits = limits
        self.log = log
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { awaitHead(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitHead(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (_, .refused), (_, .answering):
            return
        case (.head(let head), _):
            cancelDeadline()
            if let refusal = refusal(of: head) {
                refuse(refusal, head: head, context: context)
                return
            }
            state = .readingBody(head, nil)
            arm(limits.bodyTimeout, context: context) { handler, context in
                guard case .readingBody(let head, _) = handler.state else { return }
                handler.refuse(.bodyTimedOut(seconds: handler.limits.bodyTimeout.inSeconds),
                               head: head, context: context)
            }
        case (.body(var chunk), .readingBody(let head, var body)):
            guard (body?.readableBytes ?? 0) + chunk.readableBytes <= limits.maxBodyBytes else {
                refuse(.bodyTooLarge(limit: limits.maxBodyBytes), head: head, context: context)
                return
            }
            if body == nil { body = context.channel.allocator.buffer(capacity: chunk.readableBytes) }
            body?.writeBuffer(&chunk)
            state = .readingBody(head, body)
        case (.end, .readingBody(let head, let body)):
            cancelDeadline()
            state = .answering
            dispatch(head: head, body: body, context: context)
        case (.body, .awaitingHead), (.end, .awaitingHead):
            return
        }
    }

    /// What the server refuses on a request's head alone, before reading its body: a body said to
    /// be too large, or a body that is not JSON.
    private func refusal(of head: HTTPRequestHead) -> HTTPRefusal? {
        let length = head.headers.first(name: "Content-Length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let chunked = head.headers[canonicalForm: "Transfer-Encoding"].contains { $0.lowercased() == "chunked" }
        if let length, length > limits.maxBodyBytes { return .bodyTooLarge(limit: limits.maxBodyBytes) }
        let hasBody = chunked || (length ?? 0) > 0
        let contentType = head.headers.first(name: "Content-Type")
        if hasBody, !HTTPRefusal.isJSON(contentType) { return .notJSON(contentType: contentType) }
        return nil
    }

    /// Applies the injected fault's delay and outcome, then answers.
    private func dispatch(head: HTTPRequestHead, body: ByteBuffer?, context: ChannelHandlerContext) {
        let started = NIODeadline.now()
        // The sandbox's own routes (its clock) are no part of the platform, so never faulted.
        let isAdministration = head.uri.hasPrefix(AdminRoutes.advanceClock.dropLast())
        let decision = (isAdministration ? nil : faults?.decide())
            ?? FaultInjector.Decision(delaySeconds: 0, outcome: .pass)
        if decision.delaySeconds > 0 {
            let delay = TimeAmount.nanoseconds(Int64(decision.delaySeconds * 1_000_000_000))
            context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
                self.answer(context: context, head: head, body: body, outcome: decision.outcome, started: started)
            }
        } else {
            answer(context: context, head: head, body: body, outcome: decision.outcome, started: started)
        }
    }

    private func answer(context: ChannelHandlerContext, head: HTTPRequestHead, body: ByteBuffer?,
                        outcome: FaultInjector.Outcome, started: NIODeadline) {
        let line = "\(head.method.rawValue) \(head.uri)"
        if outcome == .drop {
            logLine(line, status: "dropped", started: started)
            context.close(promise: nil)
            return
        }
        if outcome == .dropAfter {
            let acted = handle(head: head, body: body)
            logLine(line, status: "\(acted.status) dropped", started: started)
            context.close(promise: nil)
            return
        }
        let response = FaultResponse.response(for: outcome) ?? handle(head: head, body: body)
        write(response, to: head, keepAlive: head.isKeepAlive, context: context)
        logLine(line, status: String(response.status), started: started)
    }

    /// Sends a refusal, closes the connection once it is written, and ignores the rest of the
    /// request (its body is never read).
    private func refuse(_ refusal: HTTPRefusal, head: HTTPRequestHead, context: ChannelHandlerContext) {
        cancelDeadline()
        state = .refused
        write(refusal.response, to: head, keepAlive: false, context: context)
        logLine("\(head.method.rawValue) \(head.uri)", status: String(refusal.status), started: .now())
    }

    /// Writes `response`; a `HEAD` gets the `GET`'s headers, `Content-Length` included, and no body
    /// (RFC 9110, section 9.3.2). Then waits for the next request, or closes.
    private func write(_ response: TransportResponse, to head: HTTPRequestHead, keepAlive: Bool,
                       context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        // Every path that takes GET takes HEAD as well.
        if let allowed = headers.first(name: "Allow"), allowed.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == "GET"
        }) {
            headers.replaceOrAdd(name: "Allow", value: allowed + ", HEAD")
        }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let responseHead = HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                            headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if head.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: response.body.count)
            buffer.writeBytes(response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        // The next request may be delivered while the end is written (HTTP pipelining), so the
        // connection waits for it before the write.
        if keepAlive, case .answering = state { awaitHead(context: context) }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            done.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    private func handle(head: HTTPRequestHead, body: ByteBuffer?) -> TransportResponse {
        // `HEAD` is the `GET` without its body, so the sandbox answers the `GET`.
        let method = head.method == .HEAD ? "GET" : head.method.rawValue
        // An origin-form target is read against a fixed origin, so that `//api/balance/` stays a
        // path with an empty segment instead of becoming the host `api` and the path `/balance/`.
        let target = head.uri.hasPrefix("/") ? "http://sandbox" + head.uri : head.uri
        guard let components = URLComponents(string: target) else {
            return sandbox.handle(method: method, path: head.uri)
        }
        let query = (components.queryItems ?? []).map { QueryItem(name: $0.name, value: $0.value ?? "") }
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name] = value }
        let data = body.map { Data($0.readableBytesView) }
        return sandbox.handle(method: method, path: components.percentEncodedPath, query: query, headers: headers,
                              body: data)
    }

    /// Waits for the next request's head under the header deadline; an idle connection is closed
    /// without an answer when it passes.
    private func awaitHead(context: ChannelHandlerContext) {
        state = .awaitingHead
        arm(limits.headerTimeout, context: context) { handler, context in
            guard case .awaitingHead = handler.state else { return }
            handler.state = .refused
            context.close(promise: nil)
        }
    }

    private func arm(_ timeout: Duration, context: ChannelHandlerContext,
                     _ expire: @escaping (SandboxHTTPHandler, ChannelHandlerContext) -> Void) {
        cancelDeadline()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout.timeAmount) {
            self.deadline = nil
            expire(self, context)
        }
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    /// `GET /api/balance/ 200 1.2ms`; the query is logged, the headers (with the key) never are.
    private func logLine(_ request: String, status: String, started: NIODeadline) {
        let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1_000_000
        log("\(request) \(status) " + String(format: "%.1fms", elapsed))
    }
}
