/// The sandbox server's own routes, outside the platform's API: they exist only in the sandbox.
public enum AdminRoutes {
    /// `POST` with `{"seconds": N}`: moves the simulated clock on by N seconds and answers
    /// `{"success": true, "now": "<ISO time>"}`. A script talking to `barrack sandbox serve` sleeps
    /// through it, so its waits take simulated time over HTTP just as in-process.
    public static let advanceClock = "/sandbox/clock/advance/"
}
