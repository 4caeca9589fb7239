/// Decides which REPL lines look like they hold a secret, so that they never reach the history
/// file: the API key must not appear in any output, log or history (DESIGN.md, "What a user sees").
///
/// A line counts as secret when it
/// - contains the value of `$BARRACK_API_KEY` (when that is set);
/// - assigns a string to a name that says it holds a secret — a name with a part `key`, `apikey`,
///   `token`, `secret`, `password` or `passwd` (split at `_` and case changes), then `=` or `:`,
///   then a quote: `api_key = "…"`, `{token: "…"}`, `setPassword = "…"`; an ALL-CAPS name such as
///   `BARRACK_API_KEY=…` counts with any value, as in a shell;
/// - holds a token of 32 or more letters, digits, `_` and `-` with at least one letter and one
///   digit: the shape of generated keys (a GPU model or a resource id is at most 21 long).
///
/// It errs on the side of leaving lines out: a public SSH key assigned to `public_key` is not
/// stored either.
struct SecretFilter: Sendable {
    /// The API key in use, if any.
    var apiKey: String?

    /// Tokens at least this long that mix letters and digits look generated.
    static let minimumTokenLength = 32

    /// Name parts that mark a variable or map key as holding a secret.
    static let secretNameParts: Set<String> = ["key", "apikey", "token", "secret", "password", "passwd"]

    /// A filter that knows the key in `$BARRACK_API_KEY`.
    static func fromEnvironment(_ environment: [String: String]) -> SecretFilter {
        SecretFilter(apiKey: environment["BARRACK_API_KEY"])
    }

    /// Whether `line` must be kept out of the history.
    func isSecret(_ line: String) -> Bool {
        if let apiKey, !apiKey.isEmpty, line.contains(apiKey) { return true }
        return assignsSecret(line) || hasGeneratedToken(line)
    }

    private func assignsSecret(_ line: String) -> Bool {
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            guard isNameCharacter(characters[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
            let name = String(characters[start..<index])
            guard Self.namesSecret(name) else { continue }
            var next = index
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            guard next < characters.count, characters[next] == "=" || characters[next] == ":" else { continue }
            if characters[next] == "=", next + 1 < characters.count, characters[next + 1] == "=" { continue }
            next += 1
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            let isShellStyle = name == name.uppercased() && name != name.lowercased()
            if next < characters.count, characters[next] == "\"" || characters[next] == "'" || isShellStyle {
                return true
            }
        }
        return false
    }

    private func hasGeneratedToken(_ line: String) -> Bool {
        var length = 0
        var hasLetter = false
        var hasDigit = false
        for character in line + " " {
            if isNameCharacter(character) || character == "-" {
                length += 1
                hasLetter = hasLetter || character.isLetter
                hasDigit = hasDigit || character.isNumber
            } else {
                if length >= Self.minimumTokenLength, hasLetter, hasDigit { return true }
                length = 0
                hasLetter = false
                hasDigit = false
            }
        }
        return false
    }

    /// Whether one of the name's parts (split at `_` and at lower-to-upper case changes) marks a secret.
    static func namesSecret(_ name: String) -> Bool {
        var parts: [String] = []
        var current = ""
        var previousIsLower = false
        for character in name {
            if character == "_" {
                parts.append(current)
                current = ""
                previousIsLower = false
                continue
            }
            if character.isUppercase, previousIsLower {
                parts.append(current)
                current = ""
            }
            current.append(character)
            previousIsLower = character.isLowercase
        }
        parts.append(current)
        return parts.contains { secretNameParts.contains($0.lowercased()) }
    }

    private func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}
