import ArgumentParser
import Testing
@testable import barrack

/// The start-up's fast path (`FastRunLine`) reads a run line as ArgumentParser does, or leaves
/// it to ArgumentParser: every option of the table through both paths, and the lines it must not
/// take. Every test of `BarrackCLITests` that runs a script goes through the fast path.
struct FastRunLineTests {
    /// A value each option of the table can take; a new option without one fails the test.
    static let samples: [String: String] = [
        "--api-url": "http://127.0.0.1:9", "--profile": "prod", "--output": "json", "-o": "yaml",
        "--max-hourly": "12.5", "--max-steps": "100", "--timeout": "2m", "--max-memory": "64M", "-e": "print 1",
    ]

    /// What a run command was given, in one comparable line.
    static func summary(_ command: RunCommand) -> String {
        let global = command.global
        let limits = command.limits
        return [
            "sandbox \(global.sandbox)", "api-url \(global.apiURL ?? "-")", "profile \(global.profile ?? "-")",
            "output \(global.output.map { "\($0)" } ?? "-")", "verbose \(global.verbose)",
            "max-hourly \(global.maxHourly.map { "\($0)" } ?? "-")", "dry-run \(global.dryRun)", "yes \(global.yes)",
            "explain \(global.explain)", "max-steps \(limits.maxSteps.map { "\($0)" } ?? "-")",
            "timeout \(limits.timeout.map { "\($0.seconds)" } ?? "-")",
            "max-memory \(limits.maxMemory.map { "\($0.bytes)" } ?? "-")", "code \(command.code ?? "-")",
            "arguments \(command.arguments)",
        ].joined(separator: ", ")
    }

    /// The run command ArgumentParser reads from `words`, as `BarrackCommand.main` asks it.
    static func parsed(_ words: [String]) throws -> RunCommand? {
        try BarrackCommand.parseAsRoot(OptionPlacement.arranged(words)) as? RunCommand
    }

    static func expectBothPathsAgree(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try #require(FastRunLine.command(for: words), "\(words) was left to ArgumentParser",
                                sourceLocation: sourceLocation)
        let slow = try #require(try parsed(words), "\(words) is not a run line", sourceLocation: sourceLocation)
        #expect(summary(fast) == summary(slow), "\(words)", sourceLocation: sourceLocation)
    }

    @Test(arguments: OptionPlacement.run)
    func everyOptionOfTheTableReadsTheSameOnBothPaths(option: OptionPlacement.Option) throws {
        for name in option.names {
            let value = try #require(Self.samples[name] ?? (option.takesValue ? nil : ""), "no sample value for \(name)")
            let given = option.takesValue ? [name, value] : [name]
            try Self.expectBothPathsAgree(given + ["x.brk", "a"])
            try Self.expectBothPathsAgree(["run"] + given + ["x.brk"])
            try Self.expectBothPathsAgree(["x.brk", "a"] + given + ["b"])
            if option.takesValue, name.hasPrefix("--") { try Self.expectBothPathsAgree(["\(name)=\(value)", "x.brk"]) }
        }
    }

    @Test func theLinesPeopleRunReadTheSameOnBothPaths() throws {
        for words in [
            [], ["-"], ["run"], ["run", "-"], ["x.brk"], ["-e", "print args", "a", "b"],
            ["deploy.brk", "--dry-run", "--", "--sandbox", "--"], ["--sandbox", "-o", "json", "x.brk", "--verbose", "-y"],
            ["run", "--max-steps", "0", "--timeout", "500ms", "x.brk", "--help"], ["x.brk", "--frobnicate", "-h"],
            ["run", "run"],
        ] {
            try Self.expectBothPathsAgree(words)
        }
    }

    /// Help, the version, other subcommands, and every line with a mistake are ArgumentParser's,
    /// which says what is wrong.
    @Test func linesItIsNotSureOfAreLeftToArgumentParser() {
        for words in [
            ["--help"], ["run", "--help"], ["-h", "x.brk"], ["--version"], ["check", "x.brk"], ["plan", "x.brk"],
            ["--generate-completion-script", "bash"], ["--bogus", "x.brk"], ["--", "x.brk"],
            ["--output", "xml", "x.brk"], ["--max-hourly", "-1", "x.brk"], ["--max-hourly=nan", "x.brk"],
            ["--max-steps", "-3", "x.brk"], ["--timeout", "soon", "x.brk"], ["--max-memory", "lots", "x.brk"],
            ["-o", "json", "--output", "yaml", "x.brk"], ["--sandbox=yes", "x.brk"], ["-o=json", "x.brk"],
            ["-e"], ["-e", "--sandbox"], ["-yo", "json", "x.brk"],
        ] {
            #expect(FastRunLine.command(for: words) == nil, "\(words)")
        }
    }
}
