import BarrackAPI

/// Reads the members of a request's JSON object with their types checked, so that every bad field
/// is refused with `INVALID_VALUE` naming the field (`security_rules[1].protocol`).
struct Fields: Sendable {
    let object: JSONObject
    /// How the object is reached from the body, for messages (`""`, `"security_rules[0]."`).
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Parses a request body; an empty body is an empty object.
    static func body(_ value: JSONValue?) throws(SandboxError) -> Fields {
        guard let value else { return Fields(JSONObject()) }
        guard case .object(let object) = value else {
            throw SandboxError(.invalidValue, "the request body must be a JSON object, not \(value.typeName)")
        }
        return Fields(object)
    }

    func name(_ key: String) -> String { path + key }

    /// Whether `key` is present with a value other than `null`.
    func has(_ key: String) -> Bool {
        guard let value = object[key] else { return false }
        return !value.isNull
    }

    /// The keys of `keys` that are absent, `null`, an empty string or an empty list, with the path
    /// prefix.
    func missing(_ keys: [String]) -> [String] {
        keys.filter { key in !hasContent(key) }.map(name)
    }

    /// Whether `key` has a value that says something: present, not `null`, not an empty string and
    /// not an empty list (`"ssh_key_ids": []` is as good as leaving the key out).
    func hasContent(_ key: String) -> Bool {
        guard let value = object[key], !value.isNull else { return false }
        if let text = value.stringValue { return !text.isEmpty }
        if let elements = value.arrayValue { return !elements.isEmpty }
        return true
    }

    func string(_ key: String) throws(SandboxError) -> String? {
        guard let value = present(key) else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, "a string", value) }
        return text
    }

    func int(_ key: String) throws(SandboxError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let number = value.intValue else { throw wrongType(key, "a whole number", value) }
        return number
    }

    func double(_ key: String) throws(SandboxError) -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = value.doubleValue else { throw wrongType(key, "a number", value) }
        return number
    }

    func bool(_ key: String) throws(SandboxError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard let flag = value.boolValue else { throw wrongType(key, "true or false", value) }
        return flag
    }

    func strings(_ key: String) throws(SandboxError) -> [String]? {
        guard let value = present(key) else { return nil }
        guard let elements = value.arrayValue else { throw wrongType(key, "a list of strings", value) }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                throw .invalidValue(name(key), "\(name(key))[\(index)] must be a string, not \(element.typeName)")
            }
            guard !text.isEmpty else { throw .invalidValue(name(key), "\(name(key))[\(index)] is empty; give an id") }
            result.append(text)
        }
        return result
    }

    func object(_ key: String) throws(SandboxError) -> Fields? {
        guard let value = present(key) else { return nil }
        guard let object = value.objectValue else { throw wrongType(key, "an object", value) }
        return Fields(object, path: name(key) + ".")
    }

    func objects(_ key: String) throws(SandboxError) -> [Fields]? {
        guard let value = present(key) else { return nil }
        guard let elements = value.arrayValue else { throw wrongType(key, "a list of objects", value) }
        var result: [Fields] = []
        for (index, element) in elements.enumerated() {
            guard let object = element.objectValue else {
                throw .invalidValue(name(key), "\(name(key))[\(index)] must be an object, not \(element.typeName)")
            }
            result.append(Fields(object, path: "\(name(key))[\(index)]."))
        }
        return result
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> SandboxError {
        .invalidValue(name(key), "\(name(key)) must be \(expected), not \(value.typeName)")
    }
}
