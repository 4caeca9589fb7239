/// The one name of an imported file: its path with `.`, `..` and repeated slashes taken out, so
/// that `import "./x.brk"`, `import "x"` and `import "../dir/x"` from `dir/` are one module.
///
/// Without it each spelling was a new module: a file importing itself as `"./x.brk"` imported
/// `././x.brk`, then `./././x.brk`, until the path was too long for the system (an 8 KB error).
/// The path is only rewritten, not looked up, so it needs no file system (a host may have none).
///
///     ModulePath.normalized("dir/./x.brk")      // "dir/x.brk"
///     ModulePath.normalized("a/../b/x.brk")     // "b/x.brk"
///     ModulePath.normalized("../x.brk")         // "../x.brk"
enum ModulePath {
    static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The path of `name` imported from the file `importer`: `name.brk` (unless it already ends
    /// so) beside the importer, or `name` itself when it is absolute.
    static func resolve(_ name: String, from importer: String) -> String {
        let file = name.hasSuffix(".brk") ? name : name + ".brk"
        guard !file.hasPrefix("/"), let slash = importer.lastIndex(of: "/") else { return normalized(file) }
        return normalized(String(importer[...slash]) + file)
    }
}
