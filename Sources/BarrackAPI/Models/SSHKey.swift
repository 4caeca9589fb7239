/// An SSH key of the account.
public struct SSHKeyResponse: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var publicKey: String
    public var fingerprint: String
    public var createdAt: String
    /// Only in the answer that generated the pair, and only once.
    public var privateKey: String?

    public init(
        id: String,
        name: String,
        publicKey: String,
        fingerprint: String,
        createdAt: String,
        privateKey: String? = nil
    ) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.privateKey = privateKey
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case publicKey = "public_key"
        case fingerprint
        case createdAt = "created_at"
        case privateKey = "private_key"
    }
}

/// The answer of `list_ssh_keys`.
public struct GetSSHKeysResponse: Codable, Sendable, Equatable {
    public var sshKeys: [SSHKeyResponse]

    public init(sshKeys: [SSHKeyResponse]) {
        self.sshKeys = sshKeys
    }

    enum CodingKeys: String, CodingKey {
        case sshKeys = "ssh_keys"
    }
}

/// The answer of `get_ssh_key`.
public struct GetSSHKeyResponse: Codable, Sendable, Equatable {
    public var sshKey: SSHKeyResponse

    public init(sshKey: SSHKeyResponse) {
        self.sshKey = sshKey
    }

    enum CodingKeys: String, CodingKey {
        case sshKey = "ssh_key"
    }
}

/// The body of `create_ssh_key`; without `public_key` the platform generates a pair.
public struct CreateSSHKeyRequest: Codable, Sendable, Equatable {
    public var name: String
    public var publicKey: String?

    public init(name: String, publicKey: String? = nil) {
        self.name = name
        self.publicKey = publicKey
    }

    enum CodingKeys: String, CodingKey {
        case name
        case publicKey = "public_key"
    }
}

/// The answer of `create_ssh_key`.
public typealias CreateSSHKeyResponse = GetSSHKeyResponse

/// An answer that confirms a deletion by the deleted resource's id.
public struct DeletedResourceResponse: Codable, Sendable, Equatable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}

/// The answer of `delete_ssh_key`.
public typealias DeleteSSHKeyResponse = DeletedResourceResponse
