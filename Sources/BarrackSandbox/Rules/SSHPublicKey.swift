import Crypto
import Foundation

/// An OpenSSH public key line (`ssh-ed25519 AAAA… comment`), checked as the platform checks it
/// (barrack-api.md section 6).
struct SSHPublicKey: Sendable, Equatable {
    /// The key types the platform accepts.
    static let acceptedTypes = ["ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
                                "ecdsa-sha2-nistp521"]

    let type: String
    let blob: [UInt8]
    let comment: String?

    /// Parses `line`, or explains what is wrong with it.
    ///
    /// The key data must be valid base64 whose first field (a length-prefixed string, as in
    /// RFC 4253 section 6.6) repeats the key type: a pasted key of one type labelled as another,
    /// or a truncated paste, is refused.
    static func parse(_ line: String) -> Result<SSHPublicKey, SandboxError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(where: \.isNewline) {
            return .failure(invalid("public_key must be a single line"))
        }
        let parts = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2 else {
            return .failure(invalid("public_key must be '<type> <base64 data> [comment]'"))
        }
        let type = String(parts[0])
        guard acceptedTypes.contains(type) else {
            return .failure(invalid("public_key type '\(type)' is not accepted; use one of "
                                    + acceptedTypes.joined(separator: ", ")))
        }
        guard let data = Data(base64Encoded: String(parts[1])), !data.isEmpty else {
            return .failure(invalid("public_key data is not valid base64"))
        }
        let blob = [UInt8](data)
        guard let embeddedType = leadingString(of: blob), embeddedType == type else {
            return .failure(invalid("public_key data does not encode a key of type '\(type)'"))
        }
        let comment = parts.count == 3 ? String(parts[2]) : nil
        return .success(SSHPublicKey(type: type, blob: blob, comment: comment))
    }

    /// The OpenSSH fingerprint: `SHA256:` and the unpadded base64 of the digest of the key data.
    var fingerprint: String {
        let encoded = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + encoded.replacingOccurrences(of: "=", with: "")
    }

    /// The key as one line.
    var line: String {
        let base = type + " " + Data(blob).base64EncodedString()
        return comment.map { base + " " + $0 } ?? base
    }

    private static func leadingString(of blob: [UInt8]) -> String? {
        guard blob.count >= 4 else { return nil }
        let length = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
        guard length > 0, length <= blob.count - 4 else { return nil }
        return String(bytes: blob[4..<(4 + length)], encoding: .utf8)
    }

    private static func invalid(_ message: String) -> SandboxError {
        .invalidValue("public_key", message)
    }
}

extension SSHPublicKey {
    /// A key pair in OpenSSH formats, as the platform returns it when asked to generate one: a
    /// real Ed25519 pair (swift-crypto) whose private key is made from the first 32 of
    /// `randomBytes`, so that a seeded sandbox makes the same pair every time. The private key is
    /// an unencrypted `openssh-key-v1` block that `ssh-keygen -y` reads back to the public line.
    static func generatedPair(randomBytes: [UInt8], comment: String) -> (publicKey: SSHPublicKey, privateKey: String) {
        let seed = Array(randomBytes.prefix(32))
        // 32 bytes always make a key; a shorter seed (never given) falls back to a fresh random key.
        let signingKey = (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) ?? Curve25519.Signing.PrivateKey()
        let publicBytes = [UInt8](signingKey.publicKey.rawRepresentation)
        let publicBlob = lengthPrefixed(Array("ssh-ed25519".utf8)) + lengthPrefixed(publicBytes)
        let publicKey = SSHPublicKey(type: "ssh-ed25519", blob: publicBlob, comment: comment)

        let check = Array(randomBytes.dropFirst(32).prefix(4))
        var privateSection = check + check
        privateSection += lengthPrefixed(Array("ssh-ed25519".utf8)) + lengthPrefixed(publicBytes)
        privateSection += lengthPrefixed([UInt8](signingKey.rawRepresentation) + publicBytes)
        privateSection += lengthPrefixed(Array(comment.utf8))
        var padding: UInt8 = 1
        while privateSection.count % 8 != 0 {
            privateSection.append(padding)
            padding += 1
        }
        var body = Array("openssh-key-v1".utf8) + [0]
        body += lengthPrefixed(Array("none".utf8)) + lengthPrefixed(Array("none".utf8)) + lengthPrefixed([])
        body += [0, 0, 0, 1] + lengthPrefixed(publicBlob) + lengthPrefixed(privateSection)
        let encoded = Data(body).base64EncodedString()
        let lines = stride(from: 0, to: encoded.count, by: 70).map { start -> String in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(70, encoded.count - start))
            return String(encoded[from..<to])
        }
        let privateKey = (["-----BEGIN OPENSSH PRIVATE KEY-----"] + lines + ["-----END OPENSSH PRIVATE KEY-----"])
            .joined(separator: "\n") + "\n"
        return (publicKey, privateKey)
    }

    private static func lengthPrefixed(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24 & 0xff), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)] + bytes
    }
}
