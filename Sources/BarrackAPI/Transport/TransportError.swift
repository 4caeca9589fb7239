/// A failure below HTTP: the transport got no response to hand back.
///
/// The kind decides what a retry may do. Only `.notConnected` proves that the server never saw the
/// request, so only then may the client repeat an operation that is not safe to repeat (a deploy).
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No connection was made (refused, unknown host, no route): the request was never sent.
        case notConnected
        /// The connection broke after the request may have been sent: the outcome is unknown.
        case connectionLost
        /// No answer within the timeout: the outcome is unknown.
        case timedOut
        /// The request cannot be sent at all (an invalid URL, a key over plain HTTP); never retried.
        case refused
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
