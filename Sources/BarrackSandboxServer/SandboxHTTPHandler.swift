import BarrackAPI
import BarrackSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// Turns HTTP/1.1 requests into calls of `Sandbox.handle` and its answers back into HTTP, with the
/// injected faults and one log line per request.
final class SandboxHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let sandbox: Sandbox
    private let faults: FaultInjector?
    private let log: @Sendable (String) -> Void
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?

    init(sandbox: Sandbox, faults: FaultInjector?, log: @escaping @Sendable (String) -> Void) {
        self.sandbox = sandbox
        self.faults = faults
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = nil
        case .body(var chunk):
            if body == nil { body = context.channel.allocator.buffer(capacity: chunk.readableBytes) }
            body?.writeBuffer(&chunk)
        case .end:
            guard let requestHead = head else { return }
            let requestBody = body
            head = nil
            body = nil
            let started = NIODeadline.now()
            // The sandbox's own routes (its clock) are no part of the platform, so never faulted.
            let isAdministration = requestHead.uri.hasPrefix(AdminRoutes.advanceClock.dropLast())
            let decision = (isAdministration ? nil : faults?.decide())
                ?? FaultInjector.Decision(delaySeconds: 0, outcome: .pass)
            if decision.delaySeconds > 0 {
                let delay = TimeAmount.nanoseconds(Int64(decision.delaySeconds * 1_000_000_000))
                context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
                    self.answer(context: context, head: requestHead, body: requestBody, outcome: decision.outcome,
                                started: started)
                }
            } else {
                answer(context: context, head: requestHead, body: requestBody, outcome: decision.outcome, started: started)
            }
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
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        let keepAlive = head.isKeepAlive
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let responseHead = HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                            headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            done.whenComplete { _ in bound.value.close(promise: nil) }
        }
        logLine(line, status: String(response.status), started: started)
    }

    private func handle(head: HTTPRequestHead, body: ByteBuffer?) -> TransportResponse {
        guard let components = URLComponents(string: head.uri) else {
            return sandbox.handle(method: head.method.rawValue, path: head.uri)
        }
        let query = (components.queryItems ?? []).map { QueryItem(name: $0.name, value: $0.value ?? "") }
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name] = value }
        let data = body.map { Data($0.readableBytesView) }
        return sandbox.handle(method: head.method.rawValue, path: components.percentEncodedPath, query: query, headers: headers,
                              body: data)
    }

    /// `GET /api/balance/ 200 1.2ms`; the query is logged, the headers (with the key) never are.
    private func logLine(_ request: String, status: String, started: NIODeadline) {
        let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1_000_000
        log("\(request) \(status) " + String(format: "%.1fms", elapsed))
    }
}
