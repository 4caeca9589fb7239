import BarrackScript
import Synchronization
import XCTest

/// The two engines behind one `Interpreter` API: the same programs give the same output, the
/// same errors at the same places and the same call stacks on the tree and on the VM.
final class EngineTests: XCTestCase {
    /// What one engine made of a script: everything printed, then the uncaught error's report.
    private func outcome(_ code: String, on engine: Engine, stepLimit: Int? = nil) throws -> String {
        let interpreter = Interpreter(engine: engine)
        let printed = Mutex("")
        interpreter.output = { text in printed.withLock { $0 += text } }
        interpreter.stepLimit = stepLimit
        let program = try interpreter.compile(Source(name: "test.brk", text: code))
        let ending = Mutex("")
        ThreadLauncher.runAndWait {
            do {
                try interpreter.run(program)
            } catch {
                ending.withLock { $0 = (error as? ErrorObject)?.report ?? "\(error)" }
            }
        }
        return printed.withLock { $0 } + "--\n" + ending.withLock { $0 }
    }

    private func assertSameOnBothEngines(_ code: String, stepLimit: Int? = nil, file: StaticString = #filePath,
                                         line: UInt = #line) throws -> String {
        let tree = try outcome(code, on: .tree, stepLimit: stepLimit)
        let vm = try outcome(code, on: .vm, stepLimit: stepLimit)
        XCTAssertEqual(vm, tree, "the VM and the tree disagree", file: file, line: line)
        return vm
    }

    func testTheEngineIsChosenAtCreation() throws {
        XCTAssertEqual(Interpreter(engine: .vm).engine, .vm)
        XCTAssertEqual(Interpreter(engine: .tree).engine, .tree)
        let source = Source(name: "test.brk", text: "fn twice(x) { return x * 2 }\nprint twice(21)")
        XCTAssertNil(Disassembler.listing(try Interpreter(engine: .tree).compile(source)))
        let listing = try XCTUnwrap(Disassembler.listing(try Interpreter(engine: .vm).compile(source)))
        XCTAssertTrue(listing.contains("function twice (x)"), listing)
        XCTAssertTrue(listing.contains("; 1 | fn twice(x) { return x * 2 }"), listing)
        XCTAssertTrue(listing.contains("r1 = r0 * r2") || listing.contains("multiply"), listing)
    }

    func testAnErrorDeepInCallsHasTheSameCallStack() throws {
        let report = try assertSameOnBothEngines("""
            fn inner(x) { return x / 0 }
            fn middle(x) { return inner(x) + 1 }
            fn outer() { return middle(3) }
            print "before"
            outer()
            """)
        XCTAssertTrue(report.contains("test.brk:1:"), report)
        XCTAssertTrue(report.contains("call stack"), report)
    }

    /// The tree listed `f` in the call stack of an error raised by `f`'s argument, before `f` ran.
    func testAnErrorInAnArgumentIsTheCallersOwn() throws {
        let report = try assertSameOnBothEngines("fn f(x) { return x }\nfn g() { return f(1 / 0) }\ng()")
        XCTAssertTrue(report.contains("test.brk:2:19: error: DIVISION_BY_ZERO"), report)
        XCTAssertTrue(report.contains("in g, called at test.brk:3:1"), report)
        XCTAssertFalse(report.contains("in f,"), report)
    }

    /// Found by the differential fuzzer: the VM computed the arguments before finding that the
    /// callee was not a function, so an argument's error came first.
    func testACalleeThatIsNotAFunctionIsReportedBeforeItsArguments() throws {
        let report = try assertSameOnBothEngines("let s = \",\"\ns(-\"x\")")
        XCTAssertTrue(report.contains("TYPE_ERROR: 's' is a string, not a function"), report)
    }

    func testCleanupRulesAgree() throws {
        _ = try assertSameOnBothEngines("""
            fn f() {
              defer { print "defer 1" }
              defer { print "defer 2" }
              try { return "returned" } finally { print "finally" }
            }
            print f()
            for i in range(5) {
              try {
                if i == 1 { continue }
                if i == 3 { break }
                print "body {i}"
              } finally { print "cleanup {i}" }
            }
            try {
              try { raise "first" } finally { raise "second" }
            } catch e where e.message == "second" { print "caught {e.message}" }
            try { raise error("BOOM", "no") } catch e where e.code == "OTHER" { print "wrong" } catch e { print e.code }
            fn g() { defer { raise "from defer" }; raise "from body" }
            g()
            """)
    }

    func testClosuresDefaultsAndKeywordsAgree() throws {
        _ = try assertSameOnBothEngines("""
            fn counter(start = 10, step = 1) {
              let n = start
              return fn() { n += step; return n }
            }
            let c = counter(step: 5)
            c()
            print c()
            let fs = []
            for i in range(3) { fs.append(fn() i * i) }
            print fs.map(fn(f) f())
            fn greet(name, greeting = "hi {name}") { return greeting }
            print greet("ada") greet("bob", greeting: "yo")
            let m = {f: fn(x) x + 1, n: 2}
            print m.f(1) m.n m?.missing [1, 2, 3].len() "abc".upper()
            greet()
            """)
    }

    func testLimitsStopAtTheSameStep() throws {
        let report = try assertSameOnBothEngines("""
            fn noisy(x) { print x; return x }
            fn id(x) { return x }
            let i = 0
            while true { id(noisy(i)); i += 1 }
            """, stepLimit: 101)
        XCTAssertTrue(report.contains("STEP_LIMIT"), report)
        _ = try assertSameOnBothEngines("fn down(n) { return down(n + 1) }\ndown(0)")
    }

    /// The VM's fast paths (a plain call entered in the loop, numbers read in place, a list
    /// indexed in place, the fast methods, a range counted in place) against the tree's answers,
    /// edges included.
    func testTheFastPathsAgree() throws {
        let report = try assertSameOnBothEngines("""
            fn adder(n) { return fn(x) x + n }
            fn twice(f, x) { return f(f(x)) }
            print twice(adder(3), 1) adder(2)(40)
            fn again() { again = nil; return "once" }
            print again() again
            fn fill(xs, n) { for i in range(n) { xs.append(i) }; return xs }
            let v = [9]
            let xs = fill([], 3)
            xs.append(v)
            v.append(8)
            print xs xs[3] xs[-1] xs.len() v
            xs = xs[3]
            print xs
            let m = {len: fn() "stored", k: 1}
            print m.len() m.has("k") m.get("k") m.get("nope") {a: 1}.len() "héllo".len()
            print [1 + 2.5, 2.5 * 2, 7 / 2, 7 // 2, -7 % 3, 7.5 % 2, 1 < 1.5, 2.0 >= 2, 0.1 + 0.2 == 0.3, 2 == 2.0]
            print [9223372036854775807 - 1, 1.0 / 3, 0.0 / 1.0 < 1, 3 - 0.5, 2 * 1.5 > 2, 1.5 != 1.5]
            for i, x in range(-2, 2) { print i x }
            for x in range(3, 1) { print "never" }
            let total = 0.0
            for i in range(4) { if i * 0.5 <= 1.0 { total += i * 0.5 } }
            print total
            print [1, 2][5]
            """)
        XCTAssertTrue(report.hasPrefix("7 42\nonce nil\n[0, 1, 2, [9, 8]] [9, 8] [9, 8] 4 [9, 8]\n[9, 8]\nstored true 1 nil 1 5\n"),
                      report)
        XCTAssertTrue(report.contains("0 -2\n1 -1\n2 0\n3 1\n1.5\n--\n"), report)
        XCTAssertTrue(report.contains("INDEX_ERROR: index 5 is out of range for length 2"), report)
        _ = try assertSameOnBothEngines("print 9223372036854775807 + 1")
        _ = try assertSameOnBothEngines("print 1.5 + \"a\"")
        _ = try assertSameOnBothEngines("print 1.0 / 0")
        _ = try assertSameOnBothEngines("let f = 1\nprint f(2)")
        _ = try assertSameOnBothEngines("fn f(a, b) { return a }\nprint f(1)")
        _ = try assertSameOnBothEngines("let xs = [1]\nxs.append()")
        _ = try assertSameOnBothEngines("let m = {}\nprint m.has(1)")
    }

    /// A global receiver or indexed list read where it is (no arguments that run code), and one
    /// whose arguments could assign it (read before them, as the tree does).
    func testGlobalReceiversAgree() throws {
        let report = try assertSameOnBothEngines("""
            let xs = [1, 2]
            let ys = xs
            fn swap() { xs = ["new"]; return 3 }
            xs.append(swap())
            print xs ys xs[0] ys[2] xs.len() ys.len()
            let m = {len: fn() "stored"}
            print m.len() m.get("len") == nil
            let s = "héllo"
            print s.len() s[1]
            let n = 5
            print xs[0] n.len()
            """)
        XCTAssertTrue(report.hasPrefix("[\"new\"] [1, 2, 3] new 3 1 3\nstored false\n5 é\n--\n"), report)
        XCTAssertTrue(report.contains("TYPE_ERROR: int has no field or method 'len'"), report)
        _ = try assertSameOnBothEngines("let xs = 4\nxs.append(1)")
        _ = try assertSameOnBothEngines("let xs = [1]\nprint xs[1 + 1]")
        _ = try assertSameOnBothEngines("let xs = [1]\nprint xs[\"a\"]")
    }

    func testWaitAndParallelForAgree() throws {
        _ = try assertSameOnBothEngines("""
            let tries = 0
            fn ready() { tries += 1; return tries >= 3 }
            wait until ready() timeout 1m every 1ms
            print tries
            let total = 0
            parallel for x in [1, 2, 3] limit 1 { total += x }
            print total
            parallel for x in [1, 2, 3] { if x == 2 { raise "two" } }
            """)
    }
}
