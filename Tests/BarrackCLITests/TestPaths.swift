import Foundation
import XCTest

/// Where the tests find the checkout's folders and the built `barrack` binary.
enum TestPaths {
    /// The checkout's root folder.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `Tests/scripts`, the golden scripts.
    static var scripts: URL { root.appendingPathComponent("Tests/scripts") }

    /// The folder of the build products: the executable sits beside the test bundle.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent()
        #else
        return Bundle.main.bundleURL
        #endif
    }

    /// The `barrack` executable, or a test failure saying to build it.
    static func binary(file: StaticString = #filePath, line: UInt = #line) -> URL? {
        let binary = productsDirectory.appendingPathComponent("barrack")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("build the barrack executable first: \(binary.path) is missing", file: file, line: line)
            return nil
        }
        return binary
    }
}

/// Runs one job per item, a few at a time, and gathers each job's failures in the items' order.
enum ConcurrentRuns {
    static func failures<Item: Sendable>(of items: [Item], concurrently limit: Int,
                                         _ job: @escaping @Sendable (Item) -> [String]) -> [String] {
        let results = ResultBox(count: items.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = limit
        for (index, item) in items.enumerated() {
            queue.addOperation { results.set(index, job(item)) }
        }
        queue.waitUntilAllOperationsAreFinished()
        return Array(results.all.joined())
    }
}

/// Per-item failures, filled in from concurrent operations.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [[String]]

    init(count: Int) {
        results = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ failures: [String]) {
        lock.withLock { results[index] = failures }
    }

    var all: [[String]] {
        lock.withLock { results }
    }
}
