import BarrackScript
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Compiles and runs one script to completion, and turns its outcome into an exit status:
/// 0 ok, 1 runtime error, 2 syntax error, 130 interrupted, or the script's own `exit(code)`.
struct ScriptRunner {
    let options: GlobalOptions
    var limits = RunLimits()

    func run(_ source: Source, arguments: [String]) -> Int32 {
        let environment: ScriptEnvironment
        do {
            environment = try ScriptEnvironment.open(options)
        } catch {
            return ErrorReport(format: options.output).write(error)
        }
        defer { environment.close() }
        let report = ErrorReport(format: environment.output)
        let interpreter = environment.interpreter
        interpreter.define("args", .list(arguments.map { .string($0) }))
        limits.apply(to: interpreter, profileMaxMemory: environment.backend.profileMaxMemory)
        Spinner.attach(to: interpreter)
        let program: Program
        do {
            program = try interpreter.compile(source)
        } catch {
            report.write(error.diagnostics)
            return 2
        }
        let status = ScriptRunner.execute(program, in: interpreter, report: report)
        // Whether the script ended well, with an error or by Ctrl-C: say what it leaves billing.
        environment.reportLeftRunning()
        return status
    }

    /// Runs a compiled program with Ctrl-C forwarded, reports an uncaught error on standard error
    /// (`report`: as text, or as a JSON object with `--output json`), and gives the exit status:
    /// 0 ok, 1 runtime error, 130 interrupted, or `exit(code)`'s code.
    static func execute(_ program: Program, in interpreter: Interpreter, report: ErrorReport) -> Int32 {
        let interrupts = InterruptForwarder(interpreter)
        defer { interrupts.stop() }
        let outcome = Outcome()
        ThreadLauncher.runAndWait {
            do {
                try interpreter.run(program)
            } catch let request as ExitRequest {
                outcome.status = request.code
            } catch {
                outcome.status = report.write(error)
            }
        }
        StandardStreams.flush()
        return InterruptForwarder.exitStatus(outcome.status)
    }

    private final class Outcome: @unchecked Sendable {
        var status: Int32 = 0
    }
}

/// Reads all of standard input.
enum StandardInput {
    static func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
