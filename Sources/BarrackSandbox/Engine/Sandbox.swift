import BarrackAPI
import Foundation

/// The simulated Barrack platform: one shared state answering the contract's 67 operations.
///
/// A `Sandbox` is safe to share between threads and tasks: one lock guards the state, and each
/// request first brings the world up to the simulated clock, then runs, then saves what changed.
/// It is served in-process by `SandboxTransport` and over HTTP by `barrack sandbox serve`.
///
/// Several processes share one data folder: each request is a short transaction of the store
/// (`SandboxStateStore`): it takes the folder's lock, rereads the state when another process
/// changed it, runs and saves. Nothing holds the folder between requests, so a REPL left open
/// never locks out a script or `barrack sandbox status`. Each process runs its own simulated
/// clock; one that finds a later instant in the state moves its clock forward to it.
///
/// ```swift
/// let sandbox = try Sandbox(configuration: .init(dataDirectory: folder, speed: 0))
/// let client = BarrackClient(transport: SandboxTransport(sandbox: sandbox))
/// sandbox.clock.advance(by: 300)   // every deploy has finished
/// ```
public final class Sandbox: @unchecked Sendable {
    /// How a sandbox is set up.
    public struct Configuration: Sendable {
        /// The data folder holding `sandbox.json`; `nil` keeps the state in memory only.
        public var dataDirectory: URL?
        /// Simulated seconds per real second; 0 freezes the clock for deterministic tests.
        public var speed: Double
        /// The seed of ids, names, addresses and deploy times of a fresh sandbox.
        public var seed: UInt64
        /// Which API keys the sandbox accepts.
        public var keyPolicy: KeyPolicy
        /// How long a request waits for another process's transaction before it fails with
        /// `SandboxStoreError.locked`: 5 s, where a transaction takes about a millisecond.
        public var lockWait: TimeInterval
        /// Where every request and answer is recorded, one JSON line each; `nil` records nothing.
        public var trace: TraceLog?

        public init(dataDirectory: URL? = nil, speed: Double = Sandbox.defaultSpeed,
                    seed: UInt64 = 1, keyPolicy: KeyPolicy = .optional, lockWait: TimeInterval = 5,
                    trace: TraceLog? = nil) {
            self.dataDirectory = dataDirectory
            self.speed = speed
            self.seed = seed
            self.keyPolicy = keyPolicy
            self.lockWait = lockWait
            self.trace = trace
        }
    }

    /// Which API keys the sandbox accepts.
    public enum KeyPolicy: Sendable, Equatable {
        /// No key needed: the in-process default.
        case optional
        /// Any non-empty key, as `Authorization: Bearer <key>` or `X-API-Key`.
        case anyKey
        /// Exactly this key.
        case exactly(String)
    }

    /// Simulated seconds per real second unless told otherwise: the catalogue's default, with
    /// which a 2–5 minute deploy takes 2–5 real seconds.
    public static let defaultSpeed: Double = SandboxCatalogue.standard.defaultSpeed

    /// The simulated clock; advance it, or sleep on it.
    public let clock: SandboxClock
    public let configuration: Configuration

    private let lock = NSLock()
    private var world: World
    private let store: (any SandboxStateStore)?
    /// The saved state `world` was last read from or written as; another version means another
    /// process has changed it since.
    private var knownVersion: StateVersion?
    /// Whether operations that change the state are logged in `changes` (rehearsals only).
    private let recordsChanges: Bool
    private var changeLog: [SandboxChange] = []

    /// Opens the sandbox, loading its saved state, or starting fresh when there is none.
    ///
    /// Throws `SandboxStoreError.locked` when another process holds the data folder for longer
    /// than `lockWait`, and `.corrupt` when the saved state was damaged (it has been moved aside;
    /// opening again starts fresh).
    public convenience init(configuration: Configuration = Configuration()) throws {
        try self.init(configuration: configuration, store: configuration.dataDirectory.map { SandboxStore(directory: $0) })
    }

    /// Opens a sandbox whose state a host keeps (the playground keeps each learner's in its
    /// database); `configuration.dataDirectory` is not used.
    public convenience init(configuration: Configuration = Configuration(), storage: any SandboxStateStorage) throws {
        try self.init(configuration: configuration, store: HostedStateStore(storage: storage))
    }

    private init(configuration: Configuration, store: (any SandboxStateStore)?) throws {
        self.configuration = configuration
        recordsChanges = false
        let catalogue = SandboxCatalogue.standard
        var state = SandboxState.fresh(catalogue: catalogue, seed: configuration.seed)
        if let store {
            knownVersion = try store.exclusively(wait: configuration.lockWait) {
                if let saved = try store.load() {
                    state = saved
                } else {
                    try store.save(state)
                }
                return store.version()
            }
        }
        self.store = store
        world = World(state: state, catalogue: catalogue)
        // The clock stands still while no process has the sandbox open: it resumes where it stopped.
        clock = SandboxClock(start: world.state.now, speed: configuration.speed)
    }

    /// A sandbox in memory only, starting from `state`, its clock standing still.
    init(state: SandboxState) {
        configuration = Configuration(dataDirectory: nil, speed: 0)
        store = nil
        world = World(state: state, catalogue: .standard)
        clock = SandboxClock(start: state.now, speed: 0)
        recordsChanges = true
    }

    /// Opens the sandbox in the default data folder of `environment`
    /// (`$XDG_DATA_HOME/barrack`, else `~/.local/share/barrack`); `BARRACK_SANDBOX_TRACE=FILE`
    /// records every request and answer in FILE.
    public static func openDefault(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   speed: Double = Sandbox.defaultSpeed,
                                   keyPolicy: KeyPolicy = .optional) throws -> Sandbox {
        guard let directory = SandboxStore.defaultDirectory(environment: environment) else {
            throw SandboxStoreError.io(path: "~/.local/share/barrack", reason: "neither XDG_DATA_HOME nor HOME is set")
        }
        let trace = environment["BARRACK_SANDBOX_TRACE"].flatMap { $0.isEmpty ? nil : TraceLog(file: URL(fileURLWithPath: $0)) }
        return try Sandbox(configuration: Configuration(dataDirectory: directory, speed: speed, keyPolicy: keyPolicy,
                                                        trace: trace))
    }

    /// Saves the clock's instant, so that the next process resumes there; the sandbox must not
    /// be used afterwards.
    public func close() throws {
        try save()
    }

    // MARK: Requests

    /// Answers one request: `method` and `path` as on the wire, with the query, headers and body.
    ///
    /// Never throws: every failure is an answer with the contract's error envelope.
    public func handle(method: String, path: String, query: [QueryItem] = [], headers: [String: String] = [:],
                       body: Data? = nil) -> TransportResponse {
        let response = answer(method: method, path: path, query: query, headers: headers, body: body)
        configuration.trace?.record(method: method, path: path, query: query, body: body, response: response)
        return response
    }

    private func answer(method: String, path: String, query: [QueryItem], headers: [String: String],
                        body: Data?) -> TransportResponse {
        if let document = APIDescriptionRoute.answer(method: method, path: path) { return document }
        let requestID = Self.newRequestID()
        do {
            try authorize(headers)
            if let answer = try administer(method: method, path: path, body: body) {
                return respond(status: 200, answer)
            }
            if let empty = Self.emptySegment(in: path) {
                throw SandboxError(.notFound, "no operation at \(method) \(path): segment \(empty) of the path is empty",
                                   ["path": .string(path)])
            }
            guard case let .matched(endpoint, parameters) = EndpointTable.match(method: method, path: path) else {
                if case .methodNotAllowed(let allowed) = EndpointTable.match(method: method, path: path) {
                    let names = allowed.map(\.rawValue).joined(separator: ", ")
                    throw SandboxError(.notFound, "\(path) does not take \(method); it takes \(names)",
                                       details: JSONObject([.init(key: "allowed",
                                                                  value: .array(allowed.map { .string($0.rawValue) }))]),
                                       status: 405)
                }
                throw SandboxError(.notFound, "no operation at \(method) \(path)", ["path": .string(path)])
            }
            let json = try parseBody(body)
            let fields = try Fields.body(json)
            if let json, let unknown = RequestSchema.unknownFields(in: json, for: endpoint.operation).first {
                throw SandboxError(.invalidValue, "\(endpoint.operation) refuses \(unknown)",
                                   details: JSONObject([.init(key: "field", value: .string(unknown.path)),
                                                        .init(key: "allowed", value: .array(unknown.known.map { .string($0) }))]))
            }
            if body == nil || json == nil, endpoint.bodySchema != nil, !endpoint.isBodyOptional {
                throw SandboxError(.missingField, "\(endpoint.operation) needs a JSON body (\(endpoint.bodySchema ?? "")); "
                                   + "send {} when every member is optional", ["fields": ["body"]])
            }
            var queryValues: [String: String] = [:]
            for item in query {
                guard !item.value.isEmpty || !endpoint.queryParameters.contains(item.name) else {
                    throw SandboxError.invalidValue(item.name, "the query parameter \(item.name) is empty; give it a value or leave it out")
                }
                queryValues[item.name] = item.value
            }
            let call = Call(operation: endpoint.operation, parameters: parameters, query: queryValues, body: fields)
            let reply = try perform(call)
            return respond(status: reply.status, reply.envelope(requestID: requestID))
        } catch let error as SandboxError {
            return respond(status: error.status, error.envelope(requestID: requestID))
        } catch {
            let failure = SandboxError(.serverError, "the sandbox failed: \(error)")
            return respond(status: 500, failure.envelope(requestID: requestID))
        }
    }

    /// A fresh `request_id`: `req_` and 16 hexadecimal digits.
    static func newRequestID() -> String {
        "req_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// The position (from 1) of the first empty segment of `path` (`/api/snapshots//image/` has
    /// one at 3), or nil. Only the final `/` may end in nothing: a router that collapsed `//`
    /// would answer `GET /api/snapshots//image/` as the detail read of a snapshot named `image`.
    static func emptySegment(in path: String) -> Int? {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var segments = withoutQuery.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.first?.isEmpty == true else { return nil }
        segments.removeFirst()
        if segments.last?.isEmpty == true { segments.removeLast() }
        return segments.firstIndex { $0.isEmpty }.map { $0 + 1 }
    }

    /// The sandbox's own routes (`AdminRoutes`); nil when the request is for the platform's API.
    private func administer(method: String, path: String, body: Data?) throws -> JSONValue? {
        let trimmed = path.hasSuffix("/") ? path : path + "/"
        guard trimmed == AdminRoutes.advanceClock else { return nil }
        guard method == "POST" else {
            throw SandboxError(.notFound, "\(path) takes POST with {\"seconds\": N}",
                               details: JSONObject([.init(key: "allowed", value: ["POST"])]), status: 405)
        }
        guard let seconds = try parseBody(body)?["seconds"]?.doubleValue, seconds >= 0, seconds.isFinite else {
            throw SandboxError(.invalidValue, "\(path) needs {\"seconds\": N} with N a number of at least 0")
        }
        advance(by: seconds)
        let now = ISO8601DateFormatter().string(from: clock.now)
        return .object(JSONObject([.init(key: "success", value: .bool(true)), .init(key: "now", value: .string(now))]))
    }

    private func perform(_ call: Call) throws -> Reply {
        try transaction {
            let previous = world
            var attempt = world
            let reply = try attempt.perform(call).paged(for: call, catalogue: attempt.catalogue)
            world = attempt
            if recordsChanges, hasChanged(since: previous.state) { logChange(call, reply: reply, previous: previous) }
            return reply
        }
    }

    /// Logs what `call` changed; the resource is the path's `id`, else the one the answer is about.
    private func logChange(_ call: Call, reply: Reply, previous: World) {
        var id = call.parameters["id"]
        if id == nil {
            for member in reply.payload {
                if case .object(let object) = member.value, let found = object["id"]?.stringValue {
                    id = found
                    break
                }
            }
        }
        let summary = id.flatMap { world.summary(ofResource: $0) ?? previous.summary(ofResource: $0) }
        changeLog.append(SandboxChange(operation: call.operation, resourceID: id, name: summary?.name,
                                       region: summary?.region, gpus: summary?.gpus,
                                       hourlyBefore: previous.steadyHourlySpend, hourlyAfter: world.steadyHourlySpend))
    }

    /// The operations that changed a rehearsal sandbox, in order; empty for other sandboxes.
    public var changes: [SandboxChange] {
        lock.withLock { changeLog }
    }

    /// What the account will spend per hour once the changes under way have finished.
    public var steadyHourlySpend: Double {
        lock.withLock {
            world.advance(to: clock.now)
            return world.steadyHourlySpend
        }
    }

    /// What the account has been charged up to now (instances, volumes, AI use): its credit less
    /// its balance. The playground's teacher's view shows it as each learner's spend.
    public var charged: Double {
        lock.withLock {
            world.advance(to: clock.now)
            return World.money(world.state.account.credit - world.balance)
        }
    }

    /// The balance now and its currency.
    public var balance: (amount: Double, currency: String) {
        lock.withLock {
            world.advance(to: clock.now)
            return (World.money(world.balance), world.currency.rawValue)
        }
    }

    /// Runs `body` as one transaction: this process's lock, the store's lock, the state reread
    /// when another process changed it, the world brought up to the clock.
    private func transaction<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            guard let store else {
                world.advance(to: clock.now)
                return try body()
            }
            return try store.exclusively(wait: configuration.lockWait) {
                try refresh(from: store)
                // What the clock moved on (a deploy that finished) is saved with the request's change.
                let before = world.state
                world.advance(to: clock.now)
                let result = try body()
                if hasChanged(since: before) { try saveLocked() }
                return result
            }
        }
    }

    /// Rereads the saved state when another process wrote it since this one last read or wrote.
    /// A missing file (removed by hand) keeps this process's state, which its next change saves.
    private func refresh(from store: any SandboxStateStore) throws {
        guard let version = store.version(), version != knownVersion else { return }
        guard let saved = try store.load() else { return }
        world = World(state: saved, catalogue: world.catalogue)
        knownVersion = version
        clock.advance(to: saved.now)
    }

    private func hasChanged(since before: SandboxState) -> Bool {
        var probe = before
        probe.now = world.state.now
        return probe != world.state
    }

    private func authorize(_ headers: [String: String]) throws(SandboxError) {
        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        var key = header("X-API-Key")
        if let authorization = header("Authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].caseInsensitiveCompare("Bearer") == .orderedSame {
                key = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        switch configuration.keyPolicy {
        case .optional:
            return
        case .anyKey:
            guard let key, !key.isEmpty else {
                throw SandboxError(.unauthorized, "an API key is required: send 'Authorization: Bearer <key>' "
                                   + "(the sandbox accepts any non-empty key)")
            }
        case .exactly(let expected):
            guard let key, !key.isEmpty else {
                throw SandboxError(.unauthorized, "an API key is required: send 'Authorization: Bearer <key>'")
            }
            guard key == expected else { throw SandboxError(.unauthorized, "the API key is not valid") }
        }
    }

    private func parseBody(_ body: Data?) throws(SandboxError) -> JSONValue? {
        guard let body, !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        do {
            // A key given twice is refused, not resolved: the client meant one of the two, and
            // taking the last silently would act on a guess.
            return try JSONValue(parsingRejectingDuplicateKeys: [UInt8](body))
        } catch {
            throw SandboxError(.invalidValue, "the request body is not valid JSON: \(error)")
        }
    }

    private func respond(status: Int, _ envelope: JSONValue) -> TransportResponse {
        var headers = ["Content-Type": "application/json"]
        // A 405 says which methods the path takes, as HTTP asks (RFC 9110, section 15.5.6).
        if status == 405, let allowed = envelope["error"]?["details"]?["allowed"]?.arrayValue {
            headers["Allow"] = allowed.compactMap(\.stringValue).joined(separator: ", ")
        }
        return TransportResponse(status: status, headers: headers, body: envelope.jsonData())
    }

    // MARK: The clock

    /// Waits `seconds` of simulated time (see `SandboxClock.sleep(seconds:)`).
    public func sleep(seconds: TimeInterval) async throws {
        try await clock.sleep(seconds: seconds)
    }

    /// Moves simulated time on by `seconds` at once.
    public func advance(by seconds: TimeInterval) {
        clock.advance(by: seconds)
    }

    // MARK: Administration

    /// Starts over: a fresh account, full stock, no resources, the clock back at its start.
    public func reset() throws {
        try transaction {
            world = World(state: .fresh(catalogue: world.catalogue, seed: configuration.seed), catalogue: world.catalogue)
            clock.reset(to: world.state.now)
            try saveLocked()
        }
    }

    /// Sets the free GPUs of `model` in `region`, so that `OUT_OF_STOCK` can be shown and tested.
    public func setStock(region: String, model: String, gpus: Int) throws {
        try mutate { (world: inout World) throws(SandboxError) in
            let region = try world.region(region)
            let model = try world.gpuModel(model)
            guard model.tier == region.tier else {
                throw .notInTier("GPU model \(model.name)", tier: region.tier, region: region.name)
            }
            guard gpus >= 0 else { throw .invalidValue("gpus", "a stock cannot be negative; got \(gpus)") }
            world.state.stock[region.name, default: [:]][model.name] = gpus
        }
    }

    /// Adds `amount` (negative to take away) to the account's credit.
    public func addCredit(_ amount: Double) throws {
        try mutate { (world: inout World) throws(SandboxError) in world.state.account.credit += amount }
    }

    /// Sets the balance to `amount` from now on (charges already made stay on record), so that
    /// `INSUFFICIENT_CREDITS` can be staged: `barrack sandbox set balance 5`.
    public func setBalance(_ amount: Double) throws {
        try mutate { (world: inout World) throws(SandboxError) in
            guard amount.isFinite else { throw .invalidValue("balance", "a balance must be a number; got \(amount)") }
            world.state.account.credit += amount - world.balance
        }
    }

    /// The fields of the account's profile, as the platform names them.
    public static var profileFields: [String] { Profile.fieldNames }

    /// Sets one field of the profile (`country` to "" stages `PROFILE_INCOMPLETE`).
    public func setProfileField(_ field: String, to value: String) throws {
        try mutate { (world: inout World) throws(SandboxError) in
            guard world.state.account.profile.set(field, to: value) else {
                throw .invalidValue(field, "the profile has no field '\(field)'; its fields are "
                                    + Profile.fieldNames.joined(separator: ", "))
            }
        }
    }

    /// The profile's fields and values, in the platform's order.
    public var profile: [(field: String, value: String)] {
        inspect { world in
            let profile = world.state.account.profile
            let values = [profile.fullName, profile.billingAddressLine1, profile.postalCode, profile.country]
            return Array(zip(Profile.fieldNames, values)).map { (field: $0.0, value: $0.1) }
        }
    }

    /// Clears or fills the profile, so that `PROFILE_INCOMPLETE` can be shown and tested.
    public func setProfileComplete(_ complete: Bool) throws {
        try mutate { (world: inout World) throws(SandboxError) in
            world.state.account.profile = complete ? world.catalogue.initialProfile
                : Profile(fullName: "", billingAddressLine1: "", postalCode: "", country: "")
        }
    }

    /// A summary for `barrack sandbox status`.
    /// When the data folder cannot be read, the state this process last saw.
    public var status: SandboxStatus {
        (try? currentStatus()) ?? lock.withLock { SandboxStatus(world: world, speed: clock.speed, file: store?.fileURL) }
    }

    /// A summary for `barrack sandbox status`, read from the data folder.
    public func currentStatus() throws -> SandboxStatus {
        try transaction { SandboxStatus(world: world, speed: clock.speed, file: store?.fileURL) }
    }

    /// `currentStatus()` with the instant it shows saved in the same transaction: a host that shows
    /// the clock (the playground's panel) never shows a time that a restart would go back before.
    public func savedStatus() throws -> SandboxStatus {
        try transaction {
            try saveLocked()
            return SandboxStatus(world: world, speed: clock.speed, file: store?.fileURL)
        }
    }

    /// Persists the state now.
    public func save() throws {
        try transaction { try saveLocked() }
    }

    /// Reads the world in a transaction, brought up to the clock (for tests and status).
    func inspect<T>(_ read: (World) -> T) -> T {
        lock.withLock {
            world.advance(to: clock.now)
            return read(world)
        }
    }

    /// Changes the world under the lock without any rule (tests put instances in ERROR with it).
    func edit(_ change: (inout World) -> Void) {
        lock.withLock {
            world.advance(to: clock.now)
            change(&world)
        }
    }

    /// A refusal is thrown as the `BarrackAPIError` the platform would answer with, so that the
    /// command line reports its code and message as it does the platform's.
    private func mutate(_ change: (inout World) throws(SandboxError) -> Void) throws {
        try transaction {
            var attempt = world
            do {
                try change(&attempt)
            } catch let error as SandboxError {
                throw BarrackAPIError(error.code, status: error.status, message: error.message,
                                      details: error.details.isEmpty ? nil : .object(error.details))
            }
            world = attempt
        }
    }

    /// Saves inside a transaction and remembers the version written, so that this process does
    /// not reread its own write.
    private func saveLocked() throws {
        // The saved instant is the clock's, so a reopened sandbox resumes where this one stopped.
        world.advance(to: clock.now)
        guard let store else { return }
        try store.save(world.state)
        knownVersion = store.version()
    }
}
