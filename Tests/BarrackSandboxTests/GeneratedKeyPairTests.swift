import Crypto
import Foundation
import Testing

@testable import BarrackSandbox

/// Generated SSH key pairs are real Ed25519 pairs in OpenSSH formats, and fingerprints are OpenSSH's.
@Suite struct GeneratedKeyPairTests {
    private let pair = SSHPublicKey.generatedPair(randomBytes: Array(0..<36), comment: "me@host")

    @Test func publicLineIsOpenSSHWireFormat() throws {
        let fields = pair.publicKey.line.split(separator: " ")
        #expect(fields.count == 3 && fields[0] == "ssh-ed25519" && fields[2] == "me@host")
        #expect(fields[1].hasPrefix("AAAAC3NzaC1lZDI1NTE5AAAAI"))
        let blob = try #require(Data(base64Encoded: String(fields[1]))).map { $0 }
        #expect(blob.count == 4 + 11 + 4 + 32)
        #expect(blob[0..<4] == [0, 0, 0, 11])
        #expect(String(bytes: blob[4..<15], encoding: .utf8) == "ssh-ed25519")
        #expect(blob[15..<19] == [0, 0, 0, 32])
        _ = try Curve25519.Signing.PublicKey(rawRepresentation: blob[19...])
    }

    @Test func privateHalfSignsWhatThePublicHalfVerifies() throws {
        let block = pair.privateKey.split(separator: "\n")
        #expect(block.first == "-----BEGIN OPENSSH PRIVATE KEY-----" && block.last == "-----END OPENSSH PRIVATE KEY-----")
        let body = try #require(Data(base64Encoded: block.dropFirst().dropLast().joined())).map { $0 }
        #expect(body.starts(with: Array("openssh-key-v1".utf8) + [0]))
        // The 64-byte private field (seed + public key) closes the private section before the comment.
        let comment = Array("me@host".utf8)
        let commentStart = try #require(body.indices.last { body[$0...].starts(with: [0, 0, 0, 7] + comment) })
        let privateField = Array(body[(commentStart - 64)..<commentStart])
        let signingKey = try Curve25519.Signing.PrivateKey(rawRepresentation: privateField.prefix(32))
        let publicBytes = Array(pair.publicKey.blob.suffix(32))
        #expect(Array(privateField.suffix(32)) == publicBytes)
        let message = Array("barrack".utf8)
        let signature = try signingKey.signature(for: message)
        #expect(try Curve25519.Signing.PublicKey(rawRepresentation: publicBytes).isValidSignature(signature, for: message))
    }

    @Test func sameRandomBytesGiveTheSamePair() {
        let again = SSHPublicKey.generatedPair(randomBytes: Array(0..<36), comment: "me@host")
        #expect(again.publicKey == pair.publicKey && again.privateKey == pair.privateKey)
    }

    @Test func fingerprintIsWhatSSHKeygenPrints() throws {
        // The RFC 8032 test 1 public key; `ssh-keygen -lf` prints this fingerprint for it.
        let line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea t"
        let key = try SSHPublicKey.parse(line).get()
        #expect(key.fingerprint == "SHA256:bbXpuKG6zhzdmnxq256TlqzFBzRl2f6OOg722cYNbU8")
    }
}
