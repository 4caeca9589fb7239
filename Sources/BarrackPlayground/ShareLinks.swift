import Foundation

/// Share links: a learner's script stored under a short random id, opened by anyone at `/s/ID`
/// in their own editor (and run in their own sandbox). A share never changes once made; a script
/// over the size limit is refused, and so is a session's sixth share within a minute.
struct ShareLinks: Sendable {
    let store: PlaygroundStore
    let limits: PlaygroundLimits

    /// The characters of an id: 10 of them are 59 random bits, more than enough that nobody
    /// finds a share by guessing.
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
    static let idLength = 10

    /// Stores `source` for `author` (a session token) and returns its id.
    func create(_ source: String, author: String, now: Date = Date()) throws -> String {
        guard source.utf8.count <= limits.scriptBytes else {
            throw PlaygroundError(status: .contentTooLarge, code: "TOO_LARGE",
                                  message: "the script has \(source.utf8.count) bytes; a share may have \(limits.scriptBytes)")
        }
        guard !source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PlaygroundError.badRequest("there is nothing to share: the script is empty")
        }
        let recent = try store.shareCount(by: author, since: now.timeIntervalSince1970 - 60)
        guard recent < limits.sharesPerMinute else {
            throw PlaygroundError(status: .tooManyRequests, code: "RATE_LIMITED",
                                  message: "\(limits.sharesPerMinute) shares a minute is the limit; try again in a minute")
        }
        var generator = SystemRandomNumberGenerator()
        let id = String((0..<Self.idLength).map { _ in Self.alphabet.randomElement(using: &generator) ?? "A" })
        try store.createShare(id, source: source, author: author, at: now.timeIntervalSince1970)
        return id
    }

    /// The script shared as `id`; `404 NOT_FOUND` when there is none.
    func source(_ id: String) throws -> String {
        guard id.count == Self.idLength, id.allSatisfy({ Self.alphabet.contains($0) }), let source = try store.share(id) else {
            throw PlaygroundError(status: .notFound, code: "NOT_FOUND", message: "there is no shared script '\(id)'")
        }
        return source
    }
}
