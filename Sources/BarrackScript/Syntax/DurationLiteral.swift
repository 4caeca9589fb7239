/// The units of a duration literal and how a literal's text becomes milliseconds
/// (docs/LANGUAGE.md, "Durations"): `500ms`, `1.5h`, and the compound `1h30m` or `1s500ms` that
/// durations print as, so that a printed duration reads back as the same value.
enum DurationUnit {
    /// The units, largest first, with their length in milliseconds.
    static let all: [(name: String, milliseconds: Int)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// Why a literal's text is not a duration.
    struct Problem: Error {
        /// Completes "duration 'TEXT' …".
        let message: String
    }

    /// Whether the letters after a number make it a duration: a unit, then nothing or another
    /// number (`h`, `h30m`), so that `1min` stays an unknown suffix.
    static func startsSuffix(_ suffix: String) -> Bool {
        guard let (_, rest) = unit(at: Substring(suffix)) else { return false }
        return rest.first.map(\.isASCIIDigit) ?? true
    }

    /// The milliseconds of a literal whose number is `digits` (`number` as a double) and whose
    /// letters are `suffix`: whole numbers are counted exactly, a fraction (`1.5h`) is rounded to
    /// the millisecond and is allowed only in a single-unit literal.
    static func milliseconds(digits: String, number: Double, isFloat: Bool,
                             suffix: String) -> Result<Int, Problem> {
        guard let (first, rest) = unit(at: Substring(suffix)) else {
            return .failure(Problem(message: "has no unit: durations take ms, s, m, h or d"))
        }
        if rest.isEmpty && isFloat {
            let milliseconds = (number * Double(first.milliseconds)).rounded()
            guard milliseconds.magnitude < 9.2e18 else { return .failure(Problem(message: "is too long")) }
            return .success(Int(milliseconds))
        }
        if isFloat {
            return .failure(Problem(message: "mixes a fraction with more units: write 1h30m, or 1.5h alone"))
        }
        guard let whole = Int(digits) else { return .failure(Problem(message: "is too long")) }
        var total = 0
        var remaining = rest
        var part = (count: whole, unit: first)
        while true {
            let (product, overflow) = part.count.multipliedReportingOverflow(by: part.unit.milliseconds)
            let (sum, overflowSum) = total.addingReportingOverflow(product)
            guard !overflow, !overflowSum else { return .failure(Problem(message: "is too long")) }
            total = sum
            guard !remaining.isEmpty else { return .success(total) }
            let numberText = remaining.prefix { $0.isASCIIDigit || $0 == "_" }
            remaining = remaining.dropFirst(numberText.count)
            guard !numberText.isEmpty else {
                return .failure(Problem(message: "has '\(remaining)' after its last unit; each part is a number and a unit (1h30m)"))
            }
            guard let count = Int(numberText.filter { $0 != "_" }) else { return .failure(Problem(message: "is too long")) }
            guard let (next, afterUnit) = unit(at: remaining) else {
                return .failure(Problem(message: "has a part without a unit (ms, s, m, h or d)"))
            }
            guard next.milliseconds < part.unit.milliseconds else {
                return .failure(Problem(message: "must give its units from the largest to the smallest, each once (1h30m)"))
            }
            part = (count, next)
            remaining = afterUnit
        }
    }

    /// The unit at the start of `text` (`ms` before `m`) and what follows it.
    private static func unit(at text: Substring) -> ((name: String, milliseconds: Int), Substring)? {
        if text.hasPrefix("ms") { return (("ms", 1), text.dropFirst(2)) }
        guard let letter = text.first, let found = all.first(where: { $0.name == String(letter) }) else { return nil }
        return (found, text.dropFirst())
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
