/// Values that must be one of a list (a parameter's `allowedValues`: regions, statuses, GPU
/// models), checked the same way before a script runs (`BuiltinCallCheck`) and when a built-in
/// converts its argument.
public enum Choice {
    /// The allowed value `text` names: the same text, else the same letters in another case (so
    /// that an atom can name a mixed-case value, `tier: ADVANCED`); nil when none.
    public static func match(_ text: String, among values: [String]) -> String? {
        values.first { $0 == text } ?? values.first { $0.lowercased() == text.lowercased() }
    }

    /// `; did you mean 'X'?` when one allowed value is close to what was written: the only one
    /// it starts (or that starts it), else the nearest by edit distance, letter case aside.
    public static func suggestion(_ text: String, among values: [String]) -> String {
        let close = values.filter { value in
            value.lowercased().hasPrefix(text.lowercased()) || text.lowercased().hasPrefix(value.lowercased())
        }
        if close.count == 1 { return "; did you mean '\(close[0])'?" }
        let lowered = Dictionary(values.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        guard let nearest = Suggestion.closest(text.lowercased(), among: lowered.keys.sorted()),
              let value = lowered[nearest] else { return "" }
        return "; did you mean '\(value)'?"
    }

    /// The message for `text` given to `parameter` of `builtin`, which takes one of `values`.
    public static func outsideMessage(_ text: String, parameter: String, builtin: String, values: [String]) -> String {
        "\(builtin): '\(parameter)' must be one of \(values.joined(separator: ", ")), not \(text)"
            + suggestion(text, among: values)
    }

    /// The message for an unknown GPU model `model` given to `builtin`.
    public static func unknownGPUModelMessage(_ model: String, builtin: String, models: [String]) -> String {
        "\(builtin): unknown GPU model '\(model)'" + suggestion(model, among: models)
            + " (models: \(models.joined(separator: ", ")); `gpu_stock()` shows what is in stock)"
    }

    /// The GPU counts a request may ask for (LANGUAGE.md section 4).
    public static let gpuCounts = [1, 2, 4, 8]

    /// The message for a GPU count outside `gpuCounts`.
    public static func badGPUCountMessage(_ count: Int) -> String {
        "a GPU count must be 1, 2, 4 or 8, not \(count)"
    }
}
