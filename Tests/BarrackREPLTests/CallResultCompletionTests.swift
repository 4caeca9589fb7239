import BarrackPlatform
import BarrackScript
import Testing
@testable import barrack
@testable import BarrackTools

/// Completion after the `.` of a platform built-in's call: the fields of the record it returns,
/// from the API document, without calling anything (issue 16).
struct CallResultCompletionTests {
    let interpreter: Interpreter = {
        let interpreter = Interpreter()
        Platform.register(in: interpreter, connection: DetachedConnection())
        return interpreter
    }()

    private func complete(_ line: String) -> [String] {
        Completer(interpreter: interpreter).complete(line: line, cursor: line.utf8.count).candidates
    }

    @Test func anInstanceCallCompletesTheInstancesFields() {
        #expect(complete("instance(vm).st") == ["status", "startup_script_id"].sorted())
        let all = complete("instance(vm).")
        for field in ["id", "name", "status", "gpu_model", "gpu_count", "region", "hourly_cost", "boot_source"] {
            #expect(all.contains(field), "instance(vm). should offer \(field): \(all)")
        }
        #expect(all.contains("keys"), "a record is a map: its methods come too")
    }

    @Test func otherRecordsCompleteTheirOwnFields() {
        #expect(complete("volume(v).size").contains("size_gb"))
        #expect(complete("balance().cur") == ["currency"])
        #expect(complete("deploy(gpu: L40 x 1).hourly") == ["hourly_cost"])
    }

    @Test func aListingOrAShadowedNameOffersNoFields() {
        // A listing is a list: its methods, not an instance's fields.
        #expect(!complete("instances().").contains("gpu_model"))
        let shadowed = Interpreter()
        Platform.register(in: shadowed, connection: DetachedConnection())
        shadowed.define("instance", .map(["mine": .int(1)]))
        #expect(Completer(interpreter: shadowed).complete(line: "instance(vm).", cursor: 13).candidates.isEmpty)
    }
}
