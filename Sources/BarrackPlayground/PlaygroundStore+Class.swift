import Foundation

/// What a class keeps in the database: which sessions joined it (each numbered, "Learner 3"),
/// each one's runs, last error and lessons done, and the teacher's messages to everyone.
extension PlaygroundStore {
    /// Puts `token` in class `name` as its next learner (once: joining again changes nothing);
    /// returns the learner's number. Joins of one class go one at a time, on every server, so that
    /// no two learners get one number.
    @discardableResult
    func join(_ token: String, className name: String) throws -> Int {
        try database.write(locking: "class:\(name)") { db in
            if let number = try db.value("SELECT learner FROM session WHERE token = ? AND className = ?",
                                         [.text(token), .text(name)]).integer {
                return number
            }
            let number = (try db.value("SELECT max(learner) FROM session WHERE className = ?", [.text(name)]).integer ?? 0) + 1
            try db.execute("UPDATE session SET className = ?, learner = ? WHERE token = ?",
                           [.text(name), .integer(Int64(number)), .text(token)])
            return number
        }
    }

    /// The class `token` has joined and its number in it, if any.
    func membership(_ token: String) throws -> (className: String, learner: Int)? {
        try database.read { db in
            guard let row = try db.rows("SELECT className, learner FROM session WHERE token = ? AND className IS NOT NULL",
                                        [.text(token)]).first,
                  row.count == 2, let name = row[0].text, let learner = row[1].integer else { return nil }
            return (name, learner)
        }
    }

    /// Counts a run of a class member and keeps how it ended (nil: it ended well).
    func recordRun(_ token: String, error: String?) throws {
        try database.write(locking: nil) { db in
            try db.execute("UPDATE session SET runs = runs + 1, lastError = ? WHERE token = ? AND className IS NOT NULL",
                           [.text(error), .text(token)])
        }
    }

    /// Marks `lesson` done for a class member (the read and the write under the session's key,
    /// so that two checks on two servers both count).
    func recordLessonDone(_ token: String, lesson: String) throws {
        try database.write(locking: "lessons:\(token)") { db in
            let done = try db.value("SELECT lessonsDone FROM session WHERE token = ? AND className IS NOT NULL", [.text(token)]).text
            guard let done else { return }
            var lessons = done.split(separator: ",").map(String.init)
            guard !lessons.contains(lesson) else { return }
            lessons.append(lesson)
            try db.execute("UPDATE session SET lessonsDone = ? WHERE token = ?", [.text(lessons.sorted().joined(separator: ",")), .text(token)])
        }
    }

    /// One learner of a class as the teacher sees them.
    struct ClassLearner: Sendable {
        var token: String
        var learner: Int
        var runs: Int
        var lastError: String?
        var lessonsDone: [String]
    }

    /// The learners of class `name`, by number.
    func learners(ofClass name: String) throws -> [ClassLearner] {
        try database.read { db in
            try db.rows("SELECT token, learner, runs, lastError, lessonsDone FROM session WHERE className = ? ORDER BY learner",
                        [.text(name)]).compactMap { row in
                guard row.count == 5, let token = row[0].text, let learner = row[1].integer else { return nil }
                return ClassLearner(token: token, learner: learner, runs: row[2].integer ?? 0, lastError: row[3].text,
                                    lessonsDone: (row[4].text ?? "").split(separator: ",").map(String.init))
            }
        }
    }

    /// Stores a message of the teacher to class `name`; returns its number (they only grow).
    func postMessage(toClass name: String, kind: String, body: String, at now: Double) throws -> Int {
        try database.write(locking: nil) { db in
            try db.value("INSERT INTO classMessage (className, kind, body, created) VALUES (?, ?, ?, ?) RETURNING seq",
                         [.text(name), .text(kind), .text(body), .real(now)]).integer ?? 0
        }
    }

    /// The teacher's messages to class `name` after number `after`, oldest first (at most 100).
    func messages(toClass name: String, after: Int) throws -> [(seq: Int, kind: String, body: String)] {
        try database.read { db in
            try db.rows("SELECT seq, kind, body FROM classMessage WHERE className = ? AND seq > ? ORDER BY seq LIMIT 100",
                        [.text(name), .integer(Int64(after))]).compactMap { row in
                guard row.count == 3, let seq = row[0].integer, let kind = row[1].text, let body = row[2].text else { return nil }
                return (seq, kind, body)
            }
        }
    }

    /// The number of the class's latest message (0 when there is none): where a learner who joins
    /// now starts reading.
    func lastMessage(toClass name: String) throws -> Int {
        try database.read { db in try db.value("SELECT max(seq) FROM classMessage WHERE className = ?", [.text(name)]).integer ?? 0 }
    }
}
