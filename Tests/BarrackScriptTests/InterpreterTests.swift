import BarrackScript
import XCTest

/// The embedding API: what a Swift host sees when it runs scripts.
final class InterpreterTests: XCTestCase {
    /// Collects what scripts print.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ piece: String) { lock.withLock { text += piece } }
        var lines: [String] { lock.withLock { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) } }
    }

    private func makeInterpreter() -> (Interpreter, Output) {
        let interpreter = Interpreter()
        let output = Output()
        interpreter.output = { output.append($0) }
        return (interpreter, output)
    }

    /// Compiles and runs on a large stack; returns the uncaught error, if any.
    @discardableResult
    private func run(_ interpreter: Interpreter, _ code: String, keepsResults: Bool = false) throws -> ErrorObject? {
        let program = try interpreter.compile(Source(name: "test", text: code), keepsResults: keepsResults)
        nonisolated(unsafe) var failure: ErrorObject?
        ThreadLauncher.runAndWait {
            do { try interpreter.run(program) } catch { failure = error as? ErrorObject }
        }
        return failure
    }

    func testAHostChoosesHowPrintWritesValuesOtherThanStrings() throws {
        let (interpreter, output) = makeInterpreter()
        try run(interpreter, "print([1, \"a\"], {k: 2m})")
        interpreter.printForm = { try $0.jsonText() }
        try run(interpreter, "print([1, \"a\"], {k: 2m}, \"plain\")")
        XCTAssertEqual(output.lines, ["[1, \"a\"] {k: 2m}", "[1,\"a\"] {\"k\":120} plain"])
        XCTAssertEqual(try run(interpreter, "print(fn() 1)")?.code, "TYPE_ERROR", "a function has no JSON form")
    }

    func testRegisteredBuiltinIsCallableInBothSyntaxes() throws {
        let (interpreter, output) = makeInterpreter()
        interpreter.register(BuiltinFunction(name: "double", parameters: [.required("n", "int")]) { call in
            .int(try call.int(0) * 2)
        })
        try run(interpreter, "print double(21)\nlet d = double n: 4\nprint d")
        XCTAssertEqual(output.lines, ["42", "8"])
    }

    func testBuiltinArgumentsAreCheckedBeforeTheBodyRuns() throws {
        let (interpreter, _) = makeInterpreter()
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        interpreter.register(BuiltinFunction(name: "launch", parameters: [.required("region"), .optional("name")]) { _ in
            counter.calls += 1
            return .null
        })
        // `barrack check` finds these before anything runs (`Checker.checkCalls`), and the
        // evaluator when the call runs.
        let problems = Checker.checkCalls(Source(name: "test", text: "launch FINLAND-1 nmae: \"x\""),
                                          builtins: interpreter.builtins)
        XCTAssertEqual(problems.map(\.message), ["launch has no parameter 'nmae'; did you mean 'name'? (parameters: region, name?)"])
        XCTAssertEqual(problems.first?.range.start, 17, "under the unknown keyword")
        // `Checker.checkAll` (what `barrack check` runs) gives the same from one parse, and syntax
        // or name errors before call problems.
        let all = Checker.checkAll(Source(name: "test", text: "launch FINLAND-1 nmae: \"x\""), in: interpreter)
        XCTAssertEqual(all.diagnostics.map(\.message), problems.map(\.message))
        XCTAssertEqual(Checker.checkAll(Source(name: "test", text: "print nope"), in: interpreter).diagnostics.count, 1)
        XCTAssertEqual(Checker.checkAll(Source(name: "test", text: "let = 1"), in: interpreter).diagnostics.first?.range.start, 4)
        XCTAssertEqual(Checker.checkAll(Source(name: "test", text: "launch FINLAND-1"), in: interpreter).diagnostics.count, 0)
        XCTAssertNil(interpreter.global("nope"), "checking leaves no names behind")
        let unknown = try run(interpreter, "let f = launch\nf FINLAND-1 nmae: \"x\"")
        XCTAssertEqual(unknown?.code, "ARGUMENT_ERROR")
        XCTAssertTrue(unknown?.message.contains("launch has no parameter 'nmae'; did you mean 'name'?") ?? false,
                      unknown?.message ?? "")
        let missing = try run(interpreter, "let g = launch\ng name: \"x\"")
        XCTAssertEqual(missing?.code, "ARGUMENT_ERROR")
        XCTAssertTrue(missing?.message.contains("missing its argument 'region'") ?? false, missing?.message ?? "")
        let surplus = try run(interpreter, "let h = launch\nh 1 2 3")
        XCTAssertEqual(surplus?.code, "ARGUMENT_ERROR")
        XCTAssertEqual(counter.calls, 0)
    }

    func testTopLevelVariablesPersistAcrossProgramsWhenKeepingResults() throws {
        let (interpreter, _) = makeInterpreter()
        try run(interpreter, "let total = 40", keepsResults: true)
        try run(interpreter, "total + 2", keepsResults: true)
        XCTAssertEqual(interpreter.lastResult, .int(42))
        try run(interpreter, "let total = 1", keepsResults: true)
        XCTAssertEqual(interpreter.global("total"), .int(1))
    }

    func testCompileFailureReportsEveryProblem() {
        let (interpreter, _) = makeInterpreter()
        XCTAssertThrowsError(try interpreter.compile(Source(name: "bad", text: "print nope\nlet a = 1\nlet a = 2\nb = 3"))) { error in
            let diagnostics = (error as? CompileFailure)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.location.line), [1, 3, 4])
            XCTAssertEqual(diagnostics.map(\.code), ["NAME_ERROR", "NAME_ERROR", "NAME_ERROR"])
        }
    }

    func testRunawayRecursionIsACatchableError() throws {
        let (interpreter, output) = makeInterpreter()
        let failure = try run(interpreter, """
            fn down(n) { return down(n + 1) }
            try { down(0) } catch err { print err.code }
            print "still running"
            """)
        XCTAssertNil(failure)
        XCTAssertEqual(output.lines, ["RECURSION_LIMIT", "still running"])
    }

    func testStepLimitStopsALoop() throws {
        let (interpreter, _) = makeInterpreter()
        interpreter.stepLimit = 1_000
        let failure = try run(interpreter, "while true { }")
        XCTAssertEqual(failure?.code, "STEP_LIMIT")
    }

    func testInterruptEndsARunningScript() throws {
        let (interpreter, _) = makeInterpreter()
        let program = try interpreter.compile(Source(name: "spin", text: "while true { }"))
        nonisolated(unsafe) var failure: ErrorObject?
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interpreter.interrupt() }
        ThreadLauncher.runAndWait {
            do { try interpreter.run(program) } catch { failure = error as? ErrorObject }
        }
        XCTAssertEqual(failure?.code, "INTERRUPTED")
    }

    func testHostCallsAScriptFunction() throws {
        let (interpreter, _) = makeInterpreter()
        try run(interpreter, "fn add(a, b = 10) { return a + b }")
        let add = try XCTUnwrap(interpreter.global("add"))
        XCTAssertEqual(try interpreter.call(add, [.int(5)]), .int(15))
        XCTAssertEqual(try interpreter.call(add, [.int(5), .int(1)]), .int(6))
    }

    func testUncaughtErrorReportShowsWhereAndTheCallStack() throws {
        let (interpreter, _) = makeInterpreter()
        let failure = try run(interpreter, "fn inner(m) { return m.ip }\nfn outer() { return inner({id: 1}) }\nouter()")
        let report = try XCTUnwrap(failure?.report)
        XCTAssertTrue(report.hasPrefix("test:1:22: error: KEY_ERROR: map has no key 'ip'"), report)
        XCTAssertTrue(report.contains(" 1 | fn inner(m) { return m.ip }\n   |                      ^~~~"), report)
        XCTAssertTrue(report.contains("in inner, called at test:2:21"), report)
        XCTAssertTrue(report.contains("in outer, called at test:3:1"), report)
    }
}
