import Foundation

/// The learners' sessions: created with a random token, found by it, opened from the database
/// after a restart, and removed once idle for longer than the limit.
final class SessionRegistry: @unchecked Sendable {
    let store: PlaygroundStore
    let limits: PlaygroundLimits
    private let lock = NSLock()
    private var open: [String: LearnerSession] = [:]
    private var lastSweep = Date()
    /// Where long runs let short ones go first, across every session.
    private let gate = RunGate()

    init(store: PlaygroundStore, limits: PlaygroundLimits) {
        self.store = store
        self.limits = limits
    }

    /// A new session's token (128 random bits in hex); throws `FULL` at the session limit.
    func create() throws -> String {
        guard try store.sessionCount() < limits.sessions else {
            throw PlaygroundError(status: .serviceUnavailable, code: "FULL",
                                  message: "the playground has \(limits.sessions) sessions, its limit; try again later")
        }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
        try store.createSession(token, at: Date().timeIntervalSince1970)
        return token
    }

    /// The session of `token`, opened when needed; nil for no token or an unknown or expired one.
    func session(_ token: String?) throws -> LearnerSession? {
        guard let token, token.count == 32, token.allSatisfy(\.isHexDigit) else { return nil }
        guard try store.touch(token, at: Date().timeIntervalSince1970) else {
            lock.withLock { _ = open.removeValue(forKey: token) }
            return nil
        }
        return try opened(token)
    }

    /// The session of `token` (one the database has) without marking it used: the teacher's view
    /// reads every learner's spend every few seconds, and that must not keep an idle session alive.
    func peek(_ token: String) throws -> LearnerSession? {
        guard try store.membership(token) != nil else { return nil }
        return try opened(token)
    }

    /// The open session of `token`, opened from the database when needed.
    private func opened(_ token: String) throws -> LearnerSession {
        try lock.withLock {
            if let session = open[token] { return session }
            let session = try LearnerSession(token: token, store: store, limits: limits, gate: gate)
            open[token] = session
            return session
        }
    }

    /// Removes idle sessions when the last sweep is longer ago than a tenth of the idle limit
    /// (at most a minute); called after each request.
    func sweepIfDue(now: Date = Date()) {
        let due = lock.withLock {
            guard now.timeIntervalSince(lastSweep) >= min(60, limits.sessionIdleSeconds / 10) else { return false }
            lastSweep = now
            return true
        }
        if due { _ = try? expireIdle(now: now) }
    }

    /// Removes the sessions idle for longer than the limit, with their sandboxes.
    @discardableResult
    func expireIdle(now: Date = Date()) throws -> Int {
        let gone = try store.expire(before: now.timeIntervalSince1970 - limits.sessionIdleSeconds)
        lock.withLock { for token in gone { open.removeValue(forKey: token) } }
        return gone.count
    }
}
