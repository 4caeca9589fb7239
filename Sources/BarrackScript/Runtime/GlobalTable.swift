/// The values of top-level variables and built-ins, by slot; shared by every module and thread.
///
/// Storage is an unsafe buffer so that reading a global is one load; it only grows between runs
/// (when new code is compiled), never while code runs, so nodes can keep slot numbers.
final class GlobalTable {
    @exclusivity(unchecked) private(set) var storage: UnsafeMutablePointer<Value>
    private(set) var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: .null, count: capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    /// Adds a slot for `name` holding nil; returns its index.
    func add(_ name: String) -> Int {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: storage, count: capacity)
            (bigger + capacity).initialize(repeating: .null, count: capacity)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        count += 1
        return count - 1
    }

    /// Drops every slot from `count` on (the declarations of a program that failed to compile).
    func truncate(to count: Int) {
        guard count < self.count else { return }
        for slot in count..<self.count { storage[slot] = .null }
        self.count = count
    }
}
