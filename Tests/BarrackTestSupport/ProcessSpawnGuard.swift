import Foundation

/// Works around a crash in Foundation's `Process.run()` on Linux (Swift 6.3.1): before each spawn
/// it reads the names in `/proc/self/fd` by copying a whole 256-byte `d_name` out of glibc's
/// directory buffer, and when an entry sits at the end of that buffer and the buffer at the end of
/// mapped memory, the copy faults (swift-corelibs-foundation pull request 5472, fixed after 6.3.1).
/// The suite spawns hundreds of processes and crashed this way in about one run in five.
///
/// With allocations of 16 KiB and more served by `mmap`, the 32 KiB buffer gets a mapping of its
/// own that ends about 4 KiB after it, so the over-read stays in mapped memory. Call `prepare()`
/// before any `Process.run()`.
public enum ProcessSpawnGuard {
    private static let prepared: Void = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out.
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: MallocOption.self)(mmapThreshold, 16 * 1024)
        }
        #endif
    }()

    /// Makes the workaround take effect for the whole process; calling it again does nothing.
    public static func prepare() { prepared }
}
