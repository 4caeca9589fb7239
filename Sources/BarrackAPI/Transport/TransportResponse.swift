import Foundation

/// One HTTP response as a `Transport` returns it, whatever its status.
public struct TransportResponse: Sendable, Equatable {
    public var status: Int
    /// Header names as received; look them up with `header(named:)`, which ignores case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name`, compared without regard to case.
    public func header(named name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
