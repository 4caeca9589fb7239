import BarrackPlatform
import BarrackScript
import XCTest

/// Every built-in's help example is a statement that compiles as shown, given the variables it
/// names (`vm`, `fw`, …), so that `help NAME` never teaches a mistake.
final class HelpExampleTests: XCTestCase {
    /// The variables the examples assume a script already has.
    static let exampleVariables = ["vm", "fw", "key", "vol", "snap", "img", "s", "rule", "new_text", "data", "setup"]

    func testEveryExampleCompiles() {
        let interpreter = Interpreter()
        Platform.register(in: interpreter, connection: DetachedConnection())
        for name in Self.exampleVariables { interpreter.define(name, .null) }
        for builtin in interpreter.builtins where !builtin.help.example.isEmpty {
            let source = Source(name: "help \(builtin.name)", text: builtin.help.example)
            XCTAssertNoThrow(try interpreter.compile(source, keepsResults: true),
                             "the example of \(builtin.name) does not compile: \(builtin.help.example)")
        }
    }
}
