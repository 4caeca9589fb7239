import ArgumentParser
import BarrackScript

/// `barrack run --max-steps N --timeout DURATION`: bounds on a script that may never end.
///
/// A step is a loop iteration or a call; past the limit the script raises `STEP_LIMIT`. The
/// timeout is real time from the start of the run; past it the script raises `TIME_LIMIT`, which
/// also cuts short a sleep, a `wait until` or a request in flight.
struct RunLimits: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: ArgumentHelp(
        "Stop the script with STEP_LIMIT after this many loop iterations and calls.", valueName: "N"))
    var maxSteps: Int?

    @Option(help: ArgumentHelp(
        "Stop the script with TIME_LIMIT after this long (500ms, 30s, 10m, 2h, or seconds).", valueName: "DURATION"))
    var timeout: TimeLimit?

    func validate() throws {
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must be 0 or more, not \(maxSteps)") }
    }

    /// Sets the limits on `interpreter`.
    func apply(to interpreter: Interpreter) {
        if let maxSteps { interpreter.stepLimit = maxSteps }
        if let timeout { interpreter.timeLimit = timeout.seconds }
    }
}

/// A `--timeout` value: a number with an optional unit, as the language writes durations.
struct TimeLimit: ExpressibleByArgument {
    let seconds: Double

    init?(argument: String) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        let unit = units.first { argument.hasSuffix($0.suffix) && Double(argument.dropLast($0.suffix.count)) != nil }
        guard let number = Double(unit.map { String(argument.dropLast($0.suffix.count)) } ?? argument),
              number.isFinite, number >= 0 else { return nil }
        seconds = number * (unit?.seconds ?? 1)
    }
}
