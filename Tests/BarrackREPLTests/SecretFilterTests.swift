import Testing
@testable import barrack

/// Which lines are kept out of the history.
struct SecretFilterTests {
    let filter = SecretFilter(apiKey: "brk_live_abcdef")

    @Test(arguments: [
        "print \"brk_live_abcdef\"",
        "let api_key = \"anything\"",
        "let apiKey = \"anything\"",
        "config = {token: \"t\"}",
        "let password= 'x'",
        "BARRACK_API_KEY=abc barrack",
        "connect \"4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e\"",
    ])
    func secretLinesAreCaught(line: String) {
        #expect(filter.isSecret(line))
    }

    @Test(arguments: [
        "let key = ssh_keys().first()",
        "deploy gpu: \"H100-PCIe-NVLink-80GB\" x 8 in FINLAND-1 ssh_keys: [key.id]",
        "if key == \"x\" { print 1 }",
        "print instance(\"BRK-482913VM\").status",
        "let monkey = \"banana\"",
        "let a_very_long_name_without_any_digits_at_all = 1",
        "print env(\"BARRACK_API_KEY\")",
    ])
    func ordinaryLinesAreKept(line: String) {
        #expect(!filter.isSecret(line))
    }

    @Test func withoutAKeyOnlyTheShapesCount() {
        #expect(!SecretFilter(apiKey: nil).isSecret("print \"brk_live_abcdef\""))
        #expect(!SecretFilter(apiKey: "").isSecret("print 1"))
    }

    @Test func namePartsSplitAtUnderscoresAndCaseChanges() {
        #expect(SecretFilter.namesSecret("BARRACK_API_KEY"))
        #expect(SecretFilter.namesSecret("githubToken"))
        #expect(!SecretFilter.namesSecret("keyboard"))
        #expect(!SecretFilter.namesSecret("ssh_keys"))
    }
}
