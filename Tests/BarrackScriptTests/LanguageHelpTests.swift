import BarrackScript
import Testing

/// Every keyword of the language has help, and help finds it by any word it covers.
struct LanguageHelpTests {
    @Test func everyKeywordHasATopic() {
        let missing = TokenKind.keywords.keys.filter { LanguageHelp.topic(named: $0) == nil }.sorted()
        #expect(missing.isEmpty, "keywords without help: \(missing)")
        #expect(LanguageHelp.topic(named: "x") != nil)
    }

    @Test func helpFindsStatementsMethodsAndBuiltins() {
        let builtins = Interpreter().builtins
        #expect(HelpText.text(forTopic: "until", builtins: builtins)?.hasPrefix("wait — ") == true)
        #expect(HelpText.text(forTopic: "upper", builtins: builtins)?.hasPrefix("string.upper — ") == true)
        #expect(HelpText.text(forTopic: "list.sort", builtins: builtins)?.hasPrefix("list.sort — ") == true)
        #expect(HelpText.text(forTopic: "len", builtins: builtins)?.hasPrefix("len — ") == true)
        #expect(HelpText.text(forTopic: "nothing", builtins: builtins) == nil)
    }
}
