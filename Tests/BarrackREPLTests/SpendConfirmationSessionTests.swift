import Foundation
import Testing

/// Issue 14 in the REPL, on a pseudo-terminal: a deploy says what it costs per hour, and one that
/// adds more than `confirm_over` (10 per hour unless the config says otherwise) asks first.
@Suite(.serialized)
struct SpendConfirmationSessionTests {
    let home: String

    init() throws {
        home = try TerminalSession.temporaryFolder()
    }

    /// A private home with its own sandbox, frozen in time.
    private var sandboxEnvironment: [String: String] {
        var environment = TerminalSession.environment(home: home)
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["BARRACK_SANDBOX_SPEED"] = "0"
        return environment
    }

    private func start(_ arguments: [String] = [], config: String? = nil) throws -> TerminalSession {
        let environment = sandboxEnvironment
        if let config {
            let folder = home + "/.config/barrack"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try config.write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder + "/config.toml")
        }
        let session = try TerminalSession(arguments: arguments, environment: environment)
        try session.expect("barrack> ")
        return session
    }

    private func removeHome() {
        try? FileManager.default.removeItem(atPath: home)
    }

    @Test func aDeployPrintsItsHourlyCost() throws {
        defer { removeHome() }
        let session = try start()
        session.send("let vm = deploy gpu: L40 x 1 in CANADA-1 name: \"small\"\r")
        try session.expect("deploy: ")
        try session.expect("\"small\" CREATING, 1 x L40 in CANADA-1, 1.19 USD per hour\n")
        try session.expect("barrack> ")
    }

    @Test func aDeployOverTheThresholdAsksAndANoSendsNothing() throws {
        defer { removeHome() }
        let session = try start()
        session.send("let vm = deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1\r")
        try session.expect("deploy would add 19.95 USD/h to the 0 USD/h spent now (more than confirm_over, 10 USD/h). Go ahead? [y/N] ")
        session.send("n\r")
        try session.expect("NOT_CONFIRMED: deploy of 19.95 USD/h was not confirmed; nothing was sent")
        try session.expect("barrack> ")
        session.send("print len(instances())\r")
        try session.expect("\n0\nbarrack> ")
        // Enter alone is no as well; a caught refusal lets the script decide.
        session.send("try { deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 } catch e { print \"kept\" e.code }\r")
        try session.expect("Go ahead? [y/N] ")
        session.send("\r")
        try session.expect("kept NOT_CONFIRMED")
        session.send("let vm = deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 name: \"big\"\r")
        try session.expect("Go ahead? [y/N] ")
        session.send("y\r")
        try session.expect("\"big\" CREATING, 8 x H100-SXM5-80GB in FINLAND-1, 19.95 USD per hour")
        try session.expect("barrack> ")
    }

    static let question = "deploy would add 19.95 USD/h to the 0 USD/h spent now (more than confirm_over, 10 USD/h). Go ahead? [y/N] "

    @Test func ctrlCAtTheQuestionIsInterruptedAndSendsNothing() throws {
        defer { removeHome() }
        let session = try start()
        session.send("deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1\r")
        try session.expect(Self.question)
        session.send(TerminalSession.interrupt)
        try session.expect("INTERRUPTED")
        try session.expect("barrack> ")
        session.send("print len(instances())\r")
        try session.expect("\n0\nbarrack> ")
    }

    /// `barrack run` forwards SIGINT to the interpreter and never interrupts a blocking read: the
    /// question must give up on its own, not wait for Enter.
    @Test func aScriptRunFromATerminalAsksAndCtrlCEndsItsQuestion() throws {
        defer { removeHome() }
        let environment = sandboxEnvironment
        let script = home + "/big.brk"
        try """
            try { deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 } catch err { print "caught " + err.code }
            deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1
            print "never"
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let session = try TerminalSession(arguments: ["run", script], environment: environment)
        try session.expect(Self.question)
        session.send("n\r")
        try session.expect("caught NOT_CONFIRMED\n")
        try session.expect(Self.question)
        session.send(TerminalSession.interrupt)
        try session.expect("INTERRUPTED")
        #expect(try session.waitForExit() == 130)
        #expect(!session.output.contains("never"))
    }

    @Test func withStandardErrorNotATerminalNothingIsAsked() throws {
        defer { removeHome() }
        let environment = sandboxEnvironment
        let errors = home + "/errors.txt"
        let session = try TerminalSession(environment: environment, standardError: errors)
        try session.expect("barrack> ")
        session.send("deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1\r")
        try session.expect("hourly_cost        19.95")
        try session.expect("barrack> ")
        session.send(TerminalSession.endOfInput)
        #expect(try session.waitForExit() == 0)
        #expect(!(try String(contentsOfFile: errors, encoding: .utf8)).contains("Go ahead?"))
    }

    @Test func yesAndAHigherConfirmOverDoNotAsk() throws {
        defer { removeHome() }
        let session = try start(["--yes"])
        session.send("let vm = deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 name: \"big\"\r")
        let answer = try session.expect("barrack> ")
        #expect(answer.contains("\"big\" CREATING, 8 x H100-SXM5-80GB in FINLAND-1, 19.95 USD per hour"), "\(answer)")
        #expect(!answer.contains("Go ahead?"))
        let configured = try start(config: "[profiles.default]\nconfirm_over = 20\n")
        configured.send("let vm2 = deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1 name: \"big2\"\r")
        let second = try configured.expect("barrack> ")
        #expect(second.contains("\"big2\" CREATING"), "\(second)")
        #expect(!second.contains("Go ahead?"))
    }
}
