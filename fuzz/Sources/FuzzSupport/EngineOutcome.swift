import BarrackScript
import Synchronization

/// What one engine made of a script: its diagnostics when it did not compile, else what it
/// printed and the error it ended with. The differential target compares the tree's with the VM's.
public struct EngineOutcome: Equatable, Sendable {
    public var diagnostics: [String] = []
    public var output = ""
    /// The uncaught error's code, message and place (`line:column`), or `exit` and its status.
    public var ending = ""

    /// Runs `source` on a fresh fuzzing interpreter for `engine`.
    public static func of(_ source: Source, on engine: Engine) -> EngineOutcome {
        let interpreter = FuzzInterpreter.make(engine: engine)
        // No worker threads: `parallel for` runs its iterations one after the other on the loop's
        // own thread (as past the cap on workers), so both engines see the same interleaving.
        interpreter.maxWorkers = 0
        let printed = Mutex("")
        interpreter.output = { text in printed.withLock { $0 += text } }
        var outcome = EngineOutcome()
        let program: Program
        do {
            program = try interpreter.compile(source)
        } catch {
            outcome.diagnostics = error.diagnostics.map(\.description)
            return outcome
        }
        let ending = Mutex("")
        ThreadLauncher.runAndWait {
            do {
                try interpreter.run(program)
            } catch let error as ErrorObject {
                let place = error.location.map { location -> String in
                    let start = location.source.location(of: location.range.start)
                    return "\(start.line):\(start.column)"
                } ?? "-"
                ending.withLock { $0 = "\(error.code) at \(place): \(error.report)" }
            } catch let request as ExitRequest {
                ending.withLock { $0 = "exit \(request.code)" }
            } catch {
                ending.withLock { $0 = "\(error)" }
            }
        }
        outcome.output = printed.withLock { $0 }
        outcome.ending = ending.withLock { $0 }
        return outcome
    }

    /// How the VM's outcome differs from the tree's, or nil when they agree.
    ///
    /// One allowance, documented in docs/RELIABILITY.md: a call nested in another call's
    /// arguments is one frame shallower on the VM (its frame is pushed after the arguments), so
    /// when both end at the call-depth limit the place of that error is not compared.
    public static func difference(tree: EngineOutcome, vm: EngineOutcome) -> String? {
        var tree = tree
        var vm = vm
        let limit = "RECURSION_LIMIT at "
        if tree.ending.hasPrefix(limit), vm.ending.hasPrefix(limit) {
            tree.ending = limit
            vm.ending = limit
        }
        guard tree != vm else { return nil }
        return """
            the engines disagree
            tree diagnostics: \(tree.diagnostics)
            vm diagnostics:   \(vm.diagnostics)
            tree output: \(tree.output.debugDescription)
            vm output:   \(vm.output.debugDescription)
            tree ending: \(tree.ending)
            vm ending:   \(vm.ending)
            """
    }
}
