import BarrackScript
import Testing
@testable import barrack

/// Whether the REPL asks for another line or reports an error.
struct InputContinuationTests {
    private func needsMoreInput(_ text: String) -> Bool {
        let source = Source(name: "<repl>", text: text)
        do {
            _ = try Interpreter().compile(source, keepsResults: true)
            return false
        } catch {
            return REPL.needsMoreInput(error.diagnostics, source: source)
        }
    }

    @Test(arguments: ["if true {", "print(1,", "[1, 2", "let x =", "1 +", "\"\"\"\nline", "fn f(a) {\n  return a"])
    func unfinishedInputAsksForMore(text: String) {
        #expect(needsMoreInput(text))
    }

    @Test(arguments: ["let = 3", ")", "\"abc", "let = 3 +", "print 1 }", "1 2 3 (", "1 + 2"])
    func finishedOrWrongInputDoesNot(text: String) {
        #expect(!needsMoreInput(text))
    }

    @Test func theSpinnerSaysHowLongItHasWaited() {
        #expect(Spinner.label(elapsedSeconds: 0) == "waiting 0s")
        #expect(Spinner.label(elapsedSeconds: 65) == "waiting 1m5s")
    }
}
