import BarrackAPI
import BarrackScript

/// Turns a platform failure into the error a script sees: the platform's code, status and
/// message, with the request's field names put back as the built-in's parameter names (`size`
/// for `size_gb`), the caret on that argument, and the next step (how to list what exists, how
/// to add credit).
enum APIErrorAdvice {
    /// The script error for `error`, raised by a call of `spec`'s built-in.
    static func scriptError(_ error: BarrackAPIError, spec: PlatformBuiltinSpec?) -> ErrorObject {
        var message = error.message
        var blamed: String?
        for parameter in spec?.parameters ?? [] {
            if case .path(let field) = parameter.target {
                // A path's `{id}` is no name the script wrote: it only tells which argument it was.
                if blamed == nil, containsWord(field, in: message) { blamed = parameter.name }
                continue
            }
            for field in fields(of: parameter) where field != parameter.name && containsWord(field, in: message) {
                message = replacingWord(field, with: parameter.name, in: message)
                blamed = blamed ?? parameter.name
            }
            if blamed == nil, message.hasPrefix(parameter.name + " ") { blamed = parameter.name }
        }
        if error.code == "SSH_KEY_NOT_FOUND", spec?.parameters.contains(where: { $0.name == "ssh_keys" }) == true {
            blamed = "ssh_keys"
        }
        if let advice = nextStep(code: error.code, message: message, group: spec?.group ?? "") { message += "; " + advice }
        let script = ErrorObject(code: error.code, message: message, status: error.status,
                                 operation: error.operation?.rawValue,
                                 details: error.details.map(ValueConversion.value) ?? .null,
                                 isRetryable: PlatformCall.isPassing(error))
        if let blamed { script.blaming(blamed) }
        return script
    }

    /// What to do next about a failure with `code`, when there is something to say.
    static func nextStep(code: String, message: String, group: String) -> String? {
        switch code {
        case "NOT_FOUND":
            return listing(for: message, group: group).map { "\($0) lists the ones that exist" }
        case "SSH_KEY_NOT_FOUND":
            return "ssh_keys() lists the account's keys, create_ssh_key adds one"
        case "INSUFFICIENT_CREDITS":
            return "balance() shows the balance; add credit on the platform's billing page "
                + "(in the sandbox: barrack sandbox set balance 500)"
        case "PROFILE_INCOMPLETE":
            return "complete the account profile on the platform (in the sandbox: barrack sandbox set profile FIELD VALUE)"
        case "OUT_OF_STOCK":
            return "gpu_stock() shows which regions have it now"
        case "DUPLICATE_NAME":
            return "choose another name (a deleted resource keeps its name while it is DELETING)"
        case "UNAUTHORIZED":
            return "check BARRACK_API_KEY or the config file's api_key"
        case "RATE_LIMITED":
            return "wait a moment and try again (requests are retried with backoff before this error)"
        default:
            return nil
        }
    }

    /// The listing built-in of the resource the message names, else of the built-in's group.
    private static func listing(for message: String, group: String) -> String? {
        let byNoun: [(noun: String, listing: String)] = [
            ("security rule", "instance(…).security_rules"), ("firewall rule", "firewall(…).rules"),
            ("ssh key", "ssh_keys()"), ("startup script", "scripts()"), ("snapshot", "snapshots()"),
            ("image", "images()"), ("firewall", "firewalls()"), ("volume", "volumes()"),
            ("instance", "instances()"), ("region", "regions()"), ("script", "scripts()"),
        ]
        let lowered = message.lowercased()
        if let match = byNoun.first(where: { lowered.contains($0.noun) }) { return match.listing }
        let byGroup = ["instances": "instances()", "volumes": "volumes()", "snapshots": "snapshots()",
                       "images": "images()", "firewalls": "firewalls()", "ssh keys": "ssh_keys()",
                       "startup scripts": "scripts()"]
        return byGroup[group]
    }

    /// The request fields a parameter fills.
    private static func fields(of parameter: PlatformParameter) -> [String] {
        if parameter.kind == .gpu { return ["gpu_model", "gpu_count"] }
        switch parameter.target {
        case .path(let field), .query(let field), .body(let field): return [field]
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// The ranges where `word` stands as a whole word in `text`.
    private static func wordRanges(_ word: String, in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        let target = Array(word.utf8)
        guard !target.isEmpty, bytes.count >= target.count else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + target.count <= bytes.count {
            let end = index + target.count
            if Array(bytes[index..<end]) == target, index == 0 || !isWordByte(bytes[index - 1]),
               end == bytes.count || !isWordByte(bytes[end]) {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    private static func containsWord(_ word: String, in text: String) -> Bool {
        !wordRanges(word, in: text).isEmpty
    }

    private static func replacingWord(_ word: String, with replacement: String, in text: String) -> String {
        var bytes = Array(text.utf8)
        for range in wordRanges(word, in: text).reversed() { bytes.replaceSubrange(range, with: Array(replacement.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
