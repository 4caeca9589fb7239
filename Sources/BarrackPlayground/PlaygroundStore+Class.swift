import Foundation
import GRDB

/// What a class keeps in the database: which sessions joined it (each numbered, "Learner 3"),
/// each one's runs, last error and lessons done, and the teacher's messages to everyone.
extension PlaygroundStore {
    /// The tables and columns of classes, added to a database of any earlier version.
    static func registerClassMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("classes") { db in
            try db.alter(table: "session") { table in
                table.add(column: "className", .text)
                table.add(column: "learner", .integer)
                table.add(column: "runs", .integer).notNull().defaults(to: 0)
                table.add(column: "lastError", .text)
                table.add(column: "lessonsDone", .text).notNull().defaults(to: "")
            }
            try db.create(table: "classMessage") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("className", .text).notNull().indexed()
                table.column("kind", .text).notNull()
                table.column("body", .text).notNull()
                table.column("created", .double).notNull()
            }
        }
    }

    /// Puts `token` in class `name` as its next learner (once: joining again changes nothing);
    /// returns the learner's number.
    @discardableResult
    func join(_ token: String, className name: String) throws -> Int {
        try pool.write { db in
            if let number = try Int.fetchOne(db, sql: "SELECT learner FROM session WHERE token = ? AND className = ?",
                                             arguments: [token, name]) {
                return number
            }
            let number = (try Int.fetchOne(db, sql: "SELECT max(learner) FROM session WHERE className = ?", arguments: [name]) ?? 0) + 1
            try db.execute(sql: "UPDATE session SET className = ?, learner = ? WHERE token = ?", arguments: [name, number, token])
            return number
        }
    }

    /// The class `token` has joined and its number in it, if any.
    func membership(_ token: String) throws -> (className: String, learner: Int)? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT className, learner FROM session WHERE token = ? AND className IS NOT NULL",
                                             arguments: [token]),
                  let name = row["className"] as String?, let learner = row["learner"] as Int? else { return nil }
            return (name, learner)
        }
    }

    /// Counts a run of a class member and keeps how it ended (nil: it ended well).
    func recordRun(_ token: String, error: String?) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE session SET runs = runs + 1, lastError = ? WHERE token = ? AND className IS NOT NULL",
                           arguments: [error, token])
        }
    }

    /// Marks `lesson` done for a class member.
    func recordLessonDone(_ token: String, lesson: String) throws {
        try pool.write { db in
            let done = try String.fetchOne(db, sql: "SELECT lessonsDone FROM session WHERE token = ? AND className IS NOT NULL",
                                           arguments: [token])
            guard let done else { return }
            var lessons = done.split(separator: ",").map(String.init)
            guard !lessons.contains(lesson) else { return }
            lessons.append(lesson)
            try db.execute(sql: "UPDATE session SET lessonsDone = ? WHERE token = ?", arguments: [lessons.sorted().joined(separator: ","), token])
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
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT token, learner, runs, lastError, lessonsDone FROM session WHERE className = ? ORDER BY learner
                """, arguments: [name]).map { row in
                ClassLearner(token: row["token"], learner: row["learner"], runs: row["runs"], lastError: row["lastError"],
                             lessonsDone: (row["lessonsDone"] as String? ?? "").split(separator: ",").map(String.init))
            }
        }
    }

    /// Stores a message of the teacher to class `name`; returns its number (they only grow).
    func postMessage(toClass name: String, kind: String, body: String, at now: Double) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO classMessage (className, kind, body, created) VALUES (?, ?, ?, ?)",
                           arguments: [name, kind, body, now])
            return Int(db.lastInsertedRowID)
        }
    }

    /// The teacher's messages to class `name` after number `after`, oldest first (at most 100).
    func messages(toClass name: String, after: Int) throws -> [(seq: Int, kind: String, body: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, kind, body FROM classMessage WHERE className = ? AND seq > ? ORDER BY seq LIMIT 100
                """, arguments: [name, after]).map { row in (row["seq"], row["kind"], row["body"]) }
        }
    }

    /// The number of the class's latest message (0 when there is none): where a learner who joins
    /// now starts reading.
    func lastMessage(toClass name: String) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT max(seq) FROM classMessage WHERE className = ?", arguments: [name]) ?? 0 }
    }
}
