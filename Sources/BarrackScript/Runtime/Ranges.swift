/// The arithmetic of range values, checked: a range may span all 64-bit ints
/// (`range(-9223372036854775807 - 1, 9223372036854775807)`), whose length does not fit in an int,
/// so nothing here computes `upper - lower` unchecked.
enum Ranges {
    /// The number of ints in `lower..<upper`; `OVERFLOW` when it does not fit in an int.
    static func count(_ lower: Int, _ upper: Int) throws -> Int {
        guard upper > lower else { return 0 }
        let (length, overflowed) = upper.subtractingReportingOverflow(lower)
        if overflowed {
            throw ErrorObject.overflow("the length of the range \(text(lower, upper)) does not fit in an int")
        }
        return length
    }

    /// The element at `position` (negative counts from the end); `INDEX_ERROR` outside the range.
    static func element(_ lower: Int, _ upper: Int, at position: Int) throws -> Int {
        let (element, overflowed) = position < 0 ? upper.addingReportingOverflow(position)
                                                 : lower.addingReportingOverflow(position)
        guard !overflowed, element >= lower, element < upper else {
            throw ErrorObject.index("index \(position) is out of range for the range \(text(lower, upper))")
        }
        return element
    }

    /// The sum of `lower..<upper`; `OVERFLOW` when it does not fit in an int.
    static func sum(_ lower: Int, _ upper: Int) throws -> Int {
        let length = try count(lower, upper)
        guard length > 1 else { return length == 1 ? lower : 0 }
        // n * (first + last) / 2, halving whichever factor is even so no step leaves the int range.
        // With two or more elements, first + last overflows only when the sum does too.
        let last = upper - 1
        let (ends, endsOverflowed) = lower.addingReportingOverflow(last)
        let (product, productOverflowed) = length.isMultiple(of: 2)
            ? (length / 2).multipliedReportingOverflow(by: ends)
            : length.multipliedReportingOverflow(by: ends / 2)
        guard !endsOverflowed, !productOverflowed else {
            throw ErrorObject.overflow("the sum of the range \(text(lower, upper)) does not fit in an int")
        }
        return product
    }

    /// The elements as values, for the methods that need a list; `MEMORY_LIMIT` when the host's
    /// memory limit cannot hold them.
    static func elements(_ lower: Int, _ upper: Int, guard memory: MemoryGuard?) throws -> [Value] {
        let length = try count(lower, upper)
        try memory?.reserve(elements: length, of: "the range \(text(lower, upper)) as a list")
        try MemoryGuard.checkAllocatable(elements: length, of: "the range \(text(lower, upper)) as a list")
        var values: [Value] = []
        values.reserveCapacity(length)
        var current = lower
        while current < upper {
            values.append(.int(current))
            current += 1
        }
        return values
    }

    /// The range as `print` writes it: `0..4` for the ints 0 to 4.
    static func text(_ lower: Int, _ upper: Int) -> String {
        // The last element is upper - 1, which for upper == Int.min is one below any int.
        upper == Int.min ? "\(lower)..-9223372036854775809" : "\(lower)..\(upper - 1)"
    }
}
