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

    /// Everything: what the `barrack` command line uses.
    public static let all: Capabilities = [.environment, .input, .exit, .fileImports]
}
