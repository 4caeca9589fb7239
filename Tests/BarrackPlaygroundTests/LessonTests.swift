import BarrackPlayground
import BarrackPlaygroundAssets
import Foundation
import XCTest

/// The lessons: their format, and the files in `playground/` agree with what is compiled in.
final class LessonTests: XCTestCase {
    func testALessonHasATitleAStarterAndAHiddenCheck() throws {
        let text = """
            # Waiting

            Some prose with `code`.

            ```barrack starter
            let vm = deploy gpu: L40 x 2 in CANADA-1
            ```

            ```barrack check
            raise "not yet"
            ```
            """
        let lesson = try XCTUnwrap(Lesson(id: "x", markdown: text))
        XCTAssertEqual(lesson.title, "Waiting")
        XCTAssertEqual(lesson.starter, "let vm = deploy gpu: L40 x 2 in CANADA-1\n")
        XCTAssertEqual(lesson.check, "raise \"not yet\"\n")
        XCTAssertTrue(lesson.markdown.contains("let vm = deploy"), "the starter is shown")
        XCTAssertFalse(lesson.markdown.contains("raise"), "the check is not shown")
    }

    func testALessonWithoutAPartIsRefused() {
        XCTAssertNil(Lesson(id: "x", markdown: "# Title\n```barrack starter\nprint 1\n```\n"), "no check")
        XCTAssertNil(Lesson(id: "x", markdown: "```barrack starter\nprint 1\n```\n```barrack check\nprint 1\n```\n"), "no title")
        XCTAssertNil(Lesson(id: "x", markdown: "# T\n```barrack starter\nprint 1\n```\n```barrack check\nprint 1\n"), "unclosed")
    }

    func testEveryLessonFileIsCompiledInAndReadable() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("playground/lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(PlaygroundAssets.lessons.map { $0.id + ".md" }, files)
        XCTAssertEqual(Lesson.all.map(\.id), PlaygroundAssets.lessons.map(\.id), "every lesson parses")
        XCTAssertEqual(Set(PlaygroundAssets.files.keys), ["/", "/app.js", "/app.css", "/teacher", "/teacher.js"])
    }
}
