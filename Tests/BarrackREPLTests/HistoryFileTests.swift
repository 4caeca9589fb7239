import Foundation
import Testing
@testable import barrack

/// The persistent history file.
struct HistoryFileTests {
    let folder: String
    var path: String { folder + "/state/barrack/history" }

    init() throws {
        folder = try TerminalSession.temporaryFolder()
    }

    private func contents() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func recordedLinesAreAppendedPrivatelyAndReloaded() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = HistoryFile(path: path, filter: SecretFilter(apiKey: nil))
        history.record("print 1")
        history.record("print 2")
        #expect(try contents() == "print 1\nprint 2\n")
        let file = try FileManager.default.attributesOfItem(atPath: path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let parent = try FileManager.default.attributesOfItem(atPath: folder + "/state/barrack")
        #expect((parent[.posixPermissions] as? Int) == 0o700)
        #expect(HistoryFile(path: path, filter: SecretFilter(apiKey: nil)).entries == ["print 1", "print 2"])
    }

    @Test func blankRepeatedAndSecretLinesAreNotRecorded() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = HistoryFile(path: path, filter: SecretFilter(apiKey: "k3y-value"))
        let lines = ["x", "x", "   ", "print \"k3y-value\"", "let token = \"abc\"", "y", "x"]
        let recorded = lines.map { history.record($0) }
        #expect(recorded == [true, false, false, false, false, true, true])
        #expect(try contents() == "x\ny\nx\n")
    }

    @Test func aSecretSplitOverContinuationLinesIsCaughtWithTheLinesBefore() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = HistoryFile(path: path, filter: SecretFilter(apiKey: nil))
        let secret = history.record("let api_key =\n  \"abc\"")
        let ordinary = history.record("let name =\n  \"abc\"")
        #expect(!secret && ordinary)
        #expect(HistoryFile(path: path, filter: SecretFilter(apiKey: nil)).entries == ["let name =\n  \"abc\""])
    }

    @Test func aMultiLineEntryIsOneLineOfTheFileAndReadsBackWhole() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = HistoryFile(path: path, filter: SecretFilter(apiKey: nil))
        let entry = "let doc = \"\"\"\n  a\\nb \\ c\n  \"\"\""
        history.record("print 1")
        history.record(entry)
        history.record("print \"a\\nb\"")
        #expect(try contents() == "print 1\n\u{1E}let doc = \"\"\"\\n  a\\\\nb \\\\ c\\n  \"\"\"\nprint \"a\\nb\"\n")
        #expect(HistoryFile(path: path, filter: SecretFilter(apiKey: nil)).entries == ["print 1", entry, "print \"a\\nb\""])
    }

    @Test func theFileKeepsTheNewestLinesUpToItsCapacity() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = HistoryFile(path: path, capacity: 3, filter: SecretFilter(apiKey: nil))
        for number in 1...5 { history.record("print \(number)") }
        #expect(history.entries == ["print 3", "print 4", "print 5"])
        #expect(try contents() == "print 3\nprint 4\nprint 5\n")
        let file = try FileManager.default.attributesOfItem(atPath: path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        try "a\nb\nc\nd\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(HistoryFile(path: path, capacity: 2, filter: SecretFilter(apiKey: nil)).entries == ["c", "d"])
        #expect(try contents() == "c\nd\n")
    }
}

/// A session with no home folder keeps its history in memory, by the same rules.
@Test func withoutAFileTheSameRulesHold() {
    var history = HistoryFile(path: nil, filter: SecretFilter(apiKey: nil))
    let recorded = ["a", "a", "let secret = \"x\"", "b"].map { history.record($0) }
    #expect(recorded == [true, false, false, true])
    #expect(history.entries == ["a", "b"])
}

/// Where the history file lives.
@Test func theFileLivesInTheStateFolder() {
    #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/barrack/history")
    #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
            == "/h/.local/state/barrack/history")
    #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/barrack/history")
    #expect(HistoryFile.defaultPath(environment: [:]) == nil)
}
