import Foundation
import Testing

/// The REPL end to end: the real `barrack` on a pseudo-terminal, typed at.
@Suite(.serialized)
struct REPLSessionTests {
    let home: String

    init() throws {
        home = try TerminalSession.temporaryFolder()
    }

    private func start(environment: [String: String]? = nil, standardError: String? = nil) throws -> TerminalSession {
        let session = try TerminalSession(environment: environment ?? TerminalSession.environment(home: home),
                                          standardError: standardError)
        try session.expect("barrack> ")
        return session
    }

    private func removeHome() {
        try? FileManager.default.removeItem(atPath: home)
    }

    @Test func anExpressionStatementEchoesItsValueAndUnderscoreKeepsIt() throws {
        defer { removeHome() }
        let session = try start()
        session.send("40 + 2\r")
        try session.expect("\n42\nbarrack> ")
        session.send("_ + 1\r")
        try session.expect("\n43\nbarrack> ")
        session.send("let vm = {id: \"BRK-1\", status: ACTIVE, gpus: 8}\r")
        try session.expect("barrack> ")
        session.send("vm\r")
        try session.expect("\nid      BRK-1\nstatus  ACTIVE\ngpus    8\nbarrack> ")
        session.send("print \"text\"\r")
        let printed = try session.expect("barrack> ")
        #expect(printed == "print \"text\"\ntext\nbarrack> ", "print returns nil, which is not echoed")
    }

    @Test func anUnfinishedStatementContinuesOnTheContinuationPrompt() throws {
        defer { removeHome() }
        let session = try start()
        session.send("if true {\r")
        try session.expect("\n...> ")
        session.send("print \"in\" + \"side\"\r")
        try session.expect("\n...> ")
        session.send("}\r")
        try session.expect("\ninside\nbarrack> ")
        session.send("let x =\r")
        try session.expect("\n...> ")
        session.send("5\r")
        try session.expect("barrack> ")
        session.send("x * 2\r")
        try session.expect("\n10\nbarrack> ")
    }

    @Test func aSyntaxErrorIsShownWithItsCaretAndTheSessionGoesOn() throws {
        defer { removeHome() }
        let session = try start()
        session.send("let = 3\r")
        let report = try session.expect("barrack> ")
        #expect(report.contains("<repl>:1:5: error: expected a variable name"))
        #expect(report.contains(" 1 | let = 3\n   |     ^"))
        session.send("no_such_name\r")
        let runtime = try session.expect("barrack> ")
        #expect(runtime.contains("unknown name 'no_such_name'"))
        session.send("7\r")
        try session.expect("\n7\nbarrack> ")
    }

    @Test func tabCompletesABuiltinAndARegion() throws {
        defer { removeHome() }
        let session = try start()
        session.send("parse_j\t")
        try session.expect("parse_json")
        session.send("(\"[1]\")\r")
        try session.expect("\n[1]\nbarrack> ")
        session.send("print ICE\t")
        try session.expect("ICELAND-1 ")
        session.send("\r")
        try session.expect("\nICELAND-1\nbarrack> ")
        session.send("print FINLAND-\t\t")
        let listing = try session.expect("FINLAND-3")
        #expect(listing.contains("FINLAND-1") && listing.contains("FINLAND-2"))
    }

    @Test func tabAfterADotCompletesFromTheReceiver() throws {
        defer { removeHome() }
        let session = try start()
        // Regression: this completed to `"abc".update_script`.
        session.send("\"abc\".up\t")
        try session.expect("\"abc\".upper")
        session.send("()\r")
        try session.expect("\n\"ABC\"\nbarrack> ")
        session.send("let s = \"abc\"\r")
        try session.expect("barrack> ")
        session.send("s.up\t")
        try session.expect("s.upper")
        session.send("()\r")
        try session.expect("\n\"ABC\"\nbarrack> ")
    }

    @Test func aMapLiteralTypedAloneIsEchoed() throws {
        defer { removeHome() }
        let session = try start()
        session.send("{a: 1}\r")
        try session.expect("\na  1\nbarrack> ")
        session.send("{\r")
        try session.expect("\n...> ")
        session.send("  b: [1, 2]\r")
        try session.expect("\n...> ")
        session.send("}\r")
        try session.expect("\nb  [1, 2]\nbarrack> ")
    }

    @Test func helpExplainsKeywordsAndQuestionMarksAskForHelp() throws {
        defer { removeHome() }
        let session = try start()
        session.send("help wait\r")
        let wait = try session.expect("barrack> ")
        #expect(wait.contains("wait until cond [timeout 10m] [every 5s]"))
        session.send("?upper\r")
        let upper = try session.expect("barrack> ")
        #expect(upper.contains("string.upper — The text in upper case."))
        session.send("len?\r")
        let len = try session.expect("barrack> ")
        #expect(len.contains("len — "))
        session.send("?for\r")
        let loop = try session.expect("barrack> ")
        #expect(loop.contains("for x in iterable where cond"))
    }

    @Test func aLongStringIsTypedOverSeveralLinesAndRecalledAsOneEntry() throws {
        defer { removeHome() }
        let session = try start()
        session.send("let doc = \"\"\"\r")
        try session.expect("\n...> ")
        session.send("  #!/bin/sh\r")
        try session.expect("\n...> ")
        session.send("  echo {1 + 1}\r")
        try session.expect("\n...> ")
        session.send("  \"\"\"\r")
        try session.expect("barrack> ")
        session.send("print doc\r")
        try session.expect("\n#!/bin/sh\necho 2\nbarrack> ")
        session.send("print 7\r")
        try session.expect("\n7\nbarrack> ")
        session.send(TerminalSession.endOfInput)
        #expect(try session.waitForExit() == 0)

        let stored = try String(contentsOfFile: home + "/state/barrack/history", encoding: .utf8)
        #expect(stored == "\u{1E}let doc = \"\"\"\\n  #!/bin/sh\\n  echo {1 + 1}\\n  \"\"\"\nprint doc\nprint 7\n")
        let next = try start()
        next.send(TerminalSession.up + TerminalSession.up + TerminalSession.up + "\r")
        try next.expect("barrack> ")
        next.send("doc.len()\r")
        try next.expect("\n16\nbarrack> ")
    }

    @Test func aCompletionWaitingOnTheNetworkLeavesThePromptAlone() throws {
        defer { removeHome() }
        let server = try SlowSandboxServer(latency: "800ms", home: home)
        defer { server.stop() }
        var environment = TerminalSession.environment(home: home)
        environment["BARRACK_API_URL"] = server.baseURL
        environment["BARRACK_API_KEY"] = "test-key"
        let session = try start(environment: environment)
        session.send("stop \"BRK-\t")
        // The listing takes 0.8 s: longer than the spinner's 0.3 s delay.
        Thread.sleep(forTimeInterval: 1.5)
        session.send("X\"\t")
        try session.expect("stop \"BRK-X\"")
        #expect(!session.rawOutput.contains("waiting"), "the spinner drew over the prompt")
    }

    @Test func tabCompletesTheIdOfADeployedInstance() throws {
        defer { removeHome() }
        var environment = TerminalSession.environment(home: home)
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["BARRACK_SANDBOX_SPEED"] = "0"
        let session = try start(environment: environment)
        session.send("let vm = deploy gpu: H100-SXM5-80GB x 1 in FINLAND-1\r")
        try session.expect("barrack> ")
        session.send("print vm.id\r")
        let echoed = try session.expect("barrack> ")
        let id = try #require(echoed.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(id.hasPrefix("BRK-") && id.hasSuffix("VM"))
        session.send("stop \"BRK-\t")
        try session.expect("stop \"" + id + "\"")
        // The frozen sandbox keeps the instance CREATING: the platform knows the id but will not stop it.
        session.send("\r")
        try session.expect("INVALID_STATE: cannot stop instance \(id)")
        try session.expect("barrack> ")
    }

    @Test func ctrlCEndsARunningWaitAndReturnsToThePrompt() throws {
        defer { removeHome() }
        let session = try start()
        session.send("wait until false timeout 1h\r")
        try session.expect("waiting")
        session.send(TerminalSession.interrupt)
        try session.expect("INTERRUPTED")
        try session.expect("barrack> ")
        session.send("1 + 1\r")
        try session.expect("\n2\nbarrack> ")
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        defer { removeHome() }
        let session = try start()
        session.send("print 999")
        try session.expect("print 999")
        session.send(TerminalSession.interrupt)
        try session.expect("barrack> ")
        session.send("print 5\r")
        try session.expect("\n5\nbarrack> ")
        #expect(!session.output.contains("\n999\n"))
    }

    @Test func ctrlDLeavesWithStatusZero() throws {
        defer { removeHome() }
        let session = try start()
        session.send(TerminalSession.endOfInput)
        #expect(try session.waitForExit() == 0)
    }

    @Test func exitLeavesWithItsStatus() throws {
        defer { removeHome() }
        let session = try start()
        session.send("exit(3)\r")
        #expect(try session.waitForExit() == 3)
        let plain = try start()
        plain.send("exit\r")
        #expect(try plain.waitForExit() == 0)
    }

    @Test func keysAreBoldOnlyWithoutNoColor() throws {
        defer { removeHome() }
        var environment = TerminalSession.environment(home: home)
        environment["NO_COLOR"] = nil
        let colored = try start(environment: environment)
        colored.send("({id: 1})\r")
        try colored.expect("\nid  1\nbarrack> ")
        #expect(colored.rawOutput.contains("\u{1B}[1mid\u{1B}[0m  1"))
        let plain = try start()
        plain.send("({id: 1})\r")
        try plain.expect("\nid  1\nbarrack> ")
        #expect(!plain.rawOutput.contains("\u{1B}[1m"))
    }

    @Test func theSpinnerShowsOnlyWhenStandardErrorIsATerminal() throws {
        defer { removeHome() }
        let errors = home + "/errors.txt"
        let session = try start(standardError: errors)
        session.send("wait until false timeout 1s\r")
        try session.expect("barrack> ")
        session.send(TerminalSession.endOfInput)
        #expect(try session.waitForExit() == 0)
        let written = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(written.contains("TIMEOUT"))
        #expect(!written.contains("waiting"))
        #expect(!session.output.contains("waiting"))
    }

    @Test func historyPersistsAcrossSessionsWithoutSecrets() throws {
        defer { removeHome() }
        let first = try start()
        first.send("print \"from the first session\"\r")
        try first.expect("\nfrom the first session\nbarrack> ")
        first.send("let api_key = \"s3cr3t-value\"\r")
        try first.expect("barrack> ")
        first.send(TerminalSession.endOfInput)
        #expect(try first.waitForExit() == 0)

        let path = home + "/state/barrack/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stored == "print \"from the first session\"\n")

        let second = try start()
        second.send(TerminalSession.up + "\r")
        try second.expect("\nfrom the first session\nbarrack> ")
        second.send(TerminalSession.reverseSearch + "first")
        try second.expect("first session")
        second.send("\r")
        try second.expect("\nfrom the first session\nbarrack> ")
        second.send(TerminalSession.endOfInput)
        #expect(try second.waitForExit() == 0)
        let afterSecond = try String(contentsOfFile: path, encoding: .utf8)
        #expect(afterSecond == "print \"from the first session\"\n", "repeating the last line adds nothing")
    }
}
