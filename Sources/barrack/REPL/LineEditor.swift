import BarrackTools
import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GNU readline, adapted to the REPL: line editing, the in-memory history that Up and Ctrl-R
/// search, Tab completion through `Completer`, and Ctrl-C clearing the line.
///
/// readline is one global, blocking, thread-unsafe state, so this is a namespace, and everything
/// here runs on the main thread only.
enum LineEditor {
    /// Makes the completer for the current state of the session.
    nonisolated(unsafe) private static var makeCompleter: (() -> Completer)?
    /// The prompt a cleared line starts again with.
    nonisolated(unsafe) private static var primaryPrompt = ""
    /// Whether Ctrl-C cleared the line during the last `readLine`.
    nonisolated(unsafe) private static var wasCancelled = false

    /// Sets readline up: completion, the Ctrl-C hook, and the history to start with.
    static func start(primaryPrompt: String, history: [String], historyCapacity: Int,
                      completer: @escaping () -> Completer) {
        self.primaryPrompt = primaryPrompt
        makeCompleter = completer
        // readline keeps these pointers for the whole session: they are never freed.
        barrack_rl_set_name(strdup("barrack"))
        barrack_rl_set_word_breaks(strdup(Completer.wordBreakCharacters))
        barrack_rl_set_completion(completeWord)
        barrack_rl_set_signal_event_hook(signalEventHook)
        // A Ctrl-C that arrives while readline is busy rather than blocked in `read` interrupts
        // no read, so the signal hook never hears of it: the idle hook (every 0.1 s) catches it.
        barrack_rl_set_event_hook(signalEventHook)
        using_history()
        stifle_history(Int32(historyCapacity))
        for line in history { add_history(line) }
    }

    /// Reads one line with `prompt`; nil at the end of input (Ctrl-D on an empty line).
    static func readLine(prompt: String) -> String? {
        wasCancelled = false
        _ = InterruptRelay.takePromptInterrupt()
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether Ctrl-C cleared the line during the last `readLine`: what was typed before on
    /// continuation lines is dropped too.
    static var lineWasCancelled: Bool { wasCancelled }

    /// Adds a line to the history that Up and Ctrl-R search.
    static func remember(_ line: String) {
        add_history(line)
    }

    /// Ctrl-C at the prompt (readline has echoed `^C`): start again on a fresh, empty line.
    private static let signalEventHook: @convention(c) () -> Int32 = {
        guard InterruptRelay.takePromptInterrupt() else { return 0 }
        LineEditor.wasCancelled = true
        rl_replace_line("", 0)
        rl_crlf()
        rl_on_new_line()
        rl_set_prompt(LineEditor.primaryPrompt)
        rl_redisplay()
        return 0
    }

    /// Tab: readline gives the word's bounds; `Completer` works on the whole line.
    private static let completeWord: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, end in
        barrack_rl_set_completion_over(1)
        guard let makeCompleter = LineEditor.makeCompleter, let buffer = barrack_rl_line_buffer() else { return nil }
        let line = String(cString: buffer)
        let completion = makeCompleter().complete(line: line, cursor: Int(end))
        let wordStart = Int(start)
        guard !completion.candidates.isEmpty, completion.start >= wordStart else { return nil }
        // Our word may start later than readline's (after the `-` of `a-b`): keep what lies between.
        let kept = String(decoding: Array(line.utf8)[wordStart..<completion.start], as: UTF8.self)
        let candidates = completion.candidates.map { kept + $0 }
        barrack_rl_set_append_character(Int32(completion.suffix.utf8.first ?? 0))
        let typed = String(decoding: Array(line.utf8)[wordStart..<min(Int(end), line.utf8.count)], as: UTF8.self)
        return LineEditor.matchArray(candidates, typed: typed)
    }

    /// readline's form of a completion: the text to insert (the candidates' common prefix), then
    /// the candidates, then NULL, all allocated with malloc because readline frees them. Several
    /// ids found by their names share no prefix with what was typed: then what was typed stays.
    private static func matchArray(_ candidates: [String], typed: String) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let prefix = commonPrefix(candidates)
        let entries = candidates.count == 1 ? candidates : [prefix.hasPrefix(typed) ? prefix : typed] + candidates
        let size = (entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
        guard let memory = malloc(size) else { return nil }
        let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}
