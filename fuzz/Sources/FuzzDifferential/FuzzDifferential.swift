import BarrackScript
import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

/// The tree and the VM on the same input: what they print, their diagnostics and the error each
/// ends with (code, message and place) must agree. A difference stops the fuzzer, which keeps
/// the input in `fuzz/artifacts/`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDifferential(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = FuzzInput.source(data, size)
    let tree = EngineOutcome.of(source, on: .tree)
    let vm = EngineOutcome.of(source, on: .vm)
    if let difference = EngineOutcome.difference(tree: tree, vm: vm) {
        let report = difference + "\n"
        _ = report.withCString { write(2, $0, strlen($0)) }
        abort()
    }
    return 0
}
