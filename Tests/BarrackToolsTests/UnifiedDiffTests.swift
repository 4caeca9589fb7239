import BarrackTools
import XCTest

/// The unified diff `barrack fmt --diff` prints.
final class UnifiedDiffTests: XCTestCase {
    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff.text(old: "a\nb\n", new: "a\nb\n", path: "x.brk"), "")
    }

    func testAChangedLineIsShownWithItsContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(UnifiedDiff.text(old: old, new: new, path: "x.brk"), """
            --- x.brk
            +++ x.brk (formatted)
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testChangesFarApartAreSeparateHunksAndInsertionsCountRight() {
        let old = (1...20).map { "l\($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "l1\n", with: "l0\nl1\n").replacingOccurrences(of: "l20\n", with: "")
        XCTAssertEqual(UnifiedDiff.text(old: old, new: new, path: "x.brk"), """
            --- x.brk
            +++ x.brk (formatted)
            @@ -1,3 +1,4 @@
            +l0
             l1
             l2
             l3
            @@ -17,4 +18,3 @@
             l17
             l18
             l19
            -l20

            """)
    }

    func testAMissingFinalLineBreakIsAChange() {
        XCTAssertEqual(UnifiedDiff.text(old: "a", new: "a\n", path: "x.brk"), """
            --- x.brk
            +++ x.brk (formatted)
            @@ -1,1 +1,1 @@
            -a
            \\ No newline at end of file
            +a

            """)
    }
}
