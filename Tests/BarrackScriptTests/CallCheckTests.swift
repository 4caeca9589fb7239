import BarrackScript
import XCTest

/// `barrack check`'s static check of built-in calls leaves the calls inside a `try` body alone
/// (the script may mean to catch the error) and checks the others, however the bodies nest.
final class CallCheckTests: XCTestCase {
    func testCallsInsideTryBodiesAreLeftToTheEvaluatorAndTheOthersAreChecked() {
        let interpreter = Interpreter()
        let text = """
            str(1, 2)
            try {
              str(1, 2)
              try { str(1, 2) } catch e { str(1, 2) }
              str(1, 2)
            } catch e {
              str(1, 2)
            }
            fn f() {
              try { str(1, 2) } catch e {}
              str(1, 2)
            }

            """
        let source = Source(name: "calls.brk", text: text)
        let lines = Checker.checkCalls(source, builtins: interpreter.builtins).map(\.location.line)
        XCTAssertEqual(lines, [1, 7, 11], "the first, the outer catch body's, and the one after the try in f")
    }
}
