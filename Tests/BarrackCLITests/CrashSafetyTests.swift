#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Issue 12: a process killed (SIGKILL) in the middle of sandbox writes leaves a state the next run
/// loads; processes share one sandbox through short transactions; a stuck holder is named.
final class CrashSafetyTests: XCTestCase {
    /// A script that writes the sandbox state as fast as it can, forever; names carry the round,
    /// since a kill between a create and its delete leaves that key behind.
    static func writer(round: Int) -> String {
        """
        for old in ssh_keys() {
          if old.name != "default" { delete_ssh_key(old.id) }
        }
        let i = 0
        while true {
          let key = create_ssh_key(name: "crash-\(round)-" + str(i))
          delete_ssh_key(key.id)
          i += 1
        }
        """
    }

    /// How many kills; recorded in docs/RELIABILITY.md.
    static let kills = 60

    func testKilledWritersAlwaysLeaveAValidState() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        let environment = home.variables()
        let data = home.folder.appendingPathComponent("barrack/sandbox.json")
        // A seeded generator: the same kill points on every run of the test.
        var random = SplitMix(seed: 12)
        var validLoads = 0
        var killedAfterWrites = 0
        var previous = Data()
        for round in 0..<Self.kills {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "--sandbox", "-e", Self.writer(round: round)]
            process.environment = environment
            process.currentDirectoryURL = home.folder
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Start-up takes about 100 ms; the kill lands anywhere in the next 400 ms of writes.
            usleep(UInt32(100_000 + random.next() % 400_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "round \(round)")

            let current = (try? Data(contentsOf: data)) ?? Data()
            if current != previous { killedAfterWrites += 1 }
            previous = current
            let status = ScriptRun.execute(binary: binary, arguments: ["sandbox", "status"], in: home.folder,
                                           timeout: 60, environment: environment)
            if status.status == 0, !status.standardError.contains("damaged") {
                validLoads += 1
            } else {
                XCTFail("round \(round): the next run could not load the state: \(status.standardError)")
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: data.deletingLastPathComponent().path)
            XCTAssertFalse(left.contains { $0.hasSuffix(".tmp") || $0.contains("corrupt") }, "round \(round): \(left)")
        }
        XCTAssertEqual(validLoads, Self.kills)
        XCTAssertGreaterThan(killedAfterWrites, Self.kills / 2, "most kills must land after some writes")
        print("crash safety: \(Self.kills) kills, \(killedAfterWrites) after writes, \(validLoads) valid loads")
    }

    /// Issue 12: an open REPL locked the sandbox for every other process, even `sandbox status`.
    /// `barrack sandbox serve` keeps a sandbox open for its whole life, as a REPL does.
    func testAnOpenSandboxDoesNotLockOutOtherProcesses() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        let environment = home.variables()
        let server = try SandboxServerProcess(binary: binary, options: [], timeout: 60, environment: environment,
                                              folder: home.folder)
        defer { server.stop() }
        let status = ScriptRun.execute(binary: binary, arguments: ["sandbox", "status"], in: home.folder,
                                       timeout: 60, environment: environment)
        XCTAssertEqual(status.status, 0, status.standardError)
        let script = ScriptRun.execute(binary: binary, arguments: ["run", "--sandbox", "-e", #"print create_ssh_key(name: "beside").name"#],
                                       in: home.folder, timeout: 60, environment: environment)
        XCTAssertEqual(script.status, 0, script.standardError)
        XCTAssertEqual(script.standardOutput, "beside\n")
        // The server, open all along, sees what the other process made.
        let listed = ScriptRun.execute(
            binary: binary, arguments: ["run", "--api-url", server.baseURL, "-e", "print ssh_keys().map(fn(k) k.name)"],
            in: home.folder, timeout: 60, environment: environment.merging(["BARRACK_API_KEY": "any-key-will-do"]) { $1 })
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(listed.standardOutput.contains("beside"), listed.standardOutput)
    }

    func testAStuckHolderGetsAClearLockMessage() throws {
        guard let binary = TestPaths.binary() else { return }
        let home = try SandboxEnvironment()
        let environment = home.variables()
        let folder = home.folder.appendingPathComponent("barrack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = open(folder.appendingPathComponent("sandbox.lock").path, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(lock, 0)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        _ = "4242\n".withCString { write(lock, $0, 5) }
        defer { close(lock) }
        let status = ScriptRun.execute(binary: binary, arguments: ["sandbox", "status"], in: home.folder,
                                       timeout: 60, environment: environment)
        XCTAssertNotEqual(status.status, 0)
        XCTAssertTrue(status.standardError.contains("is locked by another barrack process (process 4242)"),
                      status.standardError)
        XCTAssertTrue(status.standardError.contains("XDG_DATA_HOME"), status.standardError)
    }
}

/// A small seeded generator (SplitMix64), so that a test's random choices repeat run after run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
