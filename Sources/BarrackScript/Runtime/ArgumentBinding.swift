/// How the arguments of a call meet the parameters of a built-in: keyword arguments by name,
/// the others by position into the parameters still free, surplus ones into `rest` when the
/// built-in is variadic. One function serves the evaluator (over values), the static check of
/// `barrack check` (over expressions) and error reports (over argument offsets), so the three
/// cannot disagree.
enum ArgumentBinding {
    /// What keeps a call from binding.
    enum Problem: Error {
        /// The argument at `offset` names no parameter.
        case unknownLabel(offset: Int, label: String)
        /// The argument at `offset` names parameter `label`, which the argument at `earlier` took.
        case givenTwice(offset: Int, label: String, earlier: Int, earlierByPosition: Bool)
        /// The argument at `offset` is one more than the parameters.
        case surplus(offset: Int, count: Int)
        /// No argument gives required parameter `parameter`.
        case missing(parameter: Int)

        /// The offset of the argument at fault, if one is.
        var offset: Int? {
            switch self {
            case .unknownLabel(let offset, _), .surplus(let offset, _): return offset
            case .givenTwice(let offset, _, let earlier, let byPosition): return byPosition ? earlier : offset
            case .missing: return nil
            }
        }

        /// Whether the keyword of the argument at fault is the mistake (an unknown one), so that the
        /// caret goes under the keyword rather than its value.
        var isAboutTheKeyword: Bool {
            if case .unknownLabel = self { return true }
            return false
        }

        /// The error a script sees, naming the built-in, the parameter and what to do.
        func error(_ builtin: BuiltinFunction, labels: [String?]) -> ErrorObject {
            let parameters = builtin.parameters
            let list = parameters.isEmpty ? ""
                : " (parameters: " + parameters.map { $0.isRequired ? $0.name : "\($0.name)?" }.joined(separator: ", ") + ")"
            let message: String
            switch self {
            case .unknownLabel(_, let label):
                message = "\(builtin.name) has no parameter '\(label)'"
                    + Suggestion.didYouMean(label, among: parameters.map(\.name)) + list
            case .givenTwice(_, let label, let earlier, let byPosition):
                if byPosition {
                    let after = earlier > 0 && earlier - 1 < labels.count ? labels[earlier - 1] : nil
                    message = "\(builtin.name): '\(label)' is given twice: argument \(earlier + 1), by position, took it first"
                        + (after.map { "; it follows '\($0):' as an argument of its own — is an operator missing between "
                            + "them (a GPU request is MODEL x COUNT)?" } ?? "")
                } else {
                    message = "\(builtin.name): '\(label)' is given twice"
                }
            case .surplus(_, let count):
                message = "\(builtin.name) takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") "
                    + "but \(count) were given" + list
            case .missing(let index):
                message = "\(builtin.name) is missing its argument '\(parameters[index].name)'" + list
            }
            let error = ErrorObject.argument(message)
            error.argumentOffset = offset
            error.blamesKeyword = isAboutTheKeyword
            return error
        }
    }

    /// Binds `arguments` (with `labels`, nil for a positional one) to `builtin`'s parameters:
    /// each parameter's argument or nil, and the surplus of a variadic built-in.
    @inline(__always)
    static func bind<T>(_ arguments: [T], labels: [String?], to builtin: BuiltinFunction,
                        checkingRequired: Bool = true) throws(Problem) -> (bound: [T?], rest: [T]) {
        let parameters = builtin.parameters
        var bound = [T?](repeating: nil, count: parameters.count)
        var origin = [Int](repeating: -1, count: parameters.count)
        var rest: [T] = []
        var position = 0
        for (offset, argument) in arguments.enumerated() {
            if offset < labels.count, let label = labels[offset] {
                guard let index = parameters.firstIndex(where: { $0.name == label }) else {
                    throw .unknownLabel(offset: offset, label: label)
                }
                if origin[index] >= 0 {
                    let earlier = origin[index]
                    throw .givenTwice(offset: offset, label: label, earlier: earlier,
                                      earlierByPosition: earlier >= labels.count || labels[earlier] == nil)
                }
                bound[index] = argument
                origin[index] = offset
            } else {
                while position < parameters.count, origin[position] >= 0 { position += 1 }
                if position < parameters.count {
                    bound[position] = argument
                    origin[position] = offset
                    position += 1
                } else if builtin.isVariadic {
                    rest.append(argument)
                } else {
                    throw .surplus(offset: offset, count: arguments.count)
                }
            }
        }
        if checkingRequired {
            for (index, parameter) in parameters.enumerated() where parameter.isRequired && origin[index] < 0 {
                throw .missing(parameter: index)
            }
        }
        return (bound, rest)
    }

    /// The offset of the argument that gave parameter `name` in a call with `count` arguments and
    /// `labels`, for pointing at it when the built-in refuses its value.
    static func offset(ofParameter name: String, count: Int, labels: [String?], in builtin: BuiltinFunction) -> Int? {
        guard let index = builtin.parameters.firstIndex(where: { $0.name == name }),
              let bound = try? bind(Array(0..<count), labels: labels, to: builtin, checkingRequired: false).bound else {
            return nil
        }
        return bound[index]
    }
}
