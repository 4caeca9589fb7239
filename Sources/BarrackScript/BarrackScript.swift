/// Barrack Script: the language (syntax, resolver, runtime, core library).
public enum BarrackScript {
    /// The language version.
    public static let version = "0.1.0"
}
