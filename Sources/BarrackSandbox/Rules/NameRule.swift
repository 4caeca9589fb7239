/// A naming rule of the platform: a length range, ASCII letters and digits plus some punctuation,
/// and punctuation that may not start or end a name.
struct NameRule: Sendable, Equatable {
    /// What is being named, for messages ("instance name").
    let what: String
    let lengths: ClosedRange<Int>
    /// Characters allowed besides ASCII letters and digits.
    let extraCharacters: String
    /// Characters allowed inside a name but not as its first or last character.
    var edgeForbidden: String = ""

    /// Why `name` breaks the rule, or `nil` when it follows it.
    func violation(of name: String) -> String? {
        let count = name.count
        guard lengths.contains(count) else {
            return "\(what) '\(name)' has \(count) characters; it needs \(lengths.lowerBound) to \(lengths.upperBound)"
        }
        if let bad = name.first(where: { !isAllowed($0) }) {
            return "\(what) '\(name)' contains '\(bad)'; allowed are letters, digits\(describedExtras)"
        }
        if name.allSatisfy({ $0 == " " }) {
            return "\(what) '\(name)' has only spaces; it needs a letter, digit or other allowed character"
        }
        if let first = name.first, edgeForbidden.contains(first) {
            return "\(what) '\(name)' starts with '\(first)'; it must start with a letter or digit"
        }
        if let last = name.last, edgeForbidden.contains(last) {
            return "\(what) '\(name)' ends with '\(last)'; it must end with a letter or digit"
        }
        return nil
    }

    private func isAllowed(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || extraCharacters.contains(character)
    }

    private var describedExtras: String {
        let names = extraCharacters.map { $0 == " " ? "space" : "'\($0)'" }
        return names.isEmpty ? "" : " and " + names.joined(separator: ", ")
    }
}
