import BarrackAPI
import BarrackScript

/// One keyword parameter of a platform built-in: what a script passes, what it must be, and
/// where it goes in the request.
struct PlatformParameter: Sendable {
    /// What a script may pass.
    enum Kind: Sendable {
        case string, int, bool, number
        /// A whole number of GB; `100GB` and `2TB` literals are such ints.
        case size
        /// One of the listed values (atoms or strings).
        case choice([String])
        /// A resource: its id as a string, or a record with an `id` (`stop vm`).
        case resource
        /// A list of resources, each an id or a record.
        case resources
        /// A GPU request from `model x count`: becomes `gpu_model` and `gpu_count`.
        case gpu
        /// Any map or list, sent as JSON.
        case structure
        /// A list of strings.
        case strings
    }

    /// Where the value goes.
    enum Target: Sendable {
        /// A `{name}` placeholder of the path.
        case path(String)
        case query(String)
        case body(String)
    }

    var name: String
    var kind: Kind
    var target: Target
    var isRequired: Bool
    var summary: String
    var defaultDescription: String?
    /// Sent when the script leaves the parameter out: the built-in's own documented default.
    var sentDefault: JSONValue?

    /// The type as help shows it.
    var typeName: String {
        switch kind {
        case .string: return "string"
        case .int: return "int"
        case .bool: return "bool"
        case .number: return "number"
        case .size: return "size (GB)"
        case .choice: return "atom"
        case .resource: return "id or record"
        case .resources: return "list of ids or records"
        case .gpu: return "gpu request (model x count)"
        case .structure: return "map or list"
        case .strings: return "list of strings"
        }
    }

    var allowedValues: [String] {
        if case .choice(let values) = kind { return values }
        return []
    }

    /// The script value as JSON of the right shape, or an `ARGUMENT_ERROR` naming the built-in and
    /// the parameter.
    func convert(_ value: Value, builtin: String) throws -> JSONValue {
        func wrong(_ expected: String) -> ErrorObject {
            ErrorObject(code: "ARGUMENT_ERROR",
                        message: "\(builtin): '\(name)' must be \(expected), not \(value.typeName) (\(value.literal))")
                .blaming(name)
        }
        switch kind {
        case .string:
            guard case .string(let text) = value else { throw wrong("a string") }
            return .string(text)
        case .int, .size:
            guard case .int(let number) = value else { throw wrong(kind == .size ? "a size such as 500GB" : "an int") }
            return .int(number)
        case .bool:
            guard case .bool(let flag) = value else { throw wrong("true or false") }
            return .bool(flag)
        case .number:
            switch value {
            case .int(let number): return .int(number)
            case .float(let number): return .double(number)
            default: throw wrong("a number")
            }
        case .choice(let values):
            guard case .string(let text) = value else { throw wrong("one of " + values.joined(separator: ", ")) }
            guard let match = Choice.match(text, among: values) else {
                throw ErrorObject(code: "ARGUMENT_ERROR",
                                  message: Choice.outsideMessage(text, parameter: name, builtin: builtin, values: values))
                    .blaming(name)
            }
            return .string(match)
        case .resource:
            return .string(try PlatformParameter.resourceID(value) ?? { throw wrong("an id or a record with an id") }())
        case .resources:
            guard case .list(let list) = value else { throw wrong("a list of ids or records") }
            return .array(try list.elements.map { element in
                .string(try PlatformParameter.resourceID(element) ?? { throw wrong("a list of ids or records") }())
            })
        case .gpu:
            throw wrong("a GPU request")
        case .structure:
            switch value {
            case .map, .list: return try ValueConversion.json(value)
            default: throw wrong("a map or a list")
            }
        case .strings:
            guard case .list(let list) = value else { throw wrong("a list of strings") }
            return .array(try list.elements.map { element in
                guard case .string(let text) = element else { throw wrong("a list of strings") }
                return .string(text)
            })
        }
    }

    /// The id of a resource given as an id or as a record with an `id`.
    static func resourceID(_ value: Value) throws -> String? {
        switch value {
        case .string(let id): return id
        case .map(let map):
            if case .string(let id)? = map["id"] { return id }
            return nil
        default: return nil
        }
    }
}

extension PlatformParameter.Kind: Equatable {}
