import Foundation

/// The scripts of the project that the round-trip tests read.
enum ProjectScripts {
    /// Every `.brk` file under the golden scripts, the examples and the standard library of the
    /// package at `root`, sorted by path.
    static func all(under root: URL) throws -> [URL] {
        var found: [URL] = []
        for folder in ["Tests/scripts", "examples", "stdlib"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "brk" { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }
}
