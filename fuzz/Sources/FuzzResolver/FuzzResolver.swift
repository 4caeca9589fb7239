import BarrackScript
import FuzzSupport

/// Parser and resolver (name resolution and compilation to the evaluator's tree).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResolver(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? FuzzInterpreter.make().compile(FuzzInput.source(data, size))
    return 0
}
