import BarrackScript
import Testing
@testable import barrack
@testable import BarrackTools

/// Tab on an argument that takes a resource offers the ids of that kind, from a lookup.
struct ResourceCompletionTests {
    /// Resources held in memory, and which kinds were asked for.
    final class ListedResources: ResourceLookup, @unchecked Sendable {
        let entries: [ResourceKind: [ResourceEntry]]
        private(set) var asked: [ResourceKind] = []

        init(_ entries: [ResourceKind: [ResourceEntry]]) {
            self.entries = entries
        }

        func resources(_ kind: ResourceKind) -> [ResourceEntry] {
            asked.append(kind)
            return entries[kind] ?? []
        }
    }

    let resources = ListedResources([
        .instance: [ResourceEntry(id: "BRK-100001VM", name: "trainer"), ResourceEntry(id: "BRK-100002VM", name: "tester")],
        .volume: [ResourceEntry(id: "BRK-200001V", name: "data")],
        .key: [ResourceEntry(id: "BRK-300001K", name: "laptop")],
    ])

    /// Built-ins shaped like the platform's: resource parameters carry the platform's type names.
    let interpreter: Interpreter = {
        let interpreter = Interpreter()
        let instance = BuiltinParameter(name: "instance", isRequired: true, type: "id or record")
        let volume = BuiltinParameter(name: "volume", isRequired: true, type: "id or record")
        let rule = BuiltinParameter(name: "rule", isRequired: true, type: "id or record")
        let keys = BuiltinParameter(name: "ssh_keys", isRequired: false, type: "list of ids or records")
        for (name, parameters) in [("stop", [instance]), ("attach_volume", [volume, instance]),
                                   ("remove_security_rule", [instance, rule]),
                                   ("deploy", [BuiltinParameter.required("gpu"), keys]),
                                   ("instance_name", [BuiltinParameter.required("instance")])] {
            interpreter.register(BuiltinFunction(name: name, parameters: parameters) { _ in .null })
        }
        return interpreter
    }()

    private func complete(_ line: String) -> Completion {
        Completer(interpreter: interpreter, resources: resources).complete(line: line, cursor: line.utf8.count)
    }

    @Test func aResourceInAStringCompletesToItsIdAndClosesTheString() {
        #expect(complete("stop \"BRK-") == Completion(start: 6, candidates: ["BRK-100001VM", "BRK-100002VM"], suffix: "\""))
        #expect(complete("stop(\"BRK-1000012").candidates == [])
        #expect(complete("stop(\"BRK-100001").candidates == ["BRK-100001VM"])
    }

    @Test func theStartOfANameCompletesToTheId() {
        #expect(complete("stop \"tr").candidates == ["BRK-100001VM"])
        #expect(complete("stop tra") == Completion(start: 5, candidates: ["\"BRK-100001VM\""], suffix: " "))
        #expect(complete("stop \"t").candidates == ["BRK-100001VM", "BRK-100002VM"])
    }

    @Test func anEmptyResourceArgumentOffersEveryIdOfItsKindAsAString() {
        #expect(complete("stop ").candidates.contains("\"BRK-100001VM\""))
        #expect(!complete("stop ").candidates.contains("\"BRK-200001V\""))
        #expect(complete("attach_volume(").candidates.contains("\"BRK-200001V\""))
    }

    @Test func theArgumentsPositionOrLabelChoosesTheKind() {
        #expect(complete("attach_volume \"BRK-200001V\", \"BRK-").candidates == ["BRK-100001VM", "BRK-100002VM"])
        #expect(complete("attach_volume(instance: \"BRK-").candidates == ["BRK-100001VM", "BRK-100002VM"])
        #expect(complete("attach_volume(volume: \"").candidates == ["BRK-200001V"])
    }

    @Test func anElementOfAListArgumentCompletesToItsKind() {
        #expect(complete("deploy gpu: L40, ssh_keys: [\"").candidates == ["BRK-300001K"])
        #expect(complete("deploy(gpu: L40, ssh_keys: [\"BRK-300001K\", \"la").candidates == ["BRK-300001K"])
    }

    @Test func aParameterThatTakesNoResourceAsksForNone() {
        #expect(complete("instance_name \"BRK-").candidates.isEmpty)
        #expect(complete("remove_security_rule \"BRK-100001VM\", \"BRK-").candidates.isEmpty)
        #expect(complete("print \"FINL").candidates == ["FINLAND-1", "FINLAND-2", "FINLAND-3"])
        #expect(complete("deploy gpu: \"H100-PC").candidates == ["H100-PCIe-80GB", "H100-PCIe-NVLink-80GB"])
        #expect(resources.asked.isEmpty)
    }

    @Test func theKindComesFromTheParametersTypeAndName() {
        let list = "list of ids or records"
        #expect(ResourceKind(parameter: BuiltinParameter(name: "data_volumes", isRequired: false, type: list)) == .volume)
        #expect(ResourceKind(parameter: BuiltinParameter(name: "ssh_keys", isRequired: false, type: list)) == .key)
        #expect(ResourceKind(parameter: BuiltinParameter(name: "snapshot", isRequired: true, type: "id or record")) == .snapshot)
        #expect(ResourceKind(parameter: BuiltinParameter(name: "rule", isRequired: true, type: "id or record")) == nil)
        #expect(ResourceKind(parameter: BuiltinParameter(name: "instance", isRequired: true, type: "string")) == nil)
    }
}
