import Dispatch

extension ScriptThread {
    /// Starts the run's memory guard and time limit, if the host set them; the returned work item
    /// (the time limit's) is cancelled when the run ends.
    func startLimits() -> DispatchWorkItem? {
        if let memoryLimit, parent == nil, memoryGuard == nil { memoryGuard = MemoryGuard(limit: memoryLimit) }
        guard let timeLimit, parent == nil else { return nil }
        let stop = DispatchWorkItem { [self] in
            timeLimitReached.store(true, ordering: .relaxed)
            cancel()
        }
        // Capped at about 30 years so that the deadline arithmetic cannot overflow.
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, min(timeLimit, 1e9)), execute: stop)
        return stop
    }

    /// The `TIME_LIMIT` error, once the time limit cancelled the run; nil otherwise.
    var timeLimitError: ErrorObject? {
        guard root.timeLimitReached.load(ordering: .relaxed) else { return nil }
        let milliseconds = Int(min(timeLimit ?? 0, 9e15) * 1_000)
        return ErrorObject(code: ErrorCode.timeLimit,
                           message: "the script ran longer than \(Value.duration(milliseconds)) (the host's time limit)")
    }
}
