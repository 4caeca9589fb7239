import BarrackScript

/// What every fuzz target does first: turn libFuzzer's bytes into a script source.
public enum FuzzInput {
    /// The bytes as a source named `fuzz.brk`; invalid UTF-8 is passed on as it is, since the
    /// lexer must report it rather than crash.
    public static func source(_ data: UnsafePointer<UInt8>, _ size: Int) -> Source {
        Source(name: "fuzz.brk", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    }
}
