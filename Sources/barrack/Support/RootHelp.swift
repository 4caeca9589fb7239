import ArgumentParser
import Foundation

/// `barrack --help`: the root command's help with the options of `run`, the default command, in
/// place of the root's own (`-e`, `--sandbox`, `--output`, …, and `--version`), since those are
/// what `barrack FILE` and `barrack -e CODE` take.
enum RootHelp {
    static func text() -> String {
        let root = BarrackCommand.helpMessage()
        let run = RunCommand.helpMessage()
        guard let runOptions = section("OPTIONS:", of: run), let rootOptions = section("OPTIONS:", of: root) else {
            return root
        }
        let version = rootOptions.split(separator: "\n").filter { $0.contains("--version") }.joined(separator: "\n")
        let merged = runOptions.replacingFirst("  -h, --help", with: version + "\n  -h, --help")
        return root.replacingFirst(rootOptions, with: merged)
    }

    /// The lines of a help section, from its title to the blank line that ends it.
    static func section(_ title: String, of help: String) -> String? {
        guard let start = help.range(of: "\n" + title + "\n") else { return nil }
        let rest = help[start.upperBound...]
        let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
        var text = title + "\n" + rest[..<end]
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
