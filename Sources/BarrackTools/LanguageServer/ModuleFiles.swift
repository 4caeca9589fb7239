import BarrackPlatform
import BarrackScript
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules a document imports, as files an editor can open, found as `import` finds them:
/// the standard library first, then `name.brk` relative to the importing file.
///
/// The standard library is compiled into `barrack` and has no file of its own, so its modules
/// are written to a folder the host chooses (`standardLibraryFolder`, the user's cache folder
/// for `barrack lsp`), where go-to-definition can open them; a module is written again only
/// when its text changed.
public struct ModuleFiles: Sendable {
    /// Where the standard library's modules are written; nil to write none (their names then have
    /// no definition to go to).
    public var standardLibraryFolder: String?

    /// Module files with the standard library written to `standardLibraryFolder`.
    public init(standardLibraryFolder: String?) {
        self.standardLibraryFolder = standardLibraryFolder
    }

    /// The folder `barrack lsp` writes the standard library to: `$XDG_CACHE_HOME/barrack/stdlib`,
    /// else `~/.cache/barrack/stdlib`; nil when neither is set.
    public static func defaultStandardLibraryFolder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/barrack/stdlib" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/barrack/stdlib" }
        return nil
    }

    /// A module: the path of its file and its text.
    struct Module {
        var path: String
        var source: Source
    }

    /// The module `import "name"` in the file at `importer` (nil for an unsaved document) reads.
    func module(_ name: String, importedFrom importer: String?) -> Module? {
        if let text = Platform.standardModule(name) {
            guard let folder = standardLibraryFolder else { return nil }
            let path = folder + "/" + name + ".brk"
            guard ModuleFiles.write(text, to: path, folder: folder) else { return nil }
            return Module(path: path, source: Source(name: path, text: text))
        }
        var path = name.hasSuffix(".brk") ? name : name + ".brk"
        if !path.hasPrefix("/") {
            guard let importer, let slash = importer.lastIndex(of: "/") else { return nil }
            path = String(importer[...slash]) + path
        }
        guard let source = try? Source.read(path: path) else { return nil }
        return Module(path: path, source: source)
    }

    /// Writes `text` to `path` unless it holds it already, making the folders on the way.
    private static func write(_ text: String, to path: String, folder: String) -> Bool {
        if let existing = try? Source.read(path: path), existing.bytes.elementsEqual(text.utf8) { return true }
        var partial = ""
        for part in folder.split(separator: "/") {
            partial += "/" + part
            mkdir(partial, 0o755)
        }
        guard let file = fopen(path, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        return fclose(file) == 0 && written == bytes.count
    }
}
