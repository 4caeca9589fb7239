#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a CIDR block (`203.0.113.0/24`, `2001:db8::/32`) of a given ethertype.
enum CIDR {
    /// Why `text` is not a CIDR block of `ethertype` (`IPv4` or `IPv6`), or `nil` when it is one.
    static func violation(of text: String, ethertype: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return "'\(text)' is not a CIDR block: write an address, '/', and a prefix length"
        }
        let address = String(parts[0])
        let isV6 = ethertype == "IPv6"
        let maxPrefix = isV6 ? 128 : 32
        guard let prefix = Int(parts[1]), (0...maxPrefix).contains(prefix), parts[1].allSatisfy(\.isASCII) else {
            return "'\(text)' has prefix length '\(parts[1])'; an \(ethertype) prefix is 0 to \(maxPrefix)"
        }
        guard isValidAddress(address, v6: isV6) else {
            return "'\(address)' is not an \(ethertype) address"
        }
        return nil
    }

    private static func isValidAddress(_ address: String, v6: Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        // inet_pton accepts exactly the textual forms of RFC 4291 and dotted-decimal IPv4.
        return address.withCString { inet_pton(v6 ? AF_INET6 : AF_INET, $0, &buffer) } == 1
    }
}
