import BarrackAPI
import BarrackScript
import Foundation

/// The budget guard: a limit on the account's hourly spend that no built-in may push it over.
///
/// Before a built-in that may add an hourly charge (`PlatformEffect.spend`: deploy, start,
/// restore, volume, snapshot and image creation) sends anything, the guard works out what the
/// call would add by rehearsing it (`Rehearsal`, seeded through reads) and what the account spends
/// now; over the limit, the call fails with `BUDGET_EXCEEDED` and nothing is sent. The check and
/// the reservation of the call's cost are one step under a lock, and the reservation stands until
/// the call has finished, so two iterations of a `parallel for` cannot both pass on the same room.
///
/// The host sets the limit (`--max-hourly`, `max_hourly` in a config profile); a script may only
/// lower it (`budget(max_hourly: 20)`).
public final class BudgetGuard: @unchecked Sendable {
    private let state = NSLock()
    /// Held from a check to its reservation: checks run one at a time.
    private let checking = NSLock()
    private var hostLimit: Double?
    private var scriptLimit: Double?
    private var reserved = 0.0
    /// Reservations of calls that have finished, with the number of releases before each: until
    /// a check whose reads began after it, the account's state read by a check may not show it yet.
    private var landed: [(cost: Double, at: Int)] = []
    private var releases = 0
    /// Asks before a call that adds more than its threshold per hour, when set.
    private let confirmation: SpendConfirmation?
    /// Makes the copies a call is rehearsed in to learn its cost; without one, a call the guard
    /// must weigh fails with `BUDGET_EXCEEDED` and nothing is sent.
    private let copier: (any PlatformCopier)?

    /// A guard with the host's limit in the account's currency per hour, or none, the question to
    /// ask before a large new spend, or none, and the copies to rehearse calls in.
    public init(maxHourly: Double?, confirmation: SpendConfirmation? = nil, copier: (any PlatformCopier)? = nil) {
        hostLimit = maxHourly
        self.confirmation = confirmation
        self.copier = copier
    }

    /// The limit in force: the lower of the host's and the script's; nil when neither set one.
    public var limit: Double? {
        state.withLock { [hostLimit, scriptLimit].compactMap { $0 }.min() }
    }

    /// Sets the script's limit; raising the limit in force is an error.
    func lower(to amount: Double) throws {
        guard amount.isFinite, amount >= 0 else {
            throw ErrorObject(code: "VALUE_ERROR", message: "budget: max_hourly must be a number of at least 0, not \(amount)")
        }
        try state.withLock {
            if let current = [hostLimit, scriptLimit].compactMap({ $0 }).min(), amount > current {
                let owner = scriptLimit == current ? "an earlier budget() call" : "the host (--max-hourly or max_hourly in the config)"
                throw ErrorObject(code: "VALUE_ERROR",
                                  message: "budget: max_hourly \(PlanReport.amount(amount)) is above the limit of \(PlanReport.amount(current)) per hour that \(owner) set; a script may only lower it")
            }
            scriptLimit = amount
        }
    }

    /// Checks that `operation` with these parts fits under the limit and reserves its cost; the
    /// caller must `release` what this returns once the call has finished. Nothing to reserve
    /// (0) when no limit is set or the operation adds no hourly charge.
    func reserve(_ operation: OperationID, path: [String: String], query: [QueryItem], body: JSONValue?,
                 connection: any PlatformConnection, call: BuiltinCall) throws -> Double {
        guard PlatformEffect.of(operation) == .spend, limit != nil || confirmation != nil else { return 0 }
        guard let copier else {
            throw ErrorObject(code: "BUDGET_EXCEEDED",
                              message: "\(operation.rawValue) may add to the hourly spend, and this host cannot estimate by how much (it gave the budget guard no copy of the platform to rehearse in); nothing was sent")
        }
        call.withoutLock { checking.lock() }
        defer { checking.unlock() }
        // A call that finishes while this check reads the account may or may not show in what it
        // reads: its cost counts on until a later check, whose reads begin after it finished.
        let readsBegin = state.withLock { releases }
        let estimate: (current: Double, cost: Double, currency: String)
        do {
            estimate = try BlockingBridge.run(call) {
                let rehearsal = Rehearsal(target: connection, copier: copier)
                try await rehearsal.seed()
                _ = try? await rehearsal.call(operation, pathParameters: path, query: query, body: body)
                let spend = rehearsal.hourlySpend ?? (0, 0)
                return (spend.before, max(0, spend.after - spend.before), rehearsal.balanceBefore?.currency ?? "")
            }
        } catch let error as BarrackAPIError {
            throw PlatformCall.scriptError(error)
        }
        let amount: Double = try state.withLock {
            guard let limit = [hostLimit, scriptLimit].compactMap({ $0 }).min(), estimate.cost > 0 else { return 0 }
            landed.removeAll { $0.at < readsBegin }
            let reserved = self.reserved + landed.reduce(0) { $0 + $1.cost }
            let total = estimate.current + reserved + estimate.cost
            if total > limit + 1e-9 {
                let name = Platform.builtinName(of: operation)
                var message = "\(name) would add \(PlanReport.amount(estimate.cost)) \(estimate.currency)/h to the "
                message += "\(PlanReport.amount(estimate.current)) \(estimate.currency)/h spent now"
                if reserved > 0 { message += " and \(PlanReport.amount(reserved)) \(estimate.currency)/h of calls in flight" }
                message += ", over the limit of \(PlanReport.amount(limit)) \(estimate.currency)/h; nothing was sent"
                throw ErrorObject(code: "BUDGET_EXCEEDED", message: message, operation: operation.rawValue,
                                  details: .map(["cost": .float(estimate.cost), "current": .float(estimate.current),
                                                 "reserved": .float(reserved), "limit": .float(limit),
                                                 "currency": .string(estimate.currency)]))
            }
            self.reserved += estimate.cost
            return estimate.cost
        }
        // Asked only once the call fits the budget: a yes must not end in BUDGET_EXCEEDED.
        if let confirmation, estimate.cost > confirmation.threshold {
            do {
                try confirm(operation, estimate, with: confirmation, call: call)
            } catch {
                release(amount, sent: false)
                throw error
            }
        }
        return amount
    }

    /// Asks whether to go ahead with a call that adds `estimate.cost` per hour; `NOT_CONFIRMED` unless yes.
    private func confirm(_ operation: OperationID, _ estimate: (current: Double, cost: Double, currency: String),
                         with confirmation: SpendConfirmation, call: BuiltinCall) throws {
        let name = Platform.builtinName(of: operation)
        let currency = estimate.currency.isEmpty ? "" : " \(estimate.currency)"
        let cost = "\(PlanReport.amount(estimate.cost))\(currency)/h"
        let question = "\(name) would add \(cost) to the \(PlanReport.amount(estimate.current))\(currency)/h spent now "
            + "(more than confirm_over, \(PlanReport.amount(confirmation.threshold))\(currency)/h). Go ahead? [y/N] "
        let answer = call.withoutLock { confirmation.ask(question) { call.isInterruptPending } }
        guard let answer else { throw call.takeInterrupt() }
        guard answer else {
            throw ErrorObject(code: "NOT_CONFIRMED", message: "\(name) of \(cost) was not confirmed; nothing was sent",
                              operation: operation.rawValue,
                              details: .map(["cost": .float(estimate.cost), "current": .float(estimate.current),
                                             "threshold": .float(confirmation.threshold),
                                             "currency": .string(estimate.currency)]))
        }
    }

    /// Gives back a reservation once its call has finished (its charge, if any, now shows in the
    /// account's own state, which the next check reads), or was never `sent`.
    func release(_ amount: Double, sent: Bool = true) {
        guard amount > 0 else { return }
        state.withLock {
            reserved = max(0, reserved - amount)
            if sent { landed.append((amount, releases)) }
            releases += 1
        }
    }

    /// `budget(max_hourly:)`: lowers the limit, or with no argument tells it.
    var builtin: BuiltinFunction {
        let help = BuiltinHelp(
            summary: "Lowers the most the account may spend per hour (the budget guard), or gives the limit in force.",
            returns: "float or nil",
            example: "budget max_hourly: 20   # deploys that would take the hourly spend over 20 fail with BUDGET_EXCEEDED",
            group: "account")
        return BuiltinFunction(name: "budget",
                               parameters: [BuiltinParameter(name: "max_hourly", isRequired: false, type: "number",
                                                             summary: "The new limit per hour, at most the one in force.")],
                               help: help) { call in
            if let value = call.argument(0), value != .null {
                switch value {
                case .int(let amount): try self.lower(to: Double(amount))
                case .float(let amount): try self.lower(to: amount)
                default:
                    throw ErrorObject(code: "TYPE_ERROR", message: "budget: max_hourly must be a number, not \(value.typeName)")
                }
            }
            return self.limit.map { .float($0) } ?? .null
        }
    }
}
