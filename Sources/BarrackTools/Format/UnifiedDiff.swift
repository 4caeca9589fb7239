/// The differences between two texts as a unified diff, line by line: what `barrack fmt --diff`
/// prints.
///
///     UnifiedDiff.text(old: "a\nb\n", new: "a\nc\n", path: "x.brk")
///     // --- x.brk
///     // +++ x.brk (formatted)
///     // @@ -1,2 +1,2 @@
///     //  a
///     // -b
///     // +c
///
/// The lines both texts start and end with are set aside first; the middle is matched by the
/// longest common subsequence. A middle of more than 4,000,000 line pairs (two changed runs of
/// 2,000 lines each) is shown as removed and added whole rather than matched, to bound the time
/// and memory.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3
    private static let maxMatchedPairs = 4_000_000

    /// The unified diff from `old` to `new`, headed by `path`; empty when they are equal.
    public static func text(old: String, new: String, path: String) -> String {
        let before = lines(old)
        let after = lines(new)
        let edits = self.edits(before, after)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(path)\n+++ \(path) (formatted)\n"
        for hunk in hunks(edits) {
            output += hunk
        }
        return output
    }

    private enum Kind { case same, removed, added }

    private struct Edit {
        var kind: Kind
        var text: String
        /// The 1-based line numbers in the old and the new text where this edit stands.
        var oldLine: Int
        var newLine: Int
    }

    /// The lines of `text`; a last line with no line break after it says so, as `diff` does.
    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else if let last = lines.popLast() {
            lines.append(last + "\n\\ No newline at end of file")
        }
        return lines
    }

    private static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var kinds: [(Kind, String)] = a[..<prefix].map { (.same, $0) }
        kinds += matched(middleA, middleB)
        kinds += a[(a.count - suffix)...].map { (.same, $0) }
        var edits: [Edit] = []
        var oldLine = 1
        var newLine = 1
        for (kind, text) in kinds {
            edits.append(Edit(kind: kind, text: text, oldLine: oldLine, newLine: newLine))
            if kind != .added { oldLine += 1 }
            if kind != .removed { newLine += 1 }
        }
        return edits
    }

    /// The middle, matched by a longest common subsequence.
    private static func matched(_ a: [String], _ b: [String]) -> [(Kind, String)] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maxMatchedPairs else {
            return a.map { (.removed, $0) } + b.map { (.added, $0) }
        }
        let width = b.count + 1
        // lengths[i * width + j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result: [(Kind, String)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append((.same, a[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                result.append((.removed, a[i]))
                i += 1
            } else {
                result.append((.added, b[j]))
                j += 1
            }
        }
        result += a[i...].map { (.removed, $0) }
        result += b[j...].map { (.added, $0) }
        return result
    }

    /// The changes with their context, changes closer than twice the context sharing a hunk.
    private static func hunks(_ edits: [Edit]) -> [String] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let low = max(0, index - context)
            let high = min(edits.count - 1, index + context)
            if let last = groups.last, low <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...high
            } else {
                groups.append(low...high)
            }
        }
        return groups.map { group in
            let slice = edits[group]
            let oldCount = slice.filter { $0.kind != .added }.count
            let newCount = slice.filter { $0.kind != .removed }.count
            let first = edits[group.lowerBound]
            let oldStart = oldCount == 0 ? first.oldLine - 1 : first.oldLine
            let newStart = newCount == 0 ? first.newLine - 1 : first.newLine
            var text = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in slice {
                switch edit.kind {
                case .same: text += " " + edit.text + "\n"
                case .removed: text += "-" + edit.text + "\n"
                case .added: text += "+" + edit.text + "\n"
                }
            }
            return text
        }
    }
}
