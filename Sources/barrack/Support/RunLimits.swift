import ArgumentParser
import BarrackAPI
import BarrackScript

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `barrack run --max-steps N --timeout DURATION --max-memory SIZE`: bounds on a script that may
/// never end or never stop growing.
///
/// A step is a loop iteration or a call; past the limit the script raises `STEP_LIMIT`. The
/// timeout is real time from the start of the run; past it the script raises `TIME_LIMIT`, which
/// also cuts short a sleep, a `wait until` or a request in flight. The memory limit is how much
/// the process may grow while the script runs (`MEMORY_LIMIT` past it); without the option it is
/// the config profile's `max_memory`, else half the machine's memory, so that a script that grows without bound ends with an error, not
/// with the kernel's out-of-memory signal.
struct RunLimits: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: ArgumentHelp(
        "Stop the script with STEP_LIMIT after this many loop iterations and calls.", valueName: "N"))
    var maxSteps: Int?

    @Option(help: ArgumentHelp(
        "Stop the script with TIME_LIMIT after this long (500ms, 30s, 10m, 2h, or seconds).", valueName: "DURATION"))
    var timeout: TimeLimit?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "Stop the script with MEMORY_LIMIT when it has grown by this much memory (512M, 2G, or bytes; default: the config's max_memory, else half the machine's memory).",
        valueName: "SIZE"))
    var maxMemory: MemorySize?

    func validate() throws {
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must be 0 or more, not \(maxSteps)") }
    }

    /// Sets the limits on `interpreter`; `profileMaxMemory` is the config profile's `max_memory`,
    /// which `--max-memory` overrides.
    func apply(to interpreter: Interpreter, profileMaxMemory: Int? = nil) {
        if let maxSteps { interpreter.stepLimit = maxSteps }
        if let timeout { interpreter.timeLimit = timeout.seconds }
        interpreter.memoryLimit = maxMemory?.bytes ?? profileMaxMemory ?? MemorySize.defaultLimit
    }
}

/// A `--max-memory` value: a `ByteSize` (a number of bytes with an optional binary unit: K, M, G,
/// T; `KB`, `MiB` and the like too).
struct MemorySize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        guard let size = ByteSize(argument) else { return nil }
        bytes = size.bytes
    }

    /// Half the machine's physical memory: the limit of a run that sets none.
    static var defaultLimit: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 1 << 32 }
        return pages / 2 * size
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
