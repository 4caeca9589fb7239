/// The question asked before a call adds more than `threshold` to the account's hourly spend
/// (`confirm_over` in a config profile, 10 per hour unless set): the REPL and `barrack run` ask it
/// on a terminal, unless `--yes` was given. A "no" is the catchable `NOT_CONFIRMED`, and nothing is
/// sent. The cost is worked out as the budget guard's is (`BudgetGuard`), by rehearsing the call.
public struct SpendConfirmation: Sendable {
    /// `confirm_over` when a profile does not set it, in the account's currency per hour.
    public static let defaultThreshold = 10.0

    /// Calls that add more than this per hour are asked about.
    public let threshold: Double
    /// Puts the question (which ends in `[y/N] `) and tells whether the answer was yes; nil when
    /// it gave up because `isInterrupted` said so (Ctrl-C while waiting), which makes the call
    /// `INTERRUPTED` with nothing sent.
    public let ask: @Sendable (_ question: String, _ isInterrupted: () -> Bool) -> Bool?

    /// A confirmation over `threshold` per hour, asked through `ask`.
    public init(threshold: Double, ask: @escaping @Sendable (_ question: String, _ isInterrupted: () -> Bool) -> Bool?) {
        self.threshold = threshold
        self.ask = ask
    }
}
