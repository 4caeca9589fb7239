/// The order of `sort`, `sort_by`, `min` and `max`: the order of `<`, made total for NaN, and a
/// stable sort that calls a script's comparator once per comparison.
///
/// `<` with a NaN is false both ways, so a comparison sort over it silently returns an unsorted
/// list (`[3.0, nan, 1.0].sort()` once gave `[3.0, nan, 1.0]`). Here NaN sorts after every other
/// number and equals itself, as in NumPy and SQL's `ORDER BY`; `max` of a list holding NaN is NaN.
enum SortOrder {
    /// -1, 0 or 1 as `a` sorts before, with or after `b`. Values that do not compare (a string
    /// and an int) are a `TYPE_ERROR` naming both types and `name`.
    static func compare(_ a: Value, _ b: Value, _ name: String) throws -> Int {
        let order = try Operators.compare(a, b, name)
        guard order == 2 else { return order }
        switch (isNaN(a), isNaN(b)) {
        case (true, true): return 0
        case (true, false): return 1
        default: return -1
        }
    }

    private static func isNaN(_ value: Value) -> Bool {
        if case .float(let number) = value { return number.isNaN }
        return false
    }

    /// `values` sorted so that `before(a, b)` holds for no `b` that comes after `a`; elements
    /// that are equal (neither before the other) keep their order. A bottom-up merge sort: it
    /// calls `before` once per comparison, n·log₂(n) times at most, and stays memory-safe with a
    /// comparator that is not a consistent order (the result is then some permutation).
    static func stableSorted<T>(_ values: [T], by before: (T, T) throws -> Bool) rethrows -> [T] {
        let count = values.count
        guard count > 1 else { return values }
        var source = values
        var target = values
        var width = 1
        while width < count {
            var start = 0
            while start < count {
                let middle = min(start + width, count)
                let end = min(start + 2 * width, count)
                var left = start
                var right = middle
                var out = start
                while left < middle, right < end {
                    // The right element goes first only when strictly before: equal ones keep their order.
                    if try before(source[right], source[left]) {
                        target[out] = source[right]
                        right += 1
                    } else {
                        target[out] = source[left]
                        left += 1
                    }
                    out += 1
                }
                while left < middle { target[out] = source[left]; left += 1; out += 1 }
                while right < end { target[out] = source[right]; right += 1; out += 1 }
                start = end
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }
}
