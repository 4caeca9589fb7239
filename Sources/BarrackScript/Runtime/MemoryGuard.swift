#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends a run with `MEMORY_LIMIT` instead of letting it exhaust the machine.
///
/// Two checks. Without any host setting, a single allocation larger than the machine's physical
/// memory (`range(10_000_000_000).sort()` asks for 160 GB) is refused before it is attempted,
/// since attempting it aborts the process. With `Interpreter.memoryLimit` set, the run's growth of
/// the process's resident memory above what it was when the run started is measured every 1,024
/// steps (at most every 2 ms) and after every large concatenation; past the limit the run raises `MEMORY_LIMIT`.
/// Resident memory is what the operating system must provide, so it counts every value, string
/// and frame without the evaluator having to keep its own accounts.
final class MemoryGuard: @unchecked Sendable {
    /// The bytes a run may add to the resident memory it started with.
    let limit: Int
    private let baseline: Int

    /// Results at least this many elements or bytes long are worth a measurement: reading the
    /// resident size costs about 5 µs, less than copying 65,536 values.
    static let largeResult = 65_536

    init(limit: Int) {
        self.limit = limit
        baseline = MemoryGuard.residentBytes()
    }

    /// When the resident size was last read by `checkPeriodically`, in coarse monotonic
    /// nanoseconds; touched only under the interpreter lock.
    private var lastPeriodicCheck = 0

    /// Reading the resident size opens `/proc/self/statm`, which a tight loop checking every
    /// 1,024 steps did about 33,000 times a second: that cost another learner's runs in the
    /// playground twice their p99 latency. Steps check at most this often.
    static let periodicCheckNanoseconds = 2_000_000

    /// `check()` from the step counter: at most every `periodicCheckNanoseconds`.
    func checkPeriodically() throws {
        let now = MemoryGuard.coarseNanoseconds()
        guard now - lastPeriodicCheck >= MemoryGuard.periodicCheckNanoseconds else { return }
        lastPeriodicCheck = now
        try check()
    }

    /// A monotonic clock read cheaply (a few nanoseconds, millisecond resolution on Linux).
    private static func coarseNanoseconds() -> Int {
        var time = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
        #else
        clock_gettime(CLOCK_MONOTONIC, &time)
        #endif
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }

    /// Raises `MEMORY_LIMIT` when the run has grown past its limit.
    func check() throws {
        let grown = MemoryGuard.residentBytes() - baseline
        if grown > limit {
            throw ErrorObject(code: ErrorCode.memoryLimit,
                              message: "the script uses more than \(MemoryGuard.describe(limit)) of memory (the host's limit)")
        }
    }

    /// Raises `MEMORY_LIMIT` when `elements` more values would take the run past its limit.
    func reserve(elements: Int, of what: String) throws {
        let (bytes, overflowed) = elements.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        let grown = MemoryGuard.residentBytes() - baseline
        if overflowed || grown + bytes > limit {
            throw ErrorObject(code: ErrorCode.memoryLimit,
                              message: "\(what) needs \(elements) elements, more than the host's memory limit of \(MemoryGuard.describe(limit)) allows")
        }
    }

    /// Checks the run's growth after a large string or list was made.
    func noteResult(_ value: Value) throws {
        switch value {
        case .string(let text) where text.utf8.count >= MemoryGuard.largeResult: try check()
        case .list(let list) where list.elements.count >= MemoryGuard.largeResult: try check()
        default: break
        }
    }

    /// Raises `MEMORY_LIMIT` for a single allocation of `elements` values (or bytes, with
    /// `stride: 1`) larger than the machine's physical memory, which no host limit is needed to
    /// refuse: attempting it would abort the process.
    static func checkAllocatable(elements: Int, stride: Int = MemoryLayout<Value>.stride, of what: String) throws {
        let (bytes, overflowed) = elements.multipliedReportingOverflow(by: stride)
        // Below 64 MB nothing is asked of the system: most results are small, and a doubling
        // string reaches this size within a few steps of reaching the machine's limit.
        guard overflowed || bytes > 64 << 20 else { return }
        // Half of what is free: the operands of a concatenation are still held while it is built.
        let allowed = availableBytes() / 2
        if overflowed || bytes > allowed {
            throw ErrorObject(code: ErrorCode.memoryLimit,
                              message: "\(what) would need \(overflowed ? "more than 8 EB" : describe(bytes)), more than half of the \(describe(allowed * 2)) of memory free")
        }
    }

    /// The memory free now: the machine's unused physical pages, or what the process's
    /// address-space limit (`ulimit -v`) still allows if that is less.
    static func availableBytes() -> Int {
        let pages = sysconf(Int32(_SC_AVPHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        var available = pages > 0 && size > 0 && !pages.multipliedReportingOverflow(by: size).overflow
            ? pages * size : physicalBytes
        var limit = rlimit()
        if getrlimit(addressSpaceLimit, &limit) == 0, limit.rlim_cur != rlim_t.max {
            available = min(available, max(0, Int(clamping: limit.rlim_cur) - virtualBytes()))
        }
        return available
    }

    #if os(Linux)
    private static let addressSpaceLimit = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
    private static let addressSpaceLimit = RLIMIT_AS
    #endif

    /// The machine's physical memory; 16 GB when it cannot be read.
    static let physicalBytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 16 << 30 }
        return pages.multipliedReportingOverflow(by: size).overflow ? Int.max : pages * size
    }()

    /// The process's resident memory in bytes (Linux: the second field of /proc/self/statm); 0
    /// where it cannot be read, which turns the host limit off rather than failing every run.
    static func residentBytes() -> Int { statm(field: 1) }

    /// The process's virtual memory in bytes (the first field of /proc/self/statm).
    static func virtualBytes() -> Int { statm(field: 0) }

    private static func statm(field: Int) -> Int {
        #if os(Linux)
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > field, let pages = Int(String(decoding: fields[field], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 0
        #endif
    }

    /// `256 MB`, `1.5 GB`.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return "\(Value.formatFloat((Double(bytes) / Double(1 << 30) * 10).rounded() / 10)) GB" }
        return "\(bytes >> 20) MB"
    }
}
