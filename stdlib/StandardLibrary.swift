/// The standard library's modules, by the name `import` takes (`import "fleet"`).
///
/// The modules are the `.brk` files beside this one, compiled into the binary by SwiftPM
/// (`.embedInCode` resources, Package.swift), so that an import works from any folder and after
/// `barrack` is copied elsewhere. A new module is a new file here and a line in each of the two
/// lists (Package.swift's resources, `modules` below); a test checks that they agree with the
/// folder.
public enum StandardLibrary {
    /// Each module's source text, by name.
    public static let modules: [String: String] = [
        "fleet": String(decoding: PackageResources.fleet_brk, as: UTF8.self),
    ]
}
