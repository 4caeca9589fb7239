import BarrackPlatform
import Foundation
import XCTest

/// The modules compiled into the binary are exactly the files under stdlib/.
final class StandardLibraryTests: XCTestCase {
    func testEmbeddedModulesMatchTheStdlibFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("stdlib")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".brk") }
        XCTAssertEqual(Platform.standardModules, files.map { String($0.dropLast(4)) }.sorted(),
                       "the embedded modules differ from stdlib/*.brk: list each in Package.swift's resources and in stdlib/StandardLibrary.swift")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(4))
            XCTAssertEqual(Platform.standardModule(name), text, "stdlib/\(file) as compiled into the binary")
        }
    }
}
