/// Turns a script's UTF-8 bytes into tokens (LANGUAGE.md section 1).
///
/// The lexer works on bytes, never on `Character`s: every token of the language is ASCII, and
/// string contents are copied through untouched. It produces the whole token array at once, which
/// lets a long string fix its pieces up when its closing `"""` finally tells the indentation.
///
/// Newlines become `.newline` tokens only where they can end a statement: not inside `( )`, `[ ]`
/// or an interpolation, not after a token that needs more (a binary operator, `,`, `.`, `(`), and
/// not before a line that starts with `.` or `?.` (a method chain continued on the next line).
/// Inside `{ }` they are kept; the parser skips them in map literals.
public struct Lexer {
    private let source: Source
    private let bytes: [UInt8]
    private var position = 0
    private var line: Int32 = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    /// The comments passed over (and a first `#!` line), in order: trivia the parser never sees.
    private var comments: [SourceRange] = []
    private var spaceBefore = true
    /// The byte offset and column of the last token placed, to count columns from.
    private var columnCache: (offset: Int, column: Int32) = (-1, 1)

    private enum Opener {
        case paren, bracket, brace
        /// An interpolation inside a string; the index of the string in `strings`.
        case interpolation(Int)
    }

    private var openers: [Opener] = []

    /// A string whose lexing was suspended by an interpolation.
    private struct OpenString {
        var opening: SourceRange
        var isLong: Bool
        /// Long strings only: the tokens of the string and the pieces of each, fixed up at the close.
        var tokenIndices: [Int] = []
        var pieces: [[LongPiece]] = []
        var atLineStart = false
    }

    private enum LongPiece {
        case text([UInt8])
        /// A source line starts here with this white space; `blank` when nothing else is on it.
        case lineStart(leading: [UInt8], blank: Bool, offset: Int)
    }

    private var strings: [OpenString] = []

    /// Creates a lexer over a source.
    public init(source: Source) {
        self.source = source
        self.bytes = source.bytes
    }

    /// Lexes the whole source: the tokens, ending with `.eof`, and every lexical error found.
    public static func tokenize(_ source: Source) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    /// The comments of `source`, each from its `#` to the end of its line, in order, with a first
    /// `#!` line among them: the trivia the formatter and the editor tools keep and the parser
    /// never sees (`tokenize` gives the same tokens either way).
    ///
    ///     Lexer.comments(Source(name: "a", text: "let a = 1  # one"))  // [11..<16]
    public static func comments(_ source: Source) -> [SourceRange] {
        var lexer = Lexer(source: source)
        lexer.run()
        return lexer.comments
    }

    // MARK: - Driver

    private mutating func run() {
        if bytes.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "!")]) { skipComment() }
        while true {
            skipTrivia()
            guard position < bytes.count else { break }
            lexToken()
        }
        for opener in openers.reversed() {
            if case .interpolation(let index) = opener {
                report("unterminated string: the interpolation opened here has no closing '}'",
                       at: strings[index].opening, incomplete: true)
            }
        }
        // No newline inside an open bracket or after a trailing operator: the parser must see the
        // end of the file there, to point at the opener and to mark the input incomplete.
        if newlineEndsStatement { appendNewline(at: bytes.count) }
        appendToken(.eof, start: bytes.count, end: bytes.count)
    }

    private mutating func skipTrivia() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
                spaceBefore = true
            case UInt8(ascii: "#"):
                skipComment()
                spaceBefore = true
            case UInt8(ascii: "\n"):
                if newlineEndsStatement { appendNewline(at: position) }
                position += 1
                startLine()
                spaceBefore = true
            default:
                return
            }
        }
    }

    private var newlineEndsStatement: Bool {
        switch openers.last {
        case .paren, .bracket, .interpolation: return false
        case .brace, nil: break
        }
        guard let last = tokens.last else { return false }
        return last.kind != .newline && !last.kind.continuesLine
    }

    private mutating func appendNewline(at offset: Int) {
        appendToken(.newline, start: offset, end: offset)
    }

    private mutating func skipComment() {
        let start = position
        skipToLineEnd()
        var end = position
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        comments.append(SourceRange(start: start, end: end))
    }

    private mutating func skipToLineEnd() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    private mutating func startLine() {
        line += 1
        lineStart = position
    }

    private mutating func lexToken() {
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            lexWord()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber()
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                lexLongStringOpening()
            } else {
                position += 1
                strings.append(OpenString(opening: SourceRange(start: start, end: start + 1), isLong: false))
                lexStringPiece(start: start, first: true)
            }
        default:
            lexPunctuation(byte)
        }
    }

    // MARK: - Words

    private mutating func lexWord() {
        let start = position
        while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
        let first = bytes[start]
        let isUpper = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        if isUpper && !containsLowercase(start, position) {
            // An atom: hyphen-joined parts, each without lowercase letters (FINLAND-1, H100-SXM5-80GB).
            while peek(0) == UInt8(ascii: "-"), let next = peek(1), isWordByte(next), next != UInt8(ascii: "_") {
                let save = position
                position += 1
                let partStart = position
                while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
                if containsLowercase(partStart, position) {
                    position = save
                    break
                }
            }
            appendToken(.atom, start: start, end: position, value: .text(text(start, position)))
            return
        }
        let word = text(start, position)
        if let keyword = TokenKind.keywords[word] {
            appendToken(keyword, start: start, end: position)
        } else {
            appendToken(.identifier, start: start, end: position, value: .text(word))
        }
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private func containsLowercase(_ start: Int, _ end: Int) -> Bool {
        bytes[start..<end].contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    // MARK: - Numbers, durations, sizes

    private mutating func lexNumber() {
        let start = position
        var isFloat = false
        consumeDigits()
        if peek(0) == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            isFloat = true
            position += 1
            consumeDigits()
        }
        if let e = peek(0), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let signed = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")
            if let digit = peek(signed ? 2 : 1), isDigit(digit) {
                isFloat = true
                position += signed ? 2 : 1
                consumeDigits()
            }
        }
        let numberEnd = position
        let digits = String(text(start, numberEnd).filter { $0 != "_" })
        let suffixStart = position
        while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
        let suffix = text(suffixStart, position)
        let range = SourceRange(start: start, end: position)
        guard let number = Double(digits) else {
            report("malformed number '\(text(start, position))'", at: range)
            appendToken(.int, start: start, end: position, value: .int(0))
            return
        }
        switch suffix {
        case "":
            if isFloat {
                appendToken(.float, start: start, end: position, value: .float(number))
            } else if let value = Int(digits) {
                appendToken(.int, start: start, end: position, value: .int(value))
            } else if digits.drop(while: { $0 == "0" }) == "9223372036854775808" {
                // 2^63 fits only negated, as the smallest int: the parser folds `-9223372036854775808`
                // and reports this token anywhere else. Int.min marks it, since no literal is negative.
                appendToken(.int, start: start, end: position, value: .int(Int.min))
            } else {
                report("integer literal '\(text(start, position))' does not fit in 64 bits", at: range)
                appendToken(.int, start: start, end: position, value: .int(0))
            }
        case _ where DurationUnit.startsSuffix(suffix):
            switch DurationUnit.milliseconds(digits: digits, number: number, isFloat: isFloat, suffix: suffix) {
            case .success(let milliseconds):
                appendToken(.duration, start: start, end: position, value: .duration(milliseconds))
            case .failure(let problem):
                report("duration '\(text(start, position))' \(problem.message)", at: range)
                appendToken(.duration, start: start, end: position, value: .duration(0))
            }
        case "GB", "TB":
            let gigabytes = number * (suffix == "TB" ? 1_000 : 1)
            guard gigabytes == gigabytes.rounded(), gigabytes.magnitude < 9.2e18 else {
                report("size '\(text(start, position))' is not a whole number of GB", at: range)
                appendToken(.int, start: start, end: position, value: .int(0))
                return
            }
            appendToken(.int, start: start, end: position, value: .int(Int(gigabytes)))
        default:
            report("unknown suffix '\(suffix)' after a number: durations take ms, s, m, h or d (1h30m), sizes GB or TB",
                   at: SourceRange(start: suffixStart, end: position))
            appendToken(isFloat ? .float : .int, start: start, end: position,
                        value: isFloat ? .float(number) : .int(Int(digits) ?? 0))
        }
    }

    private mutating func consumeDigits() {
        while let byte = peek(0), isDigit(byte) || byte == UInt8(ascii: "_") { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: - Strings

    /// Lexes string text from `position` up to the closing quote or the next interpolation.
    private mutating func lexStringPiece(start: Int, first: Bool) {
        var buffer: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                finishString(start: start, first: first, buffer: buffer)
                return
            case UInt8(ascii: "\n"):
                reportUnterminatedString()
                finishString(start: start, first: first, buffer: buffer)
                return
            case UInt8(ascii: "\\"):
                lexEscape(into: &buffer)
            case UInt8(ascii: "{"):
                position += 1
                appendToken(first ? .stringStart : .stringMiddle, start: start, end: position,
                            value: .text(String(decoding: buffer, as: UTF8.self)))
                openers.append(.interpolation(strings.count - 1))
                return
            default:
                buffer.append(byte)
                position += 1
            }
        }
        reportUnterminatedString()
        finishString(start: start, first: first, buffer: buffer)
    }

    private mutating func finishString(start: Int, first: Bool, buffer: [UInt8]) {
        strings.removeLast()
        appendToken(first ? .string : .stringEnd, start: start, end: position,
                    value: .text(String(decoding: buffer, as: UTF8.self)))
    }

    private mutating func reportUnterminatedString() {
        guard let open = strings.last else { return }
        report("unterminated string: no closing '\"' for the string opened here", at: open.opening)
    }

    private mutating func lexEscape(into buffer: inout [UInt8]) {
        let start = position
        position += 1
        guard let byte = peek(0) else { return }
        // The line break stays for the line counting: consuming it here put every later token
        // one line off, and a token on line 0 crashed the lexer (found by fuzzing).
        guard byte != UInt8(ascii: "\n") else {
            report("a '\\' at the end of a line is not an escape: use \\n for a line break, or a \"\"\" long string",
                   at: SourceRange(start: start, end: position))
            return
        }
        position += 1
        switch byte {
        case UInt8(ascii: "n"): buffer.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): buffer.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): buffer.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "0"): buffer.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"):
            buffer.append(byte)
        case UInt8(ascii: "u"):
            lexUnicodeEscape(start: start, into: &buffer)
        default:
            report("unknown escape '\\\(String(decoding: [byte], as: UTF8.self))': use \\n \\t \\r \\0 \\\\ \\\" \\{ \\} or \\u{…}",
                   at: SourceRange(start: start, end: position))
        }
    }

    private mutating func lexUnicodeEscape(start: Int, into buffer: inout [UInt8]) {
        guard peek(0) == UInt8(ascii: "{") else {
            report("a \\u escape is written \\u{1F600}", at: SourceRange(start: start, end: position))
            return
        }
        position += 1
        let digitsStart = position
        while let byte = peek(0), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") {
            position += 1
        }
        let hex = text(digitsStart, position)
        if peek(0) == UInt8(ascii: "}") { position += 1 }
        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            report("'\\u{\(hex)}' is not a Unicode scalar", at: SourceRange(start: start, end: position))
            return
        }
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func lexLongStringOpening() {
        let start = position
        position += 3
        var open = OpenString(opening: SourceRange(start: start, end: position), isLong: true)
        while let byte = peek(0), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
            position += 1
        }
        if peek(0) == UInt8(ascii: "\n") {
            position += 1
            startLine()
            open.atLineStart = true
        } else if peek(0) == nil {
            // The input ends right after the opening (the REPL's `let doc = """` ⏎): the line break
            // and the text are still to come, which the unterminated string reports as incomplete.
            open.atLineStart = true
        } else {
            // The rest of the opening line is kept as text, without an indentation check of its own.
            report("a long string starts a new line right after its opening \"\"\"", at: open.opening)
        }
        strings.append(open)
        lexLongPiece(start: start, first: true)
    }

    /// Lexes long-string text up to the closing `"""` or the next interpolation.
    private mutating func lexLongPiece(start: Int, first: Bool) {
        let index = strings.count - 1
        var pieces: [LongPiece] = []
        var buffer: [UInt8] = []
        var atLineStart = strings[index].atLineStart
        while position < bytes.count {
            if atLineStart {
                atLineStart = false
                let leadStart = position
                while let byte = peek(0), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
                let leading = Array(bytes[leadStart..<position])
                if peek(0) == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                    if buffer.last == UInt8(ascii: "\n") { buffer.removeLast() }
                    position += 3
                    pieces.append(.text(buffer))
                    finishLongString(start: start, first: first, pieces: pieces, indentation: leading)
                    return
                }
                let blank = peek(0) == nil || peek(0) == UInt8(ascii: "\n") || peek(0) == UInt8(ascii: "\r")
                pieces.append(.text(buffer))
                buffer = []
                pieces.append(.lineStart(leading: leading, blank: blank, offset: leadStart))
                continue
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\n"):
                buffer.append(byte)
                position += 1
                startLine()
                atLineStart = true
            case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
                position += 1
            case UInt8(ascii: "\\"):
                lexEscape(into: &buffer)
            case UInt8(ascii: "{"):
                position += 1
                pieces.append(.text(buffer))
                strings[index].tokenIndices.append(tokens.count)
                strings[index].pieces.append(pieces)
                strings[index].atLineStart = false
                appendToken(first ? .stringStart : .stringMiddle, start: start, end: position, value: .text(""))
                openers.append(.interpolation(index))
                return
            case UInt8(ascii: "\"") where peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\""):
                report("the closing \"\"\" of a long string goes on a line of its own",
                       at: SourceRange(start: position, end: position + 3))
                position += 3
                pieces.append(.text(buffer))
                finishLongString(start: start, first: first, pieces: pieces, indentation: [])
                return
            default:
                buffer.append(byte)
                position += 1
            }
        }
        report("unterminated long string: no closing \"\"\" for the string opened here", at: strings[index].opening,
               incomplete: true)
        pieces.append(.text(buffer))
        finishLongString(start: start, first: first, pieces: pieces, indentation: [])
    }

    /// Strips the closing line's indentation from every line of every piece, then sets the values.
    private mutating func finishLongString(start: Int, first: Bool, pieces: [LongPiece], indentation: [UInt8]) {
        var open = strings.removeLast()
        open.tokenIndices.append(tokens.count)
        open.pieces.append(pieces)
        appendToken(first ? .string : .stringEnd, start: start, end: position, value: .text(""))
        for (tokenIndex, tokenPieces) in zip(open.tokenIndices, open.pieces) {
            var text: [UInt8] = []
            for piece in tokenPieces {
                switch piece {
                case .text(let bytes):
                    text.append(contentsOf: bytes)
                case .lineStart(let leading, let blank, let offset):
                    if leading.starts(with: indentation) {
                        text.append(contentsOf: leading[indentation.count...])
                    } else if !blank {
                        report("this line of the long string is indented less than its closing \"\"\"",
                               at: SourceRange(start: offset, end: offset + leading.count + 1))
                    }
                }
            }
            tokens[tokenIndex].value = .text(String(decoding: text, as: UTF8.self))
        }
    }

    // MARK: - Punctuation

    private mutating func lexPunctuation(_ byte: UInt8) {
        let start = position
        let next = peek(1)
        func single(_ kind: TokenKind) -> TokenKind { position += 1; return kind }
        func pair(_ kind: TokenKind) -> TokenKind { position += 2; return kind }
        let kind: TokenKind
        switch byte {
        case UInt8(ascii: "("): openers.append(.paren); kind = single(.leftParen)
        case UInt8(ascii: "["): openers.append(.bracket); kind = single(.leftBracket)
        case UInt8(ascii: "{"): openers.append(.brace); kind = single(.leftBrace)
        case UInt8(ascii: ")"): close(.paren); kind = single(.rightParen)
        case UInt8(ascii: "]"): close(.bracket); kind = single(.rightBracket)
        case UInt8(ascii: "}"):
            if case .interpolation(let index) = openers.last {
                openers.removeLast()
                position += 1
                spaceBefore = false
                if strings[index].isLong {
                    lexLongPiece(start: start, first: false)
                } else {
                    lexStringPiece(start: start, first: false)
                }
                return
            }
            close(.brace)
            kind = single(.rightBrace)
        case UInt8(ascii: ","): kind = single(.comma)
        case UInt8(ascii: ":"): kind = single(.colon)
        case UInt8(ascii: ";"): kind = single(.semicolon)
        case UInt8(ascii: "."): kind = next == UInt8(ascii: ".") ? pair(.dotDot) : single(.dot)
        case UInt8(ascii: "?"):
            if next == UInt8(ascii: ".") {
                kind = pair(.questionDot)
            } else if next == UInt8(ascii: "?") {
                kind = pair(.questionQuestion)
            } else {
                position += 1
                report("unexpected '?': optional reads are written 'a?.b', defaults 'a ?? b'",
                       at: SourceRange(start: start, end: position))
                return
            }
        case UInt8(ascii: "+"): kind = next == UInt8(ascii: "=") ? pair(.plusEqual) : single(.plus)
        case UInt8(ascii: "-"): kind = next == UInt8(ascii: "=") ? pair(.minusEqual) : single(.minus)
        case UInt8(ascii: "*"): kind = next == UInt8(ascii: "=") ? pair(.starEqual) : single(.star)
        case UInt8(ascii: "%"): kind = single(.percent)
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") {
                kind = pair(.slashSlash)
            } else {
                kind = next == UInt8(ascii: "=") ? pair(.slashEqual) : single(.slash)
            }
        case UInt8(ascii: "="): kind = next == UInt8(ascii: "=") ? pair(.equalEqual) : single(.equal)
        case UInt8(ascii: "<"): kind = next == UInt8(ascii: "=") ? pair(.lessEqual) : single(.less)
        case UInt8(ascii: ">"): kind = next == UInt8(ascii: "=") ? pair(.greaterEqual) : single(.greater)
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") {
                kind = pair(.bangEqual)
            } else {
                position += 1
                report("unexpected '!': negation is written 'not'", at: SourceRange(start: start, end: position))
                return
            }
        default:
            skipUnexpectedCharacter()
            return
        }
        if (kind == .dot || kind == .questionDot), tokens.last?.kind == .newline, openers.isEmpty || isInBrace {
            tokens.removeLast()
        }
        appendToken(kind, start: start, end: position)
    }

    private var isInBrace: Bool {
        if case .brace = openers.last { return true }
        return false
    }

    private mutating func close(_ kind: Opener) {
        switch (openers.last, kind) {
        case (.paren, .paren), (.bracket, .bracket), (.brace, .brace): openers.removeLast()
        default: break
        }
    }

    private mutating func skipUnexpectedCharacter() {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
        let character = text(start, position)
        report("unexpected character '\(character)'", at: SourceRange(start: start, end: position))
    }

    // MARK: - Helpers

    private func peek(_ offset: Int) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func appendToken(_ kind: TokenKind, start: Int, end: Int, value: TokenValue = .none) {
        let startLine = line - Int32(bytes[start..<min(end, bytes.count)].lazy.filter { $0 == UInt8(ascii: "\n") }.count)
        let lineBegin = startLine == line ? lineStart : source.lineStarts[Int(startLine) - 1]
        // Counting on from the previous token of the same line keeps a line of 100,000 tokens linear.
        var column: Int32 = 1
        var index = lineBegin
        if columnCache.offset >= lineBegin, columnCache.offset <= start {
            column = columnCache.column
            index = columnCache.offset
        }
        while index < start {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnCache = (start, column)
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: end), line: startLine,
                            column: column, spaceBefore: spaceBefore, value: value))
        spaceBefore = false
    }

    private mutating func report(_ message: String, at range: SourceRange, incomplete: Bool = false) {
        diagnostics.append(Diagnostic(message: message, range: range, source: source, isIncompleteInput: incomplete))
    }
}
