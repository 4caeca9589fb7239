import ArgumentParser
import BarrackSandbox
import BarrackSandboxServer
import Dispatch
import Foundation

/// `barrack sandbox …`: serve, reset and inspect the simulated platform.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve, reset or inspect the built-in sandbox.",
        discussion: """
            The sandbox keeps its state in $XDG_DATA_HOME/barrack/sandbox.json \
            (else ~/.local/share/barrack/sandbox.json).
            """,
        subcommands: [Serve.self, Reset.self, Status.self, Stock.self]
    )

    /// `barrack sandbox serve`: the sandbox over HTTP until SIGINT or SIGTERM.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the sandbox over HTTP with the platform's paths and JSON.",
            discussion: """
                Prints the base URL on standard output first, then one line per request on \
                standard error. Requests need an API key (any non-empty one unless --key is given). \
                Faults: latency=20ms|10ms-200ms, error=RATE, ratelimit=RATE, retry-after=SECONDS, \
                drop=RATE, seed=N, comma-separated.
                """
        )

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8080

        @Option(help: "Simulated seconds per real second; 0 freezes the clock.")
        var speed = Sandbox.defaultSpeed

        @Option(help: "Faults to inject, e.g. latency=20ms,error=0.1,ratelimit=0.05,drop=0.01,drop-after=0.01,seed=7.")
        var faults: String?

        @Option(help: "Accept only this API key (default: any non-empty key).")
        var key: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535; got \(port)") }
            guard speed >= 0 else { throw ValidationError("--speed cannot be negative; got \(speed)") }
            if let faults {
                do { _ = try FaultSpec(parsing: faults) } catch { throw ValidationError(error.description) }
            }
        }

        func run() throws {
            let spec = try faults.map { text throws in try FaultSpec(parsing: text) }
            let policy: Sandbox.KeyPolicy = key.map { .exactly($0) } ?? .anyKey
            let sandbox = try Sandbox.openDefault(speed: speed, keyPolicy: policy)
            // Watch for Ctrl-C and SIGTERM before the address is printed: whoever reads it may
            // signal at once.
            let signals = ShutdownSignals()
            try blocking {
                let server = try await SandboxServer.start(
                    sandbox: sandbox, host: host, port: port,
                    faults: spec.flatMap { $0.isActive ? FaultInjector(spec: $0) : nil },
                    log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
                // Unbuffered, so that a test reading the port sees it before any request.
                FileHandle.standardOutput.write(Data("http://\(server.address)/api/\n".utf8))
                FileHandle.standardError.write(Data("barrack sandbox serving on http://\(server.address)/api/; Ctrl-C stops it\n".utf8))
                try await server.run(until: signals)
                try sandbox.close()
            }
        }
    }

    /// `barrack sandbox reset`: a fresh sandbox.
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Empty the sandbox: a fresh account with 500 USD, full stock and no resources.")

        func run() throws {
            let sandbox = try Sandbox.openDefault()
            try sandbox.reset()
            try sandbox.close()
            print("The sandbox is reset.")
        }
    }

    /// `barrack sandbox status`: balance, resources and clock.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the sandbox's balance, resources and clock.")

        func run() throws {
            let sandbox = try Sandbox.openDefault(speed: 0)
            print(try sandbox.currentStatus().description)
            try sandbox.close()
        }
    }

    /// `barrack sandbox stock REGION MODEL GPUS`: set a stock level, e.g. to 0 to see OUT_OF_STOCK.
    struct Stock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the free GPUs of a model in a region (0 makes deploys of it fail with OUT_OF_STOCK).")

        @Argument(help: "The region, e.g. FINLAND-1.")
        var region: String

        @Argument(help: "The GPU model, e.g. H100-SXM5-80GB.")
        var model: String

        @Argument(help: "How many GPUs are free.")
        var gpus: Int

        func run() throws {
            let sandbox = try Sandbox.openDefault(speed: 0)
            try sandbox.setStock(region: region, model: model, gpus: gpus)
            try sandbox.close()
            print("\(model) in \(region): \(gpus) GPUs free.")
        }
    }
}
