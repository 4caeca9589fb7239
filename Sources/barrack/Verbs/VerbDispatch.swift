import BarrackPlatform

/// Finds a verb on the command line: `barrack instances`, `barrack --sandbox deploy …`.
///
/// A word is the verb when it names one and every word before it is a global option, so
/// `barrack run instances` and `barrack ./instances` still run a file called `instances`.
enum VerbDispatch {
    /// The verb and its index in `words`, or nil.
    static func find(in words: [String]) -> (PlatformCommand, Int)? {
        for (index, word) in words.enumerated() {
            if word == "--" || word == "-e" || word == "run" { return nil }
            guard let verb = VerbRunner.verb(named: word) else {
                if word.hasPrefix("-") { continue }
                // The first plain word is the verb or nothing: it could be a global option's
                // value (`--profile staging`), so look on only while it is.
                if index > 0, (try? GlobalOptions.parse(Array(words[..<(index + 1)]))) != nil { continue }
                return nil
            }
            if index == 0 || (try? GlobalOptions.parse(Array(words[..<index]))) != nil { return (verb, index) }
            return nil
        }
        return nil
    }
}
