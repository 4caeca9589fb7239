import BarrackScript
import Testing
@testable import barrack
@testable import BarrackTools

/// Tab completion as a pure function of the line and the cursor.
struct CompleterTests {
    /// The core library plus a `deploy` and a `firewall_rule` shaped like the platform's.
    let interpreter: Interpreter = {
        let interpreter = Interpreter()
        interpreter.register(BuiltinFunction(
            name: "deploy",
            parameters: [.required("gpu"), .optional("region"), .optional("name"), .optional("ssh_keys")]
        ) { _ in .null })
        interpreter.register(BuiltinFunction(
            name: "firewall_rule",
            parameters: [BuiltinParameter(name: "protocol", isRequired: true, allowedValues: ["tcp", "udp", "ICMP"])]
        ) { _ in .null })
        interpreter.define("vm", .map(["id": .string("BRK-1"), "status": .string("ACTIVE"), "size": .int(1)]))
        return interpreter
    }()

    private func complete(_ line: String) -> Completion {
        Completer(interpreter: interpreter).complete(line: line, cursor: line.utf8.count)
    }

    @Test func aNameCompletesToBuiltinsKeywordsAndVariables() {
        #expect(complete("pri").candidates == ["print"])
        #expect(complete("pri") == Completion(start: 0, candidates: ["print"], suffix: " "))
        #expect(complete("whi").candidates == ["while"])
        #expect(complete("let a = v").candidates.contains("vm"))
        #expect(complete("de").candidates == ["defer", "deploy"])
    }

    @Test func anAllCapsWordCompletesToPlatformWords() {
        #expect(complete("print FINL") == Completion(start: 6, candidates: ["FINLAND-1", "FINLAND-2", "FINLAND-3"], suffix: " "))
        #expect(complete("if vm.status == ACT").candidates == ["ACTIVE"])
    }

    @Test func aRegionArgumentOffersRegions() {
        #expect(complete("deploy gpu: L40 in ").candidates == ["CANADA-1", "FINLAND-1", "FINLAND-2", "FINLAND-3", "ICELAND-1"])
        #expect(complete("deploy(gpu: L40, region: IC").candidates == ["ICELAND-1"])
    }

    @Test func aGPUArgumentOffersModelsQuotingTheMixedCaseOnes() {
        #expect(complete("deploy gpu: H1").candidates == ["\"H100-PCIe-80GB\"", "\"H100-PCIe-NVLink-80GB\"", "H100-SXM5-80GB"])
    }

    @Test func insideAStringEveryPlatformWordCompletesAndClosesTheString() {
        let completion = complete("deploy gpu: \"H100-PC")
        #expect(completion == Completion(start: 13, candidates: ["H100-PCIe-80GB", "H100-PCIe-NVLink-80GB"], suffix: "\""))
    }

    @Test func insideACallTheKeywordArgumentsNotGivenYetComplete() {
        #expect(complete("deploy gpu: L40 re").candidates.contains("region:"))
        #expect(complete("deploy gpu: L40 re").candidates.contains("return"))
        #expect(complete("deploy(gpu: L40, ").candidates == ["name:", "region:", "ssh_keys:"])
        #expect(complete("let vm = deploy gpu: L40 ").candidates == ["name:", "region:", "ssh_keys:"])
        #expect(complete("range(").candidates == ["end:", "start:"])
    }

    @Test func aParametersAllowedValuesComeFirst() {
        #expect(complete("firewall_rule protocol: ").candidates == ["\"tcp\"", "\"udp\"", "ICMP"])
    }

    @Test func aMemberCompletesToTheKeysOfATopLevelMapAndTheMethodsOfMaps() {
        #expect(complete("print vm.st") == Completion(start: 9, candidates: ["status"], suffix: ""))
        #expect(complete("vm?.").candidates == ["get", "has", "id", "keys", "len", "remove", "size", "status", "update", "values"])
    }

    @Test func aMemberOfAStringLiteralOrVariableIsAStringMethod() {
        // Regression: `"abc".up` completed to the built-in `update_script`, `s.up` to nothing.
        interpreter.register(BuiltinFunction(name: "update_script") { _ in .null })
        interpreter.define("s", .string("abc"))
        #expect(complete("\"abc\".up") == Completion(start: 6, candidates: ["upper"], suffix: ""))
        #expect(complete("print s.up").candidates == ["upper"])
        #expect(complete("s.").candidates == MethodCatalogue.names(ofType: "string"))
        #expect(complete("\"a {s} b\".tr").candidates == ["trim"])
    }

    @Test func aMemberOfAListIsAListMethodAndOfAnElementItsKeys() {
        interpreter.define("xs", .list([.map(["name": .string("a")])]))
        #expect(complete("[1, 2].so").candidates == ["sort", "sort_by"])
        #expect(complete("xs.fi").candidates == ["filter", "first"])
        #expect(complete("xs[0].na").candidates == ["name"])
        #expect(complete("xs.first().na").candidates == ["name"])
    }

    @Test func aMemberOfAMapLiteralOrNestedMapIsAKey() {
        interpreter.define("deep", .map(["boot_source": .map(["type": .string("os_image"), "os_image_id": .int(1)])]))
        #expect(complete("{alpha: 1, \"beta\": {gamma: 2}}.").candidates
                == ["alpha", "beta", "get", "has", "keys", "len", "remove", "update", "values"])
        #expect(complete("deep.boot_source.ty").candidates == ["type"])
    }

    @Test func theTypeAMethodReturnsGivesTheNextMembers() {
        #expect(complete("\"a b\".split().jo").candidates == ["join"])
        #expect(complete("[1].map(fn(x) x).join(\",\").up").candidates == ["upper"])
        #expect(complete("[\"a\"].group_by(fn(x) x).ke").candidates == ["keys"])
    }

    @Test func anUnknownReceiverOffersNoMembers() {
        #expect(complete("nothing_here.up").candidates.isEmpty)
        // A built-in the API document does not describe (a platform built-in's record is in
        // CallResultCompletionTests).
        #expect(complete("firewall_rule(protocol: tcp).st").candidates.isEmpty)
        #expect(complete("vm.status.lo").candidates == ["lower"])
    }

    @Test func aForLoopsInIsNotARegion() {
        #expect(complete("for x in v").candidates == ["vm"])
    }

    @Test func aCommentCompletesNothing() {
        #expect(complete("# pri").candidates.isEmpty)
    }

    @Test func aWordAfterAMinusStartsAfterIt() {
        #expect(complete("vm.size-pri") == Completion(start: 8, candidates: ["print"], suffix: " "))
    }

    @Test func onlyTheWordBeforeTheCursorCounts() {
        let completion = Completer(interpreter: interpreter).complete(line: "pri 1 + 2", cursor: 3)
        #expect(completion.candidates == ["print"])
    }

    @Test func atomsAreWordsOfCapitalsDigitsAndSingleHyphens() {
        #expect(Completer.isAtom("H100-SXM5-80GB"))
        #expect(Completer.isAtom("L40"))
        #expect(!Completer.isAtom("H100-PCIe-80GB"))
        #expect(!Completer.isAtom("A--B"))
        #expect(!Completer.isAtom("1ABC"))
    }

    @Test func theLineEditorInsertsTheCommonPrefix() {
        #expect(LineEditor.commonPrefix(["FINLAND-1", "FINLAND-2"]) == "FINLAND-")
        #expect(LineEditor.commonPrefix(["\"H100-PCIe-80GB\"", "H100-SXM5-80GB"]) == "")
    }
}
