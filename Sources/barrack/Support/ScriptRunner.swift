import BarrackScript
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Compiles and runs one script to completion, and turns its outcome into an exit status:
/// 0 ok, 1 runtime error, 2 syntax error, 130 interrupted, or the script's own `exit(code)`.
struct ScriptRunner {
    let options: GlobalOptions

    func run(_ source: Source, arguments: [String]) -> Int32 {
        let environment: ScriptEnvironment
        do {
            environment = try ScriptEnvironment.open(options)
        } catch {
            StandardStreams.writeError("barrack: \(error)\n")
            return 1
        }
        defer { environment.close() }
        let interpreter = environment.interpreter
        interpreter.define("args", .list(arguments.map { .string($0) }))
        Spinner.attach(to: interpreter)
        let program: Program
        do {
            program = try interpreter.compile(source)
        } catch {
            for diagnostic in error.diagnostics { StandardStreams.writeError(diagnostic.description + "\n") }
            return 2
        }
        return ScriptRunner.execute(program, in: interpreter)
    }

    /// Runs a compiled program with Ctrl-C forwarded, reports an uncaught error on standard error,
    /// and gives the exit status: 0 ok, 1 runtime error, 130 interrupted, or `exit(code)`'s code.
    static func execute(_ program: Program, in interpreter: Interpreter) -> Int32 {
        let interrupts = InterruptForwarder(interpreter)
        defer { interrupts.stop() }
        let outcome = Outcome()
        ThreadLauncher.runAndWait {
            do {
                try interpreter.run(program)
            } catch let error as ErrorObject {
                StandardStreams.writeError(error.report + "\n")
                outcome.status = error.code == "INTERRUPTED" ? 130 : 1
            } catch let request as ExitRequest {
                outcome.status = request.code
            } catch {
                StandardStreams.writeError("barrack: \(error)\n")
                outcome.status = 1
            }
        }
        StandardStreams.flush()
        return outcome.status
    }

    private final class Outcome: @unchecked Sendable {
        var status: Int32 = 0
    }
}

/// Turns Ctrl-C (SIGINT) into `Interpreter.interrupt()` while a script runs.
final class InterruptForwarder {
    private let source: DispatchSourceSignal

    init(_ interpreter: Interpreter) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interpreter.interrupt() }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
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
