/// Text made safe to show in a report: control characters written as escapes, so that a NUL
/// byte in a script reads `\u{0}` instead of vanishing (a terminal shows it as nothing, or as a
/// space that cannot be told from one).
///
///     VisibleText.escaped("a\u{0}b")   // "a\\u{0}b"
public enum VisibleText {
    /// `text` with every control character but the line break and the tab as `\u{…}` (and the
    /// carriage return as `\r`): error messages may span lines and quote tabs.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { output += escape(scalar) } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    /// The escape of a control character as a string literal writes it: `\r`, `\u{0}`, `\u{7f}`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        scalar == "\r" ? "\\r" : "\\u{\(String(scalar.value, radix: 16))}"
    }

    /// A control character other than the line break and the tab.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }

    /// A source line as a report shows it: each control character but the tab as its one-column
    /// picture (`␀` for NUL, U+2400 + its code; `␡` for DEL), so the caret under it stays aligned.
    static func pictured(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isControl) else { return line }
        var output = ""
        for scalar in line.unicodeScalars {
            if isControl(scalar), let picture = Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value) {
                output.unicodeScalars.append(picture)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
