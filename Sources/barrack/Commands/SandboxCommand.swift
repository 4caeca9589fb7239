import ArgumentParser

/// `barrack sandbox …`: serve, reset and inspect the simulated platform.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve, reset or inspect the built-in sandbox."
    )
}
