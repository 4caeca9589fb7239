import BarrackScript
import Foundation
import BarrackTools

/// The resources of a session's platform, fetched by calling the listing built-ins through the
/// interpreter, kept for `freshness`, and never keeping Tab waiting longer than `patience`.
///
/// A fetch runs on its own thread. When it takes longer than `patience`, Tab offers nothing and
/// the fetch goes on, so the next Tab finds its answer. A failed fetch is kept as an empty list
/// for `freshness` too, so a platform that is down costs one wait, not one per Tab.
final class LiveResourceLookup: ResourceLookup, @unchecked Sendable {
    /// How long a listing stays good: 10 s keeps a burst of Tabs to one request while a resource
    /// created a moment ago still shows up soon.
    static let freshness: TimeInterval = 10
    /// The longest Tab waits for a listing: 1 s is about as long as a prompt can hang before it
    /// feels broken.
    static let patience: TimeInterval = 1
    /// The name of the fetching threads, as debuggers show it.
    static let threadName = "barrack.completion"

    /// One fetch in flight, signalled when its answer is in the cache.
    private final class Fetch: Sendable {
        let done = DispatchSemaphore(value: 0)
    }

    private let interpreter: Interpreter
    private let lock = NSLock()
    private var cache: [ResourceKind: (entries: [ResourceEntry], time: Date)] = [:]
    private var fetches: [ResourceKind: Fetch] = [:]

    /// A lookup that calls the listing built-ins registered in `interpreter`.
    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    func resources(_ kind: ResourceKind) -> [ResourceEntry] {
        lock.lock()
        if let entries = freshEntries(kind) {
            lock.unlock()
            return entries
        }
        let fetch = fetches[kind] ?? start(kind)
        lock.unlock()
        _ = fetch.done.wait(timeout: .now() + LiveResourceLookup.patience)
        lock.lock()
        defer { lock.unlock() }
        return freshEntries(kind) ?? []
    }

    /// The cached listing of `kind` while it is fresh; the lock is held.
    private func freshEntries(_ kind: ResourceKind) -> [ResourceEntry]? {
        guard let cached = cache[kind], Date().timeIntervalSince(cached.time) < LiveResourceLookup.freshness else {
            return nil
        }
        return cached.entries
    }

    /// Starts fetching `kind`; the lock is held. The listing built-in is looked up here, on the
    /// prompt's thread, since reading the globals needs no statement running.
    private func start(_ kind: ResourceKind) -> Fetch {
        let fetch = Fetch()
        fetches[kind] = fetch
        let listing = interpreter.global(kind.listingBuiltin)
        let interpreter = self.interpreter
        let thread = Foundation.Thread { [self] in
            let entries = listing.map { LiveResourceLookup.entries(calling: $0, in: interpreter) } ?? []
            lock.lock()
            cache[kind] = (entries, Date())
            fetches[kind] = nil
            lock.unlock()
            fetch.done.signal()
        }
        thread.name = LiveResourceLookup.threadName
        thread.start()
        return fetch
    }

    /// The ids and names in the list `listing()` returns; none when the call fails.
    static func entries(calling listing: Value, in interpreter: Interpreter) -> [ResourceEntry] {
        guard case .list(let list)? = try? interpreter.call(listing, []) else { return [] }
        return list.elements.compactMap { element in
            guard case .map(let record) = element, case .string(let id)? = record["id"] else { return nil }
            guard case .string(let name)? = record["name"] else { return ResourceEntry(id: id, name: "") }
            return ResourceEntry(id: id, name: name)
        }
    }
}
