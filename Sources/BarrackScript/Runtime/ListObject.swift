/// The storage of a list value, shared by every holder of the list.
///
/// `@unchecked Sendable`: script code touches it only while holding the interpreter lock, so no
/// two threads ever use it at once.
public final class ListObject: @unchecked Sendable {
    /// The elements, in order.
    @exclusivity(unchecked) public var elements: [Value]

    /// Creates a list.
    public init(_ elements: [Value] = []) {
        self.elements = elements
    }
}
