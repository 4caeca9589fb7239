/// A class the playground serves (`barrack playground serve --class NAME --teacher-key KEY`):
/// learners who open `/c/NAME` join it, and the teacher follows them at `/teacher` with the key.
public struct PlaygroundClass: Sendable {
    /// The class's name, as it appears in its URL: letters, digits and `-`, at most 40.
    public let name: String
    /// What the teacher's view asks for (in the `X-Teacher-Key` header of its requests).
    public let teacherKey: String

    /// A class, or a message saying what is wrong with `name` or `teacherKey`.
    ///
    /// ```swift
    /// let course = try PlaygroundClass(name: "gpu-101", teacherKey: "a long secret")
    /// ```
    public init(name: String, teacherKey: String) throws(PlaygroundClassError) {
        guard (1...40).contains(name.count),
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw PlaygroundClassError(message: "--class must be 1 to 40 letters, digits or '-' (it is part of the URL); got '\(name)'")
        }
        guard teacherKey.count >= 8 else {
            throw PlaygroundClassError(message: "--teacher-key must have at least 8 characters, so that a learner cannot guess it")
        }
        self.name = name
        self.teacherKey = teacherKey
    }

    /// Whether `offered` is the teacher's key; compares every byte, so that the time taken says
    /// nothing about how much of a guess was right.
    func admits(_ offered: String?) -> Bool {
        guard let offered else { return false }
        let given = Array(offered.utf8)
        let key = Array(teacherKey.utf8)
        var difference = UInt8(given.count == key.count ? 0 : 1)
        for index in key.indices { difference |= key[index] ^ (index < given.count ? given[index] : 0) }
        return difference == 0
    }
}

/// Why `--class` or `--teacher-key` was refused.
public struct PlaygroundClassError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, and what to give instead.
    public let message: String
    public var description: String { message }
}
