import BarrackScript
import FuzzSupport

/// Lexer and parser: any bytes give a tree or diagnostics, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = FuzzInput.source(data, size)
    let (statements, _) = Parser.parse(source)
    _ = ASTPrinter.print(statements, source: source)
    return 0
}
