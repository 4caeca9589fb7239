import ArgumentParser
import BarrackSandbox

/// `barrack sandbox set balance 5`, `barrack sandbox set profile country ""`: stage the account
/// states a lesson needs (`INSUFFICIENT_CREDITS`, `PROFILE_INCOMPLETE`) without editing the state
/// file.
struct SandboxSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the sandbox account's balance or a field of its profile.",
        discussion: """
            barrack sandbox set balance 5 makes deploys that cost more than 5 an hour fail with \
            INSUFFICIENT_CREDITS; barrack sandbox set profile country "" makes deploys fail with \
            PROFILE_INCOMPLETE. barrack sandbox reset restores both.
            """,
        subcommands: [Balance.self, ProfileField.self]
    )

    /// `barrack sandbox set balance AMOUNT`.
    struct Balance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "balance", abstract: "Set the balance, in the account's currency.")

        @Argument(help: "The new balance, e.g. 5 or 0.5.")
        var amount: Double

        @OptionGroup var output: SandboxOutput

        func run() throws {
            try output.withSandbox { sandbox in
                try sandbox.setBalance(amount)
                let status = sandbox.status
                return ("balance: \(status.balance) \(status.currency)",
                        [("balance", .double(status.balance)), ("currency", .string(status.currency))])
            }
        }
    }

    /// `barrack sandbox set profile FIELD VALUE`.
    struct ProfileField: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Set a field of the profile: " + Sandbox.profileFields.joined(separator: ", ") + ".")

        @Argument(help: ArgumentHelp("The field.", valueName: "field"),
                  completion: .list(Sandbox.profileFields))
        var field: String

        @Argument(help: "Its new value; \"\" empties it.")
        var value: String

        @OptionGroup var output: SandboxOutput

        func run() throws {
            try output.withSandbox { sandbox in
                try sandbox.setProfileField(field, to: value)
                return ("profile \(field): " + (value.isEmpty ? "(empty)" : value),
                        [("field", .string(field)), ("value", .string(value))])
            }
        }
    }
}
