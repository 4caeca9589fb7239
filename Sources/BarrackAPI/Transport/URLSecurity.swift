import Foundation

/// Where the API key may be sent: over HTTPS anywhere, over plain HTTP only to this machine.
enum URLSecurity {
    /// Why `url` must not carry the key, or `nil` when it may.
    static func problemSendingKey(to url: URL) -> String? {
        switch url.scheme?.lowercased() {
        case "https":
            return nil
        case "http":
            guard let host = url.host, isLoopback(host) else {
                return "refusing to send the API key over plain HTTP to \(url.host ?? "an unnamed host"); "
                    + "use https://, or http:// only to a loopback address (127.0.0.1, localhost, ::1)"
            }
            return nil
        default:
            return "the API URL must start with https:// (or http:// to a loopback address), not '\(url.scheme ?? "")'"
        }
    }

    /// Whether `host` is this machine: `localhost`, `::1` or 127.0.0.0/8.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
