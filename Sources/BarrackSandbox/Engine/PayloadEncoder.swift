import BarrackAPI

/// Encodes the client's models into the sandbox's answers as the platform writes them: members in
/// the order the model declares them (`id`, `name`, `status`, … rather than alphabetical), and an
/// absent optional as an explicit `null` (`"public_ip": null` on a CREATING instance), which
/// `JSONEncoder` can do neither of.
enum PayloadEncoder {
    /// Members the platform sends only when they have a value: a generated key pair's private key
    /// comes once, in the answer that created it; a price estimate only for a quote; a filtered
    /// price list only the kinds of resource asked for.
    static let leftOutWhenAbsent: Set<String> = ["private_key", "estimate", "gpus", "volumes", "snapshots"]

    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.json
    }
}

/// A value being built: a reference, so nested containers can fill it in after they are made.
private final class Node {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, Node)])
        case array([Node])
    }

    var content = Content.empty

    var json: JSONValue {
        switch content {
        case .empty: return .null
        case .value(let value): return value
        case .object(let members):
            return .object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1.json) }))
        case .array(let elements): return .array(elements.map(\.json))
        }
    }

    func member(_ key: String) -> Node {
        if case .object(let members) = content, let existing = members.first(where: { $0.0 == key }) {
            return existing.1
        }
        let node = Node()
        if case .object(var members) = content {
            members.append((key, node))
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func appendElement() -> Node {
        let node = Node()
        if case .array(var elements) = content {
            elements.append(node)
            content = .array(elements)
        } else {
            content = .array([node])
        }
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Puts one value into a node: primitives directly, anything else through its own `encode(to:)`.
private func store(_ value: some Encodable, in node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as JSONValue: node.content = .value(value)
    case let value as String: node.content = .value(.string(value))
    case let value as Bool: node.content = .value(.bool(value))
    case let value as Int: node.content = .value(.int(value))
    case let value as Double: node.content = .value(.double(value))
    case let dictionary as any KeySortedEncodable: try dictionary.encodeSorted(into: node, codingPath: codingPath)
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

/// A dictionary has no order of its own; its members are written sorted by key, so that every
/// answer is the same from run to run (`prices: {EUR, INR, USD}`).
private protocol KeySortedEncodable {
    func encodeSorted(into node: Node, codingPath: [any CodingKey]) throws
}

extension Dictionary: KeySortedEncodable where Key == String, Value: Encodable {
    fileprivate func encodeSorted(into node: Node, codingPath: [any CodingKey]) throws {
        node.content = .object([])
        for key in keys.sorted() {
            guard let value = self[key] else { continue }
            try store(value, in: node.member(key), codingPath: codingPath)
        }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.member(key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    // Absent optionals are written as null, where the synthesized code would leave them out.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else {
            if PayloadEncoder.leftOutWhenAbsent.contains(key.stringValue) { return }
            return try encodeNil(forKey: key)
        }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws {
        node.appendElement().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node.appendElement(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node, codingPath: codingPath)
    }
}
