import Foundation

/// Where a host keeps a sandbox's state itself, as bytes: the playground keeps each learner's
/// sandbox in a row of its SQLite database. The sandbox encodes and decodes the bytes; the storage
/// only keeps them.
public protocol SandboxStateStorage: Sendable {
    /// What a person is shown as the state's place (`barrack sandbox status`, errors).
    var place: String { get }

    /// Runs `body` while no other transaction on this state runs.
    func exclusively<T>(_ body: () throws -> T) throws -> T

    /// A token that differs whenever the saved bytes differ; `nil` when nothing is saved.
    func version() throws -> Data?

    /// The saved bytes, or `nil` when nothing is saved yet.
    func load() throws -> Data?

    /// Replaces the saved bytes, all or nothing.
    func save(_ bytes: Data) throws
}

/// A `SandboxStateStore` over a host's `SandboxStateStorage`, with the file store's encoding.
struct HostedStateStore: SandboxStateStore {
    let storage: any SandboxStateStorage

    var fileURL: URL { URL(fileURLWithPath: storage.place) }

    func exclusively<T>(wait: TimeInterval, _ body: () throws -> T) throws -> T {
        try storage.exclusively(body)
    }

    func version() -> StateVersion? {
        guard let token = try? storage.version() else { return nil }
        return StateVersion(contents: token)
    }

    func load() throws(SandboxStoreError) -> SandboxState? {
        let bytes: Data?
        do {
            bytes = try storage.load()
        } catch {
            throw .io(path: storage.place, reason: "\(error)")
        }
        guard let bytes else { return nil }
        // A damaged state cannot be moved aside here: it is reported, and the host decides.
        return try SandboxStore.decode(bytes, path: storage.place).get()
    }

    func save(_ state: SandboxState) throws(SandboxStoreError) {
        let bytes: Data
        do {
            bytes = try SandboxStore.encoder.encode(state)
        } catch {
            throw .io(path: storage.place, reason: "cannot encode the state: \(error)")
        }
        do {
            try storage.save(bytes)
        } catch {
            throw .io(path: storage.place, reason: "\(error)")
        }
    }
}
