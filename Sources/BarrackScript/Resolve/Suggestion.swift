/// "Did you mean" suggestions by edit distance, for the language's errors and for hosts that
/// check their own values (the platform's regions and GPU models).
public enum Suggestion {
    /// `; did you mean 'name'?` for the closest candidate within a distance that scales with the
    /// word's length (a third of it, at least 1), or an empty string.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        guard let best = closest(word, among: candidates) else { return "" }
        return "; did you mean '\(best)'?"
    }

    /// The closest candidate, if one is close enough. A word of three letters or fewer only
    /// matches with its letters swapped or in another case: `ip` is not a typo of `id`, where
    /// one changed letter is a third of the word.
    ///
    /// Of candidates equally close, one that starts with the word's first letter wins (`pint` is
    /// `print`, not `int`), then the first in alphabetical order, so that the suggestion never
    /// depends on the order the candidates come in (a dictionary's keys).
    public static func closest(_ word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, rank: (Int, Int))?
        for candidate in candidates where candidate != word {
            if word.count <= 3, candidate.lowercased().sorted() != word.lowercased().sorted() { continue }
            let distance = editDistance(word, candidate)
            guard distance <= limit else { continue }
            let rank = (distance, candidate.first == word.first ? 0 : 1)
            if let best, rank > best.rank || (rank == best.rank && candidate >= best.name) { continue }
            best = (candidate, rank)
        }
        return best?.name
    }

    /// Edit distance over Unicode scalars, counting a swap of neighbours as one edit (the
    /// commonest typo: `nmae` for `name`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
