/// What a host lets scripts reach outside the interpreter.
///
/// The core library computes, formats and prints; the built-ins that read the process's
/// environment, read standard input, end the process, or read files through `import` are
/// registered only when the host asks for them. A command-line host wants them all (`.all`, the
/// default); a playground that runs strangers' code leaves them out (`[]`), and those names are
/// then unknown to scripts.
///
///     let interpreter = Interpreter(capabilities: [])   // no env, input, exit or file imports
public struct Capabilities: OptionSet, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// `env(name)`: read environment variables.
    public static let environment = Capabilities(rawValue: 1 << 0)
    /// `input(prompt)`: read lines from the thread's input hook (standard input by default).
    public static let input = Capabilities(rawValue: 1 << 1)
    /// `exit(code)`: end the script with an exit status (the host decides what that means).
    public static let exit = Capabilities(rawValue: 1 << 2)
    /// `import "file"`: read script files beside the importing one. Modules registered with
    /// `registerModule` are always importable.
    public static let fileImports = Capabilities(rawValue: 1 << 3)

    /// `env(name)` of a variable that holds a secret (`BARRACK_API_KEY`, `…_KEY`, `…TOKEN…`,
    /// `…SECRET…`, `…PASSWORD…`): its real value. Without it such a variable reads as
    /// `"<redacted>"`, so that no script prints, logs or sends the key by mistake.
    public static let secretEnvironment = Capabilities(rawValue: 1 << 4)

    /// What the `barrack` command line uses: everything but `secretEnvironment`.
    public static let all: Capabilities = [.environment, .input, .exit, .fileImports]
}
