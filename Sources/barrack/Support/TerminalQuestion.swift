import BarrackScript
import Foundation

/// A yes-or-no question on the terminal: the prompt on standard error, one line read from
/// standard input; only `y` or `yes` (any case) is yes, so Enter alone is no.
enum TerminalQuestion {
    static func ask(_ prompt: String) -> Bool {
        StandardStreams.flush()
        StandardStreams.writeError(prompt)
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }
}
