/// The playground's page and lessons, compiled into the binary (SwiftPM `.embedInCode`
/// resources, Package.swift), so that `barrack playground serve` needs no files and no network.
///
/// A new lesson is a new file in `lessons/` and a line in each of the two lists (Package.swift's
/// resources, `lessons` below); a test checks that they agree with the folder.
public enum PlaygroundAssets {
    /// The page's files by the path they are served at, with their content types.
    public static let files: [String: (contentType: String, bytes: [UInt8])] = [
        "/": ("text/html; charset=utf-8", PackageResources.index_html),
        "/app.js": ("text/javascript; charset=utf-8", PackageResources.app_js),
        "/app.css": ("text/css; charset=utf-8", PackageResources.app_css),
        "/teacher": ("text/html; charset=utf-8", PackageResources.teacher_html),
        "/teacher.js": ("text/javascript; charset=utf-8", PackageResources.teacher_js),
    ]

    /// The lessons' Markdown by id (the file name without `.md`), in teaching order.
    public static let lessons: [(id: String, markdown: String)] = [
        ("01-first-deploy", text(PackageResources._1_first_deploy_md)),
        ("02-wait-active", text(PackageResources._2_wait_active_md)),
        ("03-out-of-stock", text(PackageResources._3_out_of_stock_md)),
        ("04-volumes", text(PackageResources._4_volumes_md)),
        ("05-parallel-for", text(PackageResources._5_parallel_for_md)),
        ("06-costs", text(PackageResources._6_costs_md)),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
