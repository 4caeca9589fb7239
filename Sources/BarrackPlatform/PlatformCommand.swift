import BarrackAPI
import BarrackScript

/// A platform built-in as a command-line verb: `deploy` as `barrack deploy --gpu … --region …`,
/// `delete_instance` as `barrack delete-instance ID`.
///
/// The verbs are not a second list: `Platform.commands` derives one from each row of the built-in
/// table, so a verb takes exactly the built-in's parameters and runs the built-in itself.
///
///     let verb = Platform.commands.first { $0.name == "delete-instance" }
///     verb?.positionals.map(\.parameter)  // ["instance"]
public struct PlatformCommand: Sendable {
    /// The verb: the built-in's name with `-` for `_` (`delete-instance`).
    public let name: String
    /// The built-in it runs (`delete_instance`).
    public let builtin: String
    /// The group `help` lists it under.
    public let group: String
    /// What it does.
    public let summary: String
    /// Every parameter, in the built-in's order.
    public let options: [PlatformCommandOption]
    /// Whether it destroys something (`delete_*`): the command line asks before running it.
    public let isDestructive: Bool
    /// Whether its answer is an instance that moves through transitional states (`deploy`, `stop`,
    /// …), so that `--wait` can wait for it to settle.
    public let returnsInstance: Bool

    /// The parameters given by position: the resources the request's path names (`barrack
    /// instance ID`).
    public var positionals: [PlatformCommandOption] { options.filter(\.isPositional) }

    /// The verb for a built-in name, or the built-in name for a verb.
    public static func verbName(_ builtin: String) -> String {
        // Not Foundation's `replacingOccurrences`: it bridges through `NSString`, and every
        // start of `barrack` names all 67 verbs.
        String(builtin.map { $0 == "_" ? "-" : $0 })
    }

    init(spec: PlatformBuiltinSpec) {
        name = PlatformCommand.verbName(spec.name)
        builtin = spec.name
        group = spec.group
        summary = spec.summary
        options = spec.parameters.map(PlatformCommandOption.init)
        isDestructive = spec.operation.rawValue.hasPrefix("delete_")
        returnsInstance = spec.group == "instances" && spec.returns.hasPrefix("map (the instance)")
    }
}

/// One parameter of a verb: `--os-volume-size 200GB`, `--ssh-keys a,b`, `--public-ip`, or a
/// positional id.
public struct PlatformCommandOption: Sendable {
    /// How the command line spells a value for it.
    public enum Shape: Sendable, Equatable {
        /// One value: `--name train-1`.
        case value
        /// A switch: `--public-ip` is true, `--no-public-ip` false.
        case flag
        /// Several values, comma-separated or the option repeated: `--ssh-keys a,b`.
        case list
        /// A GPU request: `--gpu MODEL` with `--count N` (1 when left out).
        case gpu
    }

    /// The built-in's parameter (`os_volume_size`).
    public let parameter: String
    /// The option's long name, without dashes (`os-volume-size`).
    public let flag: String
    /// How a value is written.
    public let shape: Shape
    /// Whether it is given by position rather than as an option.
    public let isPositional: Bool
    /// Whether the built-in needs it.
    public let isRequired: Bool
    /// What to write in usage: `ID`, `SIZE`, `JSON`, `REGION`, …
    public let valueName: String
    /// The values it accepts, when it is an enumeration (regions, GPU models, …).
    public let choices: [String]
    /// What it means.
    public let summary: String
    /// The default the built-in applies when it is left out, as help shows it.
    public let defaultDescription: String?
    private let kind: PlatformParameter.Kind

    init(_ parameter: PlatformParameter) {
        self.parameter = parameter.name
        flag = PlatformCommand.verbName(parameter.name)
        kind = parameter.kind
        if case .path = parameter.target { isPositional = true } else { isPositional = false }
        isRequired = parameter.isRequired
        summary = parameter.summary
        defaultDescription = parameter.defaultDescription
        switch parameter.kind {
        case .bool: shape = .flag
        case .resources, .strings: shape = .list
        case .gpu: shape = .gpu
        default: shape = .value
        }
        switch parameter.kind {
        case .choice(let values):
            choices = values
        case .gpu:
            choices = Catalogue.gpuModels
        default:
            choices = []
        }
        valueName = PlatformCommandOption.valueName(parameter)
    }

    /// Whether its values name resources of the platform (ids to complete).
    public var takesResources: Bool { kind == .resource || kind == .resources }

    /// The script value for what the command line gave: `texts` holds each occurrence's text
    /// (several for a list); a GPU request takes the model as its one text and `count`.
    ///
    /// Throws `ARGUMENT_ERROR` naming the option when a text cannot be such a value.
    public func value(_ texts: [String], count: Int? = nil) throws -> Value {
        func wrong(_ text: String, _ expected: String) -> ErrorObject {
            ErrorObject(code: "ARGUMENT_ERROR", message: "--\(flag) must be \(expected), not '\(text)'")
        }
        let text = texts.last ?? ""
        switch kind {
        case .string, .choice, .resource:
            return .string(text)
        case .int:
            guard let number = Int(text) else { throw wrong(text, "a whole number") }
            return .int(number)
        case .number:
            if let number = Int(text) { return .int(number) }
            guard let number = Double(text) else { throw wrong(text, "a number") }
            return .float(number)
        case .size:
            guard let gigabytes = PlatformCommandOption.gigabytes(text) else {
                throw wrong(text, "a size in GB such as 500, 500GB or 2TB")
            }
            return .int(gigabytes)
        case .bool:
            switch text.lowercased() {
            case "", "true", "yes", "1": return .bool(true)
            case "false", "no", "0": return .bool(false)
            default: throw wrong(text, "true or false")
            }
        case .resources, .strings:
            let items = texts.flatMap { $0.split(separator: ",").map { String($0).trimmed } }.filter { !$0.isEmpty }
            return .list(ListObject(items.map { .string($0) }))
        case .structure:
            do {
                return ValueConversion.value(try JSONValue(parsing: text))
            } catch {
                throw wrong(text, "JSON (a map or a list)")
            }
        case .gpu:
            let request = MapObject()
            request["model"] = .string(text)
            request["count"] = .int(count ?? 1)
            return .map(request)
        }
    }

    /// `500`, `500GB` and `2TB` as GB (a TB is 1,000 GB, as in the language's `2TB`).
    static func gigabytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        if upper.hasSuffix("TB"), let number = Int(upper.dropLast(2)) { return number * 1_000 }
        if upper.hasSuffix("GB"), let number = Int(upper.dropLast(2)) { return number }
        return Int(upper)
    }

    static func valueName(_ parameter: PlatformParameter) -> String {
        switch parameter.kind {
        case .string: return parameter.name == "name" ? "NAME" : "TEXT"
        case .int: return "N"
        case .number: return "NUMBER"
        case .size: return "SIZE"
        case .bool: return ""
        case .choice: return parameter.name.uppercased()
        case .resource: return "ID"
        case .resources: return "ID,…"
        case .gpu: return "MODEL"
        case .structure: return "JSON"
        case .strings: return "TEXT,…"
        }
    }
}

extension Platform {
    /// Every platform built-in as a command-line verb, in the order `help` lists them.
    public static var commands: [PlatformCommand] { BuiltinTable.all.map(PlatformCommand.init) }
}

extension String {
    fileprivate var trimmed: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
