/// Help for the language itself: every keyword and statement of docs/LANGUAGE.md, so that
/// `help wait`, `help "for"` and `?try` explain them as `help deploy` explains a built-in.
///
///     LanguageHelp.topic(named: "until")?.names.first   // "wait"
public enum LanguageHelp {
    /// One entry: the words it covers, how it is written, what it does and an example.
    public struct Topic: Sendable {
        /// The keywords (or operator) it explains; the first names it.
        public var names: [String]
        /// How it is written.
        public var syntax: String
        /// What it does.
        public var summary: String
        /// A short example.
        public var example: String

        /// The text `help` prints.
        public var text: String {
            var text = "\(names[0]) — \(summary)\n  syntax:\n"
            for line in syntax.split(separator: "\n") { text += "    \(line)\n" }
            if names.count > 1 { text += "  also: " + names.dropFirst().joined(separator: ", ") + "\n" }
            text += "  example:\n"
            for line in example.split(separator: "\n") { text += "    \(line)\n" }
            return text + "  more: docs/LANGUAGE.md\n"
        }
    }

    /// The topic that explains `word`, a keyword or statement word; nil for anything else.
    public static func topic(named word: String) -> Topic? {
        topics.first { $0.names.contains(word) }
    }

    /// Every word a topic covers, for completion and listings.
    public static var words: [String] { topics.flatMap(\.names) }

    /// The topics, one per statement or group of keywords.
    public static let topics: [Topic] = [
        Topic(names: ["let"], syntax: "let name = expr",
              summary: "Declares a variable in the current block; declaring it twice in one block is an error.",
              example: "let region = FINLAND-1"),
        Topic(names: ["="], syntax: "name = expr\nname += expr   (also -= *= /=)\nmap.key = expr; list[i] = expr",
              summary: "Assigns an existing variable, a map key or a list element; an unknown name is an error.",
              example: "count += 1\nvm.note = \"training\""),
        Topic(names: ["fn", "return"], syntax: "fn name(a, b, opt = 1) { ...; return value }\nfn name(a) expr\nfn(x) x * 2",
              summary: "Declares a named function or makes a lambda; parameters with defaults come last; "
                  + "closures capture variables by reference.",
              example: "fn gpus(vm) { return vm.gpu_count }\nlet doubled = [1, 2].map(fn(x) x * 2)"),
        Topic(names: ["if", "else"], syntax: "if cond { ... } else if cond { ... } else { ... }",
              summary: "Runs the first block whose condition is true (nil and false are false).",
              example: "if vm.status == ACTIVE { print \"up\" } else { print vm.status }"),
        Topic(names: ["while"], syntax: "while cond { ... }",
              summary: "Runs the block as long as the condition is true.",
              example: "while len(queue) > 0 { print queue.pop() }"),
        Topic(names: ["for", "in", "where"],
              syntax: "for x in iterable { ... }\nfor i, x in list { ... }      # for k, v in map\nfor x in iterable where cond { ... }",
              summary: "Runs the block for each element of a list, key of a map, character of a string or "
                  + "number of a range; `where` skips the others. In a command call, `in X` passes region: X.",
              example: "for vm in instances() where vm.status == SHUTOFF { delete_instance vm }"),
        Topic(names: ["break", "continue"], syntax: "break\ncontinue",
              summary: "Leaves the innermost loop, or goes on with its next iteration.",
              example: "for x in xs { if x < 0 { continue }; if x > 9 { break }; print x }"),
        Topic(names: ["try", "catch"],
              syntax: "try { ... } catch err { ... }\ntry { ... } catch err where err.code == OUT_OF_STOCK { ... }",
              summary: "Runs the block and handles an error it raises: err.code, err.message, err.status, "
                  + "err.operation, err.details. An error no catch clause takes goes on.",
              example: "try { deploy gpu: B300-262GB x 8 in ICELAND-1 } catch err where err.code == OUT_OF_STOCK { print err.message }"),
        Topic(names: ["finally", "defer"],
              syntax: "try { ... } [catch err { ... }] finally { ... }\ndefer { ... }",
              summary: "Cleanup that runs however the code ends (return, break, an error, exit, Ctrl-C): "
                  + "`finally` after a try, `defer` when the enclosing block ends.",
              example: "let vm = deploy gpu: L40 x 1 in FINLAND-1\ndefer { delete_instance vm }"),
        Topic(names: ["raise"], syntax: "raise \"message\"\nraise error(code: QUOTA, message: \"...\", details: {...})",
              summary: "Raises an error (code ERROR for a plain message).",
              example: "if len(keys) == 0 { raise \"add an SSH key first\" }"),
        Topic(names: ["import"], syntax: "import \"name\"",
              summary: "Runs a module of the standard library, or name.brk beside the importing file, once; "
                  + "its top-level names join the program's.",
              example: "import \"fleet\""),
        Topic(names: ["wait", "until", "timeout", "every"], syntax: "wait until cond [timeout 10m] [every 5s]",
              summary: "Evaluates the condition again every interval until it is true; raises TIMEOUT with the "
                  + "last value seen. Re-read the resource in the condition: `instance(vm).status`, not `vm.status`.",
              example: "wait until instance(vm).status == ACTIVE timeout 10m every 10s"),
        Topic(names: ["parallel", "limit"], syntax: "parallel for x in xs [where cond] [limit 8] { ... }",
              summary: "Runs the iterations concurrently, at most `limit` at a time (8 by default); API calls "
                  + "overlap. Failures are gathered into one PARALLEL error after all iterations end.",
              example: "parallel for vm in instances() limit 4 { stop vm }"),
        Topic(names: ["and", "or", "not"], syntax: "a and b\na or b\nnot a",
              summary: "Logic: `and` and `or` give the operand that decided (`nil or \"x\"` is \"x\"); `not` gives a bool.",
              example: "let name = vm.get(\"name\") or \"unnamed\""),
        Topic(names: ["true", "false", "nil"], syntax: "true\nfalse\nnil",
              summary: "The booleans and the absent value; nil and false are the only false values.",
              example: "let found = nil"),
        Topic(names: ["x"], syntax: "model x count",
              summary: "A GPU request {model, count} between two operands; count is 1, 2, 4 or 8.",
              example: "deploy gpu: H100-SXM5-80GB x 8 in FINLAND-1"),
        Topic(names: ["?."], syntax: "value?.key\nvalue ?? fallback",
              summary: "An optional read: nil when the value is nil or has no such key; `??` gives the fallback for nil.",
              example: "print vm?.ip ?? \"no address yet\""),
    ]
}
