import BarrackPlatform
import BarrackScript

/// The question a destroying verb asks before it runs (`barrack delete-instance ID`): on a
/// terminal it waits for `y`; elsewhere it refuses unless `--yes` was given, since nobody is
/// there to answer and a script should say what it means.
enum Confirmation {
    /// nil to go ahead, else the exit status to end with: 1 when the answer was no, 2 when there
    /// is no terminal to ask on.
    static func ask(_ verb: PlatformCommand, target: Value?, terminal: Terminal = Terminal(descriptor: 0)) -> Int32? {
        let what = target.map { value -> String in
            if case .string(let text) = value { return text }
            return value.literal
        } ?? ""
        guard terminal.isTerminal else {
            StandardStreams.writeError("barrack \(verb.name): standard input is not a terminal to confirm on; "
                                       + "add --yes to \(verb.name) \(what) without asking\n")
            return 2
        }
        guard TerminalQuestion.ask("\(verb.summary) Run \(verb.name) \(what)? [y/N] ") == true else {
            StandardStreams.writeError("barrack \(verb.name): nothing done\n")
            return 1
        }
        return nil
    }
}
