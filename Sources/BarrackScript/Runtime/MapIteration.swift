/// The rule for a `for` loop over a map, shared by every engine that runs one: the entries in
/// insertion order, and a `VALUE_ERROR` when the loop's body adds or removes a key.
///
/// A loop over a map it changes has no good answer: the removed key was still produced with
/// `nil` (`for k, v in m { m.remove("c") }` once yielded `c nil`), and an added one may or may
/// not be. Python raises for this; so does this loop, at the step after the change, naming the
/// way out — iterating over `m.keys()`, a list made before the loop starts. Replacing the value
/// of an existing key is no change of keys and is allowed (`for k, v in m { m[k] = v * 2 }`).
///
///     var iteration = MapIteration(map)
///     while let (key, value) = try iteration.next() { … }
public struct MapIteration {
    private let map: MapObject
    private let version: Int
    private var position = 0

    /// Starts at the first entry of `map`.
    public init(_ map: MapObject) {
        self.map = map
        self.version = map.keyVersion
    }

    /// Goes on at `position` of an iteration that began when `map`'s keys were at `version`
    /// (the VM keeps both in registers between iterations).
    init(_ map: MapObject, version: Int, position: Int) {
        self.map = map
        self.version = version
        self.position = position
    }

    /// The version of the keys this iteration began with, and where it is.
    var state: (version: Int, position: Int) { (version, position) }

    /// The next entry, or nil after the last; a `VALUE_ERROR` when keys were added or removed
    /// since the iteration began.
    public mutating func next() throws -> (key: String, value: Value)? {
        guard map.keyVersion == version else {
            throw ErrorObject.value("the map's keys changed while a for loop went over it; "
                + "loop over a copy of its keys to change it: for k in m.keys() { … }")
        }
        guard position < map.keys.count else { return nil }
        defer { position += 1 }
        return (map.keys[position], map.values[position])
    }
}
