/// The storage of a map value: string keys in insertion order.
///
/// `@unchecked Sendable` for the reason given on `ListObject`.
public final class MapObject: @unchecked Sendable {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [Value] = []
    private var positions: [String: Int] = [:]
    /// Changes whenever a key is added or removed (not when a value is replaced), so that a
    /// `for` loop over the map can tell that its keys changed under it (`MapIteration`).
    public private(set) var keyVersion = 0

    /// Creates an empty map.
    public init() {}

    /// The number of entries.
    public var count: Int { keys.count }

    /// Reads or writes an entry; writing `nil` is not removal (use `removeValue`).
    public subscript(key: String) -> Value? {
        get {
            guard let position = positions[key] else { return nil }
            return values[position]
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            if let position = positions[key] {
                values[position] = newValue
            } else {
                positions[key] = keys.count
                keyVersion &+= 1
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Removes an entry, keeping the others in order; returns its value.
    @discardableResult
    public func removeValue(forKey key: String) -> Value? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        let value = values[position]
        keyVersion &+= 1
        keys.remove(at: position)
        values.remove(at: position)
        for index in position..<keys.count { positions[keys[index]] = index }
        return value
    }

    /// The entries in order.
    public var entries: Zip2Sequence<[String], [Value]> { zip(keys, values) }

    /// A new map with the same entries.
    public func copy() -> MapObject {
        let copy = MapObject()
        copy.keys = keys
        copy.values = values
        copy.positions = positions
        return copy
    }
}
