import BarrackAPI
import BarrackScript

/// `--wait`: after a verb that moves an instance (`deploy`, `stop`, `delete-instance`, …), asks
/// for the instance every 10 seconds until its status is no longer transitional, as a script's
/// `wait until instance(vm).status == ACTIVE every 10s` would.
///
/// 10 seconds because a deploy takes 2 to 5 minutes on the platform; 30 minutes at most because a
/// transition that takes longer has failed. In the sandbox the waits pass in simulated time.
struct InstanceWait {
    let interpreter: Interpreter
    static let interval = 10_000
    static let timeout = 30 * 60_000

    /// The instance as it is once settled; an `ERROR` status or a timeout is an error.
    func settle(_ result: Value) throws -> Value {
        guard case .map(let record) = result, case .string(let id)? = record["id"],
              let lookup = interpreter.global("instance") else { return result }
        interpreter.activity?(.waitStarted)
        defer { interpreter.activity?(.waitEnded) }
        var current = result
        var waited = 0
        while true {
            guard case .map(let now) = current, case .string(let text)? = now["status"] else { return current }
            let status = VMStatus(rawValue: text)
            if status == .error {
                throw ErrorObject(code: "INVALID_STATE", message: "instance \(id) is in ERROR")
            }
            if !status.isTransitional { return current }
            guard waited < InstanceWait.timeout else {
                throw ErrorObject(code: ErrorCode.timeout,
                                  message: "instance \(id) is still \(text) after \(InstanceWait.timeout / 60_000) minutes")
            }
            interpreter.clock.sleep(milliseconds: InstanceWait.interval) { interpreter.isInterruptRequested }
            if interpreter.isInterruptRequested { throw ErrorObject(code: ErrorCode.interrupted, message: "interrupted") }
            waited += InstanceWait.interval
            do {
                current = try interpreter.call(lookup, [.string(id)])
            } catch let error as ErrorObject where error.code == "NOT_FOUND" {
                // A deleted instance may be gone from the platform's listing altogether.
                return current
            }
        }
    }
}
