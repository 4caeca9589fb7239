import BarrackScript
import XCTest

/// Expressions (LANGUAGE.md section 4), statements (section 3) and command syntax (section 5),
/// compared as s-expressions (see `SExpression`).
final class ParserTests: XCTestCase {
    // MARK: - Precedence, loosest first

    func testOrIsLooserThanAnd() {
        assertParse("a or b and c", "(or a (and b c))")
        assertParse("a and b or c", "(or (and a b) c)")
    }

    func testAndIsLooserThanNot() {
        assertParse("not a and b", "(and (not a) b)")
        assertParse("not not a", "(not (not a))")
    }

    func testNotIsLooserThanComparison() {
        assertParse("not a == b", "(not (== a b))")
    }

    func testEveryComparisonOperator() {
        for op in ["==", "!=", "<", "<=", ">", ">="] {
            assertParse("a \(op) b", "(\(op) a b)")
        }
    }

    func testComparisonIsLooserThanCoalesce() {
        assertParse("a == b ?? c", "(== a (?? b c))")
    }

    func testCoalesceIsLooserThanRangeAndLeftAssociative() {
        assertParse("a ?? b..c", "(?? a (.. b c))")
        assertParse("a ?? b ?? c", "(?? (?? a b) c)")
    }

    func testRangeIsLooserThanAddition() {
        assertParse("0..n - 1", "(.. 0 (- n 1))")
    }

    func testAdditionIsLooserThanMultiplicationAndLeftAssociative() {
        assertParse("a + b * c", "(+ a (* b c))")
        assertParse("a - b - c", "(- (- a b) c)")
        assertParse("a * b + c", "(+ (* a b) c)")
    }

    func testEveryMultiplicativeOperatorIsLeftAssociative() {
        assertParse("a * b / c // d % e", "(% (// (/ (* a b) c) d) e)")
    }

    func testMultiplicationIsLooserThanTheGPUCount() {
        assertParse("2 * m x 8", "(* 2 (x m 8))")
        assertParse("m x 4 * 2", "(* (x m 4) 2)")
    }

    func testGPUCountIsLooserThanUnaryMinus() {
        assertParse("-a x 2", "(x (neg a) 2)")
        assertParse("m x -n", "(x m (neg n))")
    }

    func testGPUCountWithStringsAndAtoms() {
        assertParse(#""H100-SXM5-80GB" x 8"#, #"(x "H100-SXM5-80GB" 8)"#)
        assertParse("H100-SXM5-80GB x 8", "(x #H100-SXM5-80GB 8)")
        assertParse("let g = model x count", "(let g (x model count))")
    }

    func testXIsANameWhereNoOperandFollowsIt() {
        assertParse("x", "x")
        assertParse("x = x + 1", "(= x (+ x 1))")
        assertParse("f(x, x)", "(call f x x)")
    }

    func testUnaryMinusIsLooserThanPostfix() {
        assertParse("-a.b", "(neg (. a b))")
        assertParse("-f(1)[0]", "(neg ([] (call f 1) 0))")
    }

    func testMinusBeforeANumberIsFoldedIntoTheLiteral() {
        assertParse("-3", "-3")
        assertParse("-2.5", "-2.5")
        assertParse("-10m", "(dur -600000)")
        assertParse("- 3", "-3")
        assertParse("--3", "3")
        assertParse("-9223372036854775807 - 1", "(- -9223372036854775807 1)")
    }

    func testPostfixChains() {
        assertParse("a.b?.c[0](1)(2)", "(call (call ([] (?. (. a b) c) 0) 1) 2)")
    }

    func testParenthesesGroup() {
        assertParse("(a + b) * c", "(* (+ a b) c)")
        assertParse("not (a and b)", "(not (and a b))")
    }

    // MARK: - Operands

    func testLiterals() {
        assertParse("nil; true; false; 42; 2.5; 30s; 2TB", "nil true false 42 2.5 (dur 30000) 2000")
    }

    func testAtomsAndStrings() {
        assertParse(#"FINLAND-1 == "FINLAND-1""#, #"(== #FINLAND-1 "FINLAND-1")"#)
    }

    func testInterpolationHoldsExpressions() {
        assertParse(#""ready: {vm.name} at {a + 1}""#, #"(str "ready: " (. vm name) " at " (+ a 1))"#)
        assertParse(#""{x}""#, "(str x)")
        assertParse(#""a {f("b {c}")} d""#, #"(str "a " (call f (str "b " c)) " d")"#)
    }

    func testInterpolationHoldsCommandLookingCodeAsAnExpression() {
        assertParse(#""{f (1)}""#, "(str (call f 1))")
    }

    func testLists() {
        assertParse("[]", "[]")
        assertParse("[1, [2, 3], a,]", "[1 [2 3] a]")
        assertParse("[\n  1,\n  2\n]", "[1 2]")
    }

    func testMapLiteralKeys() {
        assertParse(#"let m = {name: "a", "odd key": 2, in: 3, FOO: 4, "{k}": 5,}"#,
                    #"(let m {"name": "a", "odd key": 2, "in": 3, "FOO": 4, (str k): 5})"#)
        assertParse("let m = {}", "(let m {})")
    }

    func testMapEntriesMaySitOnTheirOwnLines() {
        assertParse("let m = {\n  a: 1\n  b: [\n    2,\n  ]\n  c:\n    3,\n}", #"(let m {"a": 1, "b": [2], "c": 3})"#)
    }

    func testBraceWhereAnExpressionIsExpectedIsAMap() {
        assertParse("f({a: 1})", #"(call f {"a": 1})"#)
        assertParse("return {a: 1}", #"(return {"a": 1})"#)
    }

    func testOptionalMemberAndKeywordMemberNames() {
        assertParse("vm?.ip ?? err.code", "(?? (?. vm ip) (. err code))")
        assertParse("m.in + m.for + a.FOO", "(+ (+ (. m in) (. m for)) (. a FOO))")
    }

    func testMethodChainContinuesOnLinesStartingWithADot() {
        assertParse("let n = xs\n  .filter(f)\n  ?.len()\nprint n", "(let n (call (?. (call (. xs filter) f) len))) (cmd print n)")
    }

    func testCallsWithKeywordArguments() {
        assertParse("f(a, b, key: 1, timeout: 5m, in: FINLAND-1,)",
                    "(call f a b key: 1 timeout: (dur 300000) in: #FINLAND-1)")
        assertParse("f()", "(call f)")
        assertParse("f(\n  a,\n  b: 2\n)", "(call f a b: 2)")
    }

    func testColonAfterSpaceIsNotALabel() {
        assertDiagnostic("f(a : 1)", at: "1:5", "expected ')'")
    }

    // MARK: - Lambdas and functions

    func testLambdaWithAnExpressionBody() {
        assertParse("let double = fn(x) x * 2", "(let double (fn (x) (* x 2)))")
        assertParse("xs.map(fn(v) v.name)", "(call (. xs map) (fn (v) (. v name)))")
        assertParse("let f = fn() 1", "(let f (fn () 1))")
    }

    func testLambdaWithABlockBody() {
        assertParse("let f = fn(a, b = 2,) {\n  return a + b\n}", "(let f (fn (a b=2) {(return (+ a b))}))")
    }

    func testLambdaReturningAMapWrapsItInParentheses() {
        assertParse("let f = fn(x) ({v: x})", #"(let f (fn (x) {"v": x}))"#)
    }

    func testNamedFunctions() {
        assertParse("fn add(a, b, opt = 1) {\n  return a + b + opt\n}", "(fn add (a b opt=1) {(return (+ (+ a b) opt))})")
        assertParse("fn double(x) x * 2", "(fn double (x) (* x 2))")
        assertParse("fn nothing() {}", "(fn nothing () {})")
    }

    // MARK: - Statements

    func testLetAndAssignment() {
        assertParse("let a = 1\na = a + 1", "(let a 1) (= a (+ a 1))")
    }

    func testCompoundAssignmentToNamesMembersAndIndexes() {
        assertParse("a += 1; b.c -= 2; d[0] *= 3; e.f[g] /= 4",
                    "(+= a 1) (-= (. b c) 2) (*= ([] d 0) 3) (/= ([] (. e f) g) 4)")
        assertParse("m.key = 1; xs[-1] = 2", "(= (. m key) 1) (= ([] xs -1) 2)")
    }

    func testReturn() {
        assertParse("fn f() {\n  return\n}", "(fn f () {(return)})")
        assertParse("fn f() { return }", "(fn f () {(return)})")
        assertParse("fn f() { return a; }", "(fn f () {(return a)})")
    }

    func testIfElseIfElse() {
        assertParse("if a { b } else if c { d } else { e }", "(if a {b} c {d} else {e})")
        assertParse("if a {\n  b\n}", "(if a {b})")
    }

    func testElseAndCatchMayStartANewLine() {
        assertParse("if a {\n  b\n}\nelse {\n  c\n}", "(if a {b} else {c})")
        assertParse("try {\n  a\n}\ncatch e {\n  b\n}", "(try {a} (catch e {b}))")
    }

    func testWhileBreakContinue() {
        assertParse("while i < 10 {\n  i += 1\n  if i == 5 { continue }\n  break\n}",
                    "(while (< i 10) {(+= i 1) (if (== i 5) {(continue)}) (break)})")
    }

    func testForLoops() {
        assertParse("for x in xs { print x }", "(for x in xs {(cmd print x)})")
        assertParse("for i, x in xs {}", "(for i x in xs {})")
        assertParse("for k, v in m where v > 1 and k != \"a\" {}", #"(for k v in m where (and (> v 1) (!= k "a")) {})"#)
        assertParse("for i in 1..10 {}", "(for i in (.. 1 10) {})")
    }

    func testParallelForWithAndWithoutLimit() {
        assertParse("parallel for v in vms limit 4 { stop v }", "(parallel-for v in vms {(cmd stop v)} limit 4)")
        assertParse("parallel for v in vms where v.ok { }", "(parallel-for v in vms where (. v ok) {})")
    }

    func testTryWithSeveralCatchClauses() {
        assertParse("try { a } catch e where e.code == OUT_OF_STOCK { b } catch e { raise e }",
                    "(try {a} (catch e where (== (. e code) #OUT_OF_STOCK) {b}) (catch e {(raise e)}))")
    }

    func testRaise() {
        assertParse(#"raise "boom""#, #"(raise "boom")"#)
        assertParse(#"raise error(code: QUOTA, message: "m", details: {a: 1})"#,
                    #"(raise (call error code: #QUOTA message: "m" details: {"a": 1}))"#)
    }

    func testImport() {
        assertParse(#"import "fleet""#, #"(import "fleet")"#)
        assertParse(#"import "../lib/util.brk""#, #"(import "../lib/util.brk")"#)
    }

    func testWaitUntilWithTimeoutAndEveryInEitherOrder() {
        assertParse("wait until vm.status == ACTIVE", "(wait (== (. vm status) #ACTIVE))")
        assertParse("wait until ready() timeout 10m every 5s",
                    "(wait (call ready) timeout (dur 600000) every (dur 5000))")
        assertParse("wait until ready() every 5s timeout 10m",
                    "(wait (call ready) timeout (dur 600000) every (dur 5000))")
    }

    func testBareBlock() {
        assertParse("{\n  let a = 1\n}", "{(let a 1)}")
    }

    func testStatementRightAfterAClosingBraceNeedsNoSeparator() {
        assertParse("if a { b } c", "(if a {b}) c")
        assertParse("while a { b } let c = 1", "(while a {b}) (let c 1)")
    }

    func testSemicolonsAndBlankLinesSeparate() {
        assertParse(";;a;;\n\n;b;", "a b")
    }

    // MARK: - Command syntax

    func testDeployCommandFromTheContract() {
        assertParse(#"deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "train-1" ssh_keys: [key.id]"#,
                    #"(cmd deploy gpu: (x "H100-SXM5-80GB" 8) region: #FINLAND-1 name: "train-1" ssh_keys: [(. key id)])"#)
    }

    func testCommandsWithPositionalArguments() {
        assertParse("stop vm", "(cmd stop vm)")
        assertParse(#"print "hello" name"#, #"(cmd print "hello" name)"#)
        assertParse("print a.b f(1) xs[0] {k: 1} fn(v) v", #"(cmd print (. a b) (call f 1) ([] xs 0) {"k": 1} (fn (v) v))"#)
        assertParse("print not a", "(cmd print (not a))")
        assertParse("print nil true 1", "(cmd print nil true 1)")
    }

    func testCommandRightAfterLetAssignmentAndReturn() {
        assertParse("let vm = deploy gpu: H100-SXM5-80GB x 1 in FINLAND-2",
                    "(let vm (cmd deploy gpu: (x #H100-SXM5-80GB 1) region: #FINLAND-2))")
        assertParse("vm = stop vm", "(= vm (cmd stop vm))")
        assertParse("total += count xs", "(+= total (cmd count xs))")
        assertParse("fn f() { return stop vm }", "(fn f () {(return (cmd stop vm))})")
    }

    func testCommandWithOnlyKeywordArguments() {
        assertParse("sleep for: 5s timeout: 1m", "(cmd sleep for: (dur 5000) timeout: (dur 60000))")
    }

    func testCommandInsideABlock() {
        assertParse("if a { print b }", "(if a {(cmd print b)})")
    }

    func testLoneNameIsAnExpressionStatement() {
        assertParse("instances", "instances")
        assertParse("let f = instances", "(let f instances)")
        assertParse("instances()", "(call instances)")
    }

    func testBinaryOperatorFollowedBySpaceContinuesTheExpression() {
        assertParse("a - 1", "(- a 1)")
        assertParse("a * b", "(* a b)")
        assertParse("a == b", "(== a b)")
        assertParse("a and b", "(and a b)")
        assertParse("let c = a - 1", "(let c (- a 1))")
    }

    func testGPURequestIsNotACommand() {
        assertParse("model x 8", "(x model 8)")
        assertParse("let g = model x 8", "(let g (x model 8))")
        assertParse("print x", "(cmd print x)")
    }

    func testParenthesisOrBracketRightAfterTheNameIsACallOrIndex() {
        assertParse("print(1)", "(call print 1)")
        assertParse("xs[0]", "([] xs 0)")
    }

    func testParenthesisOrBracketAfterASpaceStartsTheFirstArgument() {
        assertParse("print (1 + 2) * 3", "(cmd print (* (+ 1 2) 3))")
        assertParse("print [1, 2]", "(cmd print [1 2])")
    }

    func testSpacedParenthesisStartsANewArgumentOnlyInsideCommandArguments() {
        assertParse("print f (1)", "(cmd print f 1)")
        assertParse("print xs [0]", "(cmd print xs [0])")
        assertParse("print (f (1))", "(cmd print (call f 1))")
        assertParse("let y = f (1)", "(let y (cmd f 1))")
        assertParse("let y = [f (1)]", "(let y [(call f 1)])")
        assertParse("y = g(f (1))", "(= y (call g (call f 1)))")
    }

    func testAttachedMinusStartsTheFirstArgument() {
        assertParse("print -3 + 1", "(cmd print (+ -3 1))")
        assertParse("print -a", "(cmd print (neg a))")
    }

    func testMinusAfterTheFirstArgumentIsBinary() {
        assertParse("print a -1", "(cmd print (- a 1))")
        assertParse("print a (-1)", "(cmd print a -1)")
    }

    func testInIsTheRegionKeywordArgument() {
        assertParse("deploy in FINLAND-1", "(cmd deploy region: #FINLAND-1)")
        assertParse("deploy gpu: g in r", "(cmd deploy gpu: g region: r)")
    }

    func testCommandSyntaxDoesNotNest() {
        assertParse("print add 5 5", "(cmd print add 5 5)")
        assertParse("let r = add 5 5", "(let r (cmd add 5 5))")
    }

    func testCommandPositionIsOnlyAtTheStartOfAStatement() {
        assertParse("if ready { go }", "(if ready {go})")
        assertParse("let a = [stop]", "(let a [stop])")
        assertParse("f(stop)", "(call f stop)")
    }

    func testCommandEndsAtTheEndOfTheLineOrBlock() {
        assertParse("print a b\nprint c", "(cmd print a b) (cmd print c)")
        assertParse("if a { print b } else { print c }", "(if a {(cmd print b)} else {(cmd print c)})")
    }

    func testCommandArgumentsMayContinueAfterAnOperatorAtTheLineEnd() {
        assertParse("print a +\n  b c", "(cmd print (+ a b) c)")
    }

    // MARK: - The outline printed by `barrack parse`

    func testASTPrinterOutline() {
        let text = "let total = a + 1\nstop vm in FINLAND-1"
        let parsed = Parser.parse(source(text))
        XCTAssertEqual(ASTPrinter.print(parsed.statements, source: source(text)), """
            let total  @1:1
              binary +
                name a
                int 1
            expression  @2:1
              command
                name stop
                name vm
                region:
                  atom FINLAND-1

            """)
    }

    // MARK: - Syntax rules that reject

    func testComparisonsDoNotChain() {
        assertDiagnostic("1 < 2 < 3", at: "1:7", "comparisons do not chain")
        assertDiagnostic("a == b != c", at: "1:8", "write 'a < b and b < c'")
    }

    func testCommaBetweenCommandArgumentsSaysToUseSpaces() {
        assertDiagnostic("print a, b", at: "1:8", "separated by spaces")
    }

    func testLetNeedsAValue() {
        assertDiagnostic("let x", at: "1:6", "let x = nil")
    }

    func testAllCapsNamesCannotBeDeclared() {
        assertDiagnostic("let FOO = 1", at: "1:5", "ALL-CAPS")
        assertDiagnostic("fn STOP() {}", at: "1:4", "ALL-CAPS")
        assertDiagnostic("for A in xs {}", at: "1:5", "ALL-CAPS")
    }

    func testKeywordsCannotBeDeclared() {
        assertDiagnostic("let in = 1", at: "1:5", "is a keyword")
    }

    func testParametersWithDefaultsComeLast() {
        assertDiagnostic("fn f(a = 1, b) {}", at: "1:13", "parameters with defaults come last")
        assertDiagnostic("fn f(a, a) {}", at: "1:9", "declared twice")
    }

    func testAssignmentTargetMustBeANameMemberOrIndex() {
        assertDiagnostic("f() = 1", at: "1:1", "cannot assign")
        assertDiagnostic("a?.b = 1", at: "1:1", "cannot assign")
    }

    func testLimitBelongsToParallelFor() {
        assertDiagnostic("for x in xs limit 2 {}", at: "1:13", "'limit' belongs to 'parallel for'")
    }

    func testTryNeedsACatch() {
        assertDiagnostic("try { a }\nb", at: "1:10", "expected 'catch'")
    }

    func testElseAndCatchWithoutTheirStatement() {
        assertDiagnostic("else { a }", at: "1:1", "'else' without an 'if'")
        assertDiagnostic("catch e { a }", at: "1:1", "'catch' without a 'try'")
    }

    func testWaitOptionsAtMostOnce() {
        assertDiagnostic("wait until a timeout 1m timeout 2m", at: "1:25", "'timeout' is given twice")
    }

    func testImportNeedsAString() {
        assertDiagnostic("import fleet", at: "1:8", "import \"fleet\"")
    }

    func testEmptyInterpolationAndEmptyParentheses() {
        assertDiagnostic(#"print "a{}""#, at: "1:10", "empty interpolation")
        assertDiagnostic("print ()", at: "1:7", "empty parentheses")
    }

    func testFunctionNeedsABody() {
        assertDiagnostic("fn f()", at: "1:7", "function's body")
    }

    func testRangeDoesNotChain() {
        assertDiagnostic("a..b..c", at: "1:5", "expected the end of the statement")
    }
}
