import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that the HTTP parser refuses — a header over the limit, bytes that are not
/// HTTP — with the API's JSON error, then closes the connection. Without it Hummingbird answers
/// such a request with a 400 and an empty body, and the request log never hears of it.
///
/// It sits after the parser (Hummingbird's `additionalChannelHandlers`), where the parser's error
/// arrives before any request part: nothing else has started an answer on the connection.
final class MalformedRequestAnswer: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// The largest header the parser accepts, for the message (Hummingbird's default, 80 KB).
    static let headerLimit = 80 * 1_024

    let log: @Sendable (String) -> Void

    init(log: @escaping @Sendable (String) -> Void) {
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let refusal = Self.refusal(parserError)
        log("- - \(refusal.status.code) \(refusal.code): \(refusal.message)")
        let body = ByteBuffer(string: refusal.json.serialized())
        let head = HTTPResponse(status: refusal.status, headerFields: [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes),
            .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// What a parser's error is, as the API says it.
    static func refusal(_ error: HTTPParserError) -> PlaygroundError {
        switch error {
        case .headerOverflow:
            PlaygroundError(status: .requestHeaderFieldsTooLarge, code: "HEADER_TOO_LARGE",
                            message: "the request's header is over \(headerLimit / 1_024) KB")
        default:
            PlaygroundError.badRequest("the request is not valid HTTP/1.1 (\(error))")
        }
    }
}
