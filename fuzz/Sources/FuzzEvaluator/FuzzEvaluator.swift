import BarrackScript
import FuzzSupport

/// The whole pipeline: a script that compiles is run under a step limit and a memory guard.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInterpreter.run(FuzzInput.source(data, size))
    return 0
}
