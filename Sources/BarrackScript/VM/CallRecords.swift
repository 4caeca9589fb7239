extension VM {
    /// The frames one activation of the dispatch loop pushed, to return to: a stack in a buffer of
    /// its own, since a record holds no reference and an array's uniqueness check on every call
    /// and return cost more than the rest of the record's handling.
    ///
    /// Allocated at the first call: a built-in that calls a script function for each element
    /// (`map`, `sort`) starts an activation each time, most of which call nothing.
    struct CallRecords: ~Copyable {
        private var base: UnsafeMutablePointer<CallRecord>?
        private var capacity = 0
        private(set) var count = 0

        deinit {
            base?.deallocate()
        }

        var isEmpty: Bool { count == 0 }

        @inline(__always)
        mutating func push(_ record: CallRecord) {
            guard count < capacity, let base else { return grow(pushing: record) }
            (base + count).initialize(to: record)
            count &+= 1
        }

        @inline(__always)
        mutating func pop() -> CallRecord? {
            guard count > 0, let base else { return nil }
            count &-= 1
            return base[count]
        }

        @inline(never)
        private mutating func grow(pushing record: CallRecord) {
            capacity = max(16, capacity * 2)
            let larger = UnsafeMutablePointer<CallRecord>.allocate(capacity: capacity)
            if let base {
                larger.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = larger
            (larger + count).initialize(to: record)
            count &+= 1
        }
    }
}
