/// The folder where `barrack` keeps what it must remember between runs on this machine: the REPL's
/// history and the ledger of what scripts created. `$XDG_STATE_HOME/barrack`, else
/// `~/.local/state/barrack` (the XDG base directories' place for state that is not
/// configuration and not data one would copy to another machine).
public enum StateDirectory {
    /// The folder for `environment`, or nil when neither `XDG_STATE_HOME` (an absolute path) nor
    /// `HOME` is set.
    ///
    /// ```swift
    /// StateDirectory.path(environment: ["HOME": "/home/ada"])  // "/home/ada/.local/state/barrack"
    /// ```
    public static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/barrack"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/barrack"
    }
}
