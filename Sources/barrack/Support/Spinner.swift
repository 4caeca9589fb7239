import BarrackScript
import Dispatch

/// A spinner with the elapsed time on standard error while a statement waits (`wait until`, a
/// deploy), so that a long wait does not look like a hang.
///
/// The REPL and the script runner create one only when standard error is a terminal. It follows
/// `Interpreter.activity`: drawing starts `delay` after a wait starts and stops, erasing its line,
/// when the wait ends. Everything happens on one private queue, since waits start on evaluator
/// threads and the drawing runs on a timer.
final class Spinner: @unchecked Sendable {
    /// The frames, drawn in turn.
    static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// A wait shorter than this shows nothing: short waits would only flicker.
    static let delay = DispatchTimeInterval.milliseconds(300)
    /// 10 frames a second reads as motion without costing anything noticeable.
    static let interval = DispatchTimeInterval.milliseconds(100)

    private let terminal: Terminal
    private let queue = DispatchQueue(label: "barrack.spinner")
    private var activeWaits = 0
    private var timer: DispatchSourceTimer?
    private var startTime = DispatchTime.now()
    private var frame = 0
    private var isDrawn = false

    /// A spinner that draws on `terminal`.
    init(terminal: Terminal = .standardError) {
        self.terminal = terminal
    }

    /// Shows a spinner for `interpreter`'s waits when standard error is a terminal, and erases it
    /// before anything is printed. `isIgnored` tells which waits to leave undrawn.
    static func attach(to interpreter: Interpreter, ignoring isIgnored: @escaping @Sendable () -> Bool = { false }) {
        guard Terminal.standardError.isTerminal else { return }
        let spinner = Spinner()
        interpreter.activity = { if !isIgnored() { spinner.follow($0) } }
        interpreter.output = { text in
            spinner.erase()
            StandardStreams.write(text)
        }
    }

    /// Follows an interpreter's activity.
    func follow(_ activity: Interpreter.Activity) {
        queue.sync {
            switch activity {
            case .waitStarted:
                activeWaits += 1
                if activeWaits == 1 { start() }
            case .waitEnded:
                activeWaits = max(0, activeWaits - 1)
                if activeWaits == 0 { stop() }
            }
        }
    }

    /// Erases the spinner's line (before the script prints); the next frame draws it again.
    func erase() {
        queue.sync { eraseLine() }
    }

    /// The text beside the spinner after `seconds`: `waiting 0s`, `waiting 1m5s`.
    static func label(elapsedSeconds seconds: Int) -> String {
        "waiting " + Value.duration(seconds * 1_000).literal
    }

    private func start() {
        startTime = .now()
        frame = 0
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Spinner.delay, repeating: Spinner.interval)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        eraseLine()
    }

    private func draw() {
        let seconds = Int((DispatchTime.now().uptimeNanoseconds - startTime.uptimeNanoseconds) / 1_000_000_000)
        let symbol = Spinner.frames[frame % Spinner.frames.count]
        frame += 1
        terminal.write("\r\u{1B}[K\(symbol) \(Spinner.label(elapsedSeconds: seconds))")
        isDrawn = true
    }

    private func eraseLine() {
        guard isDrawn else { return }
        terminal.write("\r\u{1B}[K")
        isDrawn = false
    }
}
