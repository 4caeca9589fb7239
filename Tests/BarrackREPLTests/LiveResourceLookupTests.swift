import BarrackScript
import Foundation
import Testing
@testable import barrack
@testable import BarrackTools

/// The session's lookup: listing built-ins called through the interpreter, cached, and never
/// keeping Tab waiting long.
struct LiveResourceLookupTests {
    /// Counts the calls of a listing built-in.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    private func interpreter(listing name: String, delay: Double = 0, counter: Counter,
                             result: @escaping @Sendable () throws -> Value) -> Interpreter {
        let interpreter = Interpreter()
        interpreter.register(BuiltinFunction(name: name, parameters: []) { _ in
            counter.increment()
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            return try result()
        })
        return interpreter
    }

    private static let twoInstances: Value = .list(ListObject([
        .map(["id": .string("BRK-100001VM"), "name": .string("trainer")]),
        .map(["id": .string("BRK-100002VM")]),
    ]))

    @Test func theListingGivesIdsAndNamesAndIsKeptForTenSeconds() {
        let counter = Counter()
        let lookup = LiveResourceLookup(interpreter: interpreter(listing: "instances", counter: counter) {
            LiveResourceLookupTests.twoInstances
        })
        let expected = [ResourceEntry(id: "BRK-100001VM", name: "trainer"), ResourceEntry(id: "BRK-100002VM", name: "")]
        #expect(lookup.resources(.instance) == expected)
        #expect(lookup.resources(.instance) == expected)
        #expect(counter.value == 1)
        #expect(lookup.resources(.volume).isEmpty)
    }

    @Test func aFailingListingOffersNothing() {
        let counter = Counter()
        let lookup = LiveResourceLookup(interpreter: interpreter(listing: "volumes", counter: counter) {
            throw ErrorObject(code: "API_ERROR", message: "down")
        })
        #expect(lookup.resources(.volume).isEmpty)
        #expect(lookup.resources(.volume).isEmpty)
        #expect(counter.value == 1)
    }

    @Test func aSlowListingOffersNothingAfterOneSecondThenItsAnswer() {
        let counter = Counter()
        let lookup = LiveResourceLookup(interpreter: interpreter(listing: "instances", delay: 2, counter: counter) {
            LiveResourceLookupTests.twoInstances
        })
        let start = Date()
        #expect(lookup.resources(.instance).isEmpty)
        let waited = Date().timeIntervalSince(start)
        #expect(waited >= 0.9 && waited < 1.5)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(lookup.resources(.instance).count == 2)
        #expect(counter.value == 1)
    }
}
