import BarrackAPI
import BarrackBackends
import BarrackPlatform
import BarrackScript
import Foundation
import XCTest

/// `SpendConfirmation` through the budget guard: a call over the threshold asks before anything
/// is sent; a refusal is the catchable `NOT_CONFIRMED`, an interrupt while asking `INTERRUPTED`,
/// and either way the platform gets nothing but the estimate's reads. A call over the budget
/// fails without asking.
final class SpendConfirmationTests: XCTestCase {
    /// The questions asked, each answered with `answer`.
    final class Asker: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        let answer: Bool?

        init(_ answer: Bool?) { self.answer = answer }

        var questions: [String] { lock.withLock { asked } }

        func confirmation(threshold: Double = 10) -> SpendConfirmation {
            SpendConfirmation(threshold: threshold) { question, _ in
                self.lock.withLock { self.asked.append(question) }
                return self.answer
            }
        }
    }

    static let big = "deploy gpu: \"H100-SXM5-80GB\" x 8 in FINLAND-1 name: \"train-1\""

    private func assertOnlyReads(_ platform: RecordingConnection, file: StaticString = #filePath, line: UInt = #line) {
        for call in platform.calls {
            XCTAssertEqual(PlatformEffect.of(call.operation), .read, "\(call.operation) was sent", file: file, line: line)
        }
    }

    func testARefusalIsNotConfirmedAndSendsNothingButReads() throws {
        let platform = RecordingConnection.stocked()
        let asker = Asker(false)
        let host = ScriptHost(connection: platform, budget: BudgetGuard(maxHourly: nil, confirmation: asker.confirmation(), copier: SandboxCopier()))
        try XCTAssertNil(host.run("try { \(Self.big) } catch err { print err.code err.details.cost err.details.threshold }"))
        XCTAssertEqual(host.lines, ["NOT_CONFIRMED 19.95 10.0"])
        XCTAssertEqual(asker.questions, [
            "deploy would add 19.95 USD/h to the 0 USD/h spent now (more than confirm_over, 10 USD/h). Go ahead? [y/N] ",
        ])
        assertOnlyReads(platform)
    }

    func testAYesSendsTheCallAndACheapCallIsNotAsked() throws {
        let platform = RecordingConnection.stocked()
        let asker = Asker(true)
        let host = ScriptHost(connection: platform, budget: BudgetGuard(maxHourly: nil, confirmation: asker.confirmation(), copier: SandboxCopier()))
        try XCTAssertNil(host.run(Self.big))
        try XCTAssertNil(host.run("deploy gpu: \"H100-SXM5-80GB\" x 1 in FINLAND-1"))
        XCTAssertEqual(asker.questions.count, 1)
        XCTAssertEqual(platform.calls.filter { $0.operation == .deployInstance }.count, 2)
    }

    func testAnInterruptWhileAskingIsInterruptedAndSendsNothing() throws {
        let platform = RecordingConnection.stocked()
        let host = ScriptHost(connection: platform, budget: BudgetGuard(maxHourly: nil, confirmation: Asker(nil).confirmation(), copier: SandboxCopier()))
        XCTAssertEqual(try host.run(Self.big)?.code, "INTERRUPTED")
        assertOnlyReads(platform)
    }

    /// A yes must not be followed by BUDGET_EXCEEDED: the budget is checked first.
    func testACallOverTheBudgetFailsWithoutAsking() throws {
        let platform = RecordingConnection.stocked()
        let asker = Asker(true)
        let host = ScriptHost(connection: platform, budget: BudgetGuard(maxHourly: 15, confirmation: asker.confirmation(), copier: SandboxCopier()))
        XCTAssertEqual(try host.run(Self.big)?.code, "BUDGET_EXCEEDED")
        XCTAssertEqual(asker.questions, [])
        assertOnlyReads(platform)
    }

    /// A refusal gives back the room it reserved: the next call within the budget still fits.
    func testARefusalReleasesItsReservation() throws {
        let platform = RecordingConnection.stocked()
        let guardian = BudgetGuard(maxHourly: 25, confirmation: Asker(false).confirmation(), copier: SandboxCopier())
        let host = ScriptHost(connection: platform, budget: guardian)
        XCTAssertEqual(try host.run(Self.big)?.code, "NOT_CONFIRMED")
        XCTAssertEqual(try host.run(Self.big)?.code, "NOT_CONFIRMED", "the first refusal kept its 19.95/h reserved")
    }

    /// A host that sets a limit but gives the guard no copy of the platform to rehearse in cannot
    /// weigh a call: the call fails with BUDGET_EXCEEDED, says why, and nothing is sent.
    func testAGuardWithoutACopierRefusesASpendingCall() throws {
        let platform = RecordingConnection.stocked()
        let host = ScriptHost(connection: platform, budget: BudgetGuard(maxHourly: 100))
        let error = try host.run(Self.big)
        XCTAssertEqual(error?.code, "BUDGET_EXCEEDED")
        XCTAssertTrue(error?.message.contains("cannot estimate") ?? false, error?.message ?? "no error")
        assertOnlyReads(platform)
    }
}
