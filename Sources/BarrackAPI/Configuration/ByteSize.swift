/// An amount of memory written as a number of bytes with an optional binary unit: `512M`, `2G`,
/// `1.5GiB`, `1048576` (K, M, G, T; `KB`, `MiB` and the like too; any letter case). It is how
/// `barrack run --max-memory` and the config file's `max_memory` are written.
///
/// ```swift
/// ByteSize("2G")?.bytes  // 2147483648
/// ```
public struct ByteSize: Sendable, Equatable {
    public let bytes: Int

    /// The size `text` says, or nil when it is not a size of at least one byte.
    public init?(_ text: String) {
        let text = text.uppercased()
        let (kilo, mega, giga, tera): (Double, Double, Double, Double) = (1_024, 1_048_576, 1_073_741_824, 1_099_511_627_776)
        let units: [(suffix: String, bytes: Double)] = [
            ("TIB", tera), ("GIB", giga), ("MIB", mega), ("KIB", kilo), ("TB", tera), ("GB", giga), ("MB", mega),
            ("KB", kilo), ("T", tera), ("G", giga), ("M", mega), ("K", kilo), ("B", 1),
        ]
        let unit = units.first { text.hasSuffix($0.suffix) && Double(text.dropLast($0.suffix.count)) != nil }
        guard let number = Double(unit.map { String(text.dropLast($0.suffix.count)) } ?? text),
              number.isFinite, number >= 1 else { return nil }
        let bytes = number * (unit?.bytes ?? 1)
        guard bytes < 9e18 else { return nil }
        self.bytes = Int(bytes)
    }
}
