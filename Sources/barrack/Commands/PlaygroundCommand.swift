import ArgumentParser
import BarrackPlayground
import BarrackSandbox
import Foundation

/// `barrack playground …`: the teaching playground in a browser.
struct PlaygroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playground",
        abstract: "Serve the teaching playground: Barrack Script in the browser, a private sandbox per learner.",
        subcommands: [Serve.self]
    )

    /// `barrack playground serve`: the page and its API until SIGINT or SIGTERM.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the playground's page, lessons and JSON API (docs/PLAYGROUND.md).",
            discussion: """
                Prints the page's URL on standard output first, then one line per request on \
                standard error. Each browser gets a session of its own (a cookie) with its own \
                sandbox, kept in DIR/playground.sqlite, or with --database in a PostgreSQL server \
                that several playground servers share; scripts cannot read the environment, \
                files or standard input. Ctrl-C or SIGTERM stops it.
                """
        )

        @Option(help: "The address to listen on (0.0.0.0 for every network interface).")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8080

        @Option(help: ArgumentHelp("Where the learners' sandboxes are kept.", valueName: "DIR"))
        var data: String?

        @Option(help: ArgumentHelp(
            "Keep sessions, sandboxes, shares and class progress in this PostgreSQL database, which several playground servers can share (postgres://USER:PASSWORD@HOST:5432/DATABASE).",
            valueName: "URL"))
        var database: String?

        @Option(help: "Loop iterations and calls per run.")
        var stepLimit = PlaygroundLimits().steps

        @Option(help: "Seconds of wall time per run.")
        var timeLimit = PlaygroundLimits().seconds

        @Option(help: "Bytes of output per run.")
        var outputLimit = PlaygroundLimits().outputBytes

        @Option(help: "Megabytes of memory per run.")
        var memoryLimit = PlaygroundLimits().memoryMegabytes

        @Option(help: "Bytes of source per run.")
        var maxScript = PlaygroundLimits().scriptBytes

        @Option(help: "How long an idle session is kept: 30m, 2h, 1d, or seconds.")
        var sessionIdle = "24h"

        @Option(help: "Sessions at once.")
        var maxSessions = PlaygroundLimits().sessions

        @Option(help: "Seconds a connection may wait for a request's header or the next part of its body.")
        var readTimeout = PlaygroundLimits().readTimeoutSeconds

        @Option(name: .customLong("class"), help: ArgumentHelp(
            "Serve a class: learners who open /c/NAME join it, and /teacher follows them (needs --teacher-key).",
            valueName: "NAME"))
        var className: String?

        @Option(help: ArgumentHelp("The key the teacher's view at /teacher asks for (8 characters or more).", valueName: "KEY"))
        var teacherKey: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535; got \(port)") }
            guard stepLimit > 0 else { throw ValidationError("--step-limit must be positive; got \(stepLimit)") }
            guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds; got \(timeLimit)") }
            guard outputLimit > 0 else { throw ValidationError("--output-limit must be positive; got \(outputLimit)") }
            guard memoryLimit > 0 else { throw ValidationError("--memory-limit must be positive; got \(memoryLimit)") }
            guard maxScript > 0 else { throw ValidationError("--max-script must be positive; got \(maxScript)") }
            guard maxSessions > 0 else { throw ValidationError("--max-sessions must be positive; got \(maxSessions)") }
            guard readTimeout > 0, readTimeout <= 86_400 else {
                throw ValidationError("--read-timeout must be a positive number of seconds, at most a day; got \(readTimeout)")
            }
            _ = try idleSeconds()
            _ = try classroom()
            if let database {
                do {
                    _ = try PostgresAddress(database)
                } catch {
                    throw ValidationError(error.message)
                }
            }
        }

        /// `--class` and `--teacher-key`, which go together.
        func classroom() throws -> PlaygroundClass? {
            switch (className, teacherKey) {
            case (nil, nil): return nil
            case (let name?, let key?):
                do {
                    return try PlaygroundClass(name: name, teacherKey: key)
                } catch {
                    throw ValidationError(error.message)
                }
            case (_?, nil): throw ValidationError("--class needs --teacher-key KEY: the teacher's view is not open to learners")
            case (nil, _?): throw ValidationError("--teacher-key needs --class NAME: there is no class to teach")
            }
        }

        /// `--session-idle` in seconds.
        func idleSeconds() throws -> Double {
            let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
            var text = Substring(sessionIdle.trimmingCharacters(in: .whitespaces))
            var scale = 1.0
            if let last = text.last, let unit = units[last] {
                scale = unit
                text = text.dropLast()
            }
            guard let number = Double(text), number > 0, number.isFinite else {
                throw ValidationError("--session-idle must be like 30m, 2h, 1d or a number of seconds; got '\(sessionIdle)'")
            }
            return number * scale
        }

        func run() throws {
            var limits = PlaygroundLimits()
            limits.steps = stepLimit
            limits.seconds = timeLimit
            limits.outputBytes = outputLimit
            limits.memoryMegabytes = memoryLimit
            limits.scriptBytes = maxScript
            limits.sessionIdleSeconds = try idleSeconds()
            limits.sessions = maxSessions
            limits.readTimeoutSeconds = readTimeout
            let directory: URL
            if let data {
                directory = URL(fileURLWithPath: data)
            } else if let base = SandboxStore.defaultDirectory(environment: ProcessInfo.processInfo.environment) {
                directory = base.appendingPathComponent("playground")
            } else {
                throw ValidationError("give --data DIR: neither XDG_DATA_HOME nor HOME is set")
            }
            let classroom = try classroom()
            let server = try PlaygroundServer(host: host, port: port, dataDirectory: directory, limits: limits,
                                              classroom: classroom, database: database) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            try blocking {
                try await server.run { url in
                    // Unbuffered, so that whoever reads the URL sees it before any request.
                    FileHandle.standardOutput.write(Data((url + "\n").utf8))
                    FileHandle.standardError.write(Data("barrack playground serving on \(url); Ctrl-C stops it\n".utf8))
                    if let classroom {
                        FileHandle.standardError.write(Data(
                            "class \(classroom.name): learners open \(url)c/\(classroom.name), the teacher \(url)teacher\n".utf8))
                    }
                }
            }
        }
    }
}
