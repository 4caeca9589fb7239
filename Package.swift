// swift-tools-version:6.0
import PackageDescription
#if canImport(Glibc)
import Glibc
#endif

/// How the release `barrack` is linked on Linux: by the toolchain's lld, without exporting every
/// symbol (the static runtime's link options ask for that), with the functions start-up runs placed
/// side by side (`Sources/barrack/Link/startup.order`, written by `bench/order-startup`), and, where
/// the C library's loader reads them (glibc 2.36 or later), with packed relative relocations. The
/// loader then no longer reads a 3.4 MB relocation table and a 1.1 MB symbol table at every start,
/// and start-up touches fewer pages: the REPL's idle memory falls from 23 MB to 16 MB, 19 MB without
/// packed relocations (docs/PERFORMANCE.md, "Start-up"). Debug builds, which only the tests run,
/// keep the default link.
let releaseLinkFlags: [String] = {
    var flags = [
        "-use-ld=lld", "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/barrack/Link/startup.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ]
    #if canImport(Glibc)
    // A binary with packed relocations does not load at all under an older glibc.
    var version = [CChar](repeating: 0, count: 64)
    if confstr(Int32(_CS_GNU_LIBC_VERSION), &version, version.count) > 0 {
        // "glibc 2.36"
        let text = String(decoding: version.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let number = text.split(separator: " ").last ?? ""
        let parts = number.split(separator: ".").compactMap { Int($0) }
        if parts.count >= 2, (parts[0], parts[1]) >= (2, 36) {
            flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
        }
    }
    #endif
    return flags
}()

// The parts and their arrows (docs/DESIGN.md): barrack → BarrackPlatform → (BarrackScript, BarrackAPI);
// BarrackSandbox → BarrackAPI; BarrackBackends → (BarrackPlatform, BarrackSandbox);
// BarrackPlayground → (BarrackBackends, BarrackPlatform, BarrackSandbox);
// BarrackTools → (BarrackPlatform, BarrackScript, BarrackJSON, BarrackSandbox's list prices). Only the `barrack` executable links GNU readline (GPL).
let package = Package(
    name: "barrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "barrack", targets: ["barrack"]),
        .library(name: "BarrackScript", targets: ["BarrackScript"]),
        .library(name: "BarrackAPI", targets: ["BarrackAPI"]),
        .library(name: "BarrackSandbox", targets: ["BarrackSandbox"]),
        .library(name: "BarrackPlatform", targets: ["BarrackPlatform"]),
        .library(name: "BarrackBackends", targets: ["BarrackBackends"]),
        .library(name: "BarrackPlayground", targets: ["BarrackPlayground"]),
        .library(name: "BarrackTools", targets: ["BarrackTools"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.70.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Already in the build through Hummingbird: the playground answers the HTTP parser's
        // refusals itself (MalformedRequestAnswer), in Hummingbird's request and response parts.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        // Only the playground's shared store (`--database postgres://…`), where several playground
        // processes keep one class's sessions, sandboxes and shares (docs/PLAYGROUND.md).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // JSON values with their key order, parsed and written: a leaf shared by the language and
        // the client (no Foundation, no networking).
        .target(name: "BarrackJSON"),
        .target(name: "BarrackScript", dependencies: ["BarrackJSON"]),
        // The HTTP client is SwiftNIO's (AsyncHTTPClient), not Foundation's URLSession: linking
        // FoundationNetworking (libcurl) costs every start of `barrack` 11–15 ms, scripts that never
        // call the platform included (docs/PERFORMANCE.md, "Start-up").
        .target(
            name: "BarrackAPI",
            dependencies: [
                "BarrackJSON", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "BarrackSandbox", dependencies: ["BarrackAPI", .product(name: "Crypto", package: "swift-crypto")]),
        // The standard library: the .brk modules in stdlib/, compiled into the binary.
        .target(name: "BarrackStandardLibrary", path: "stdlib", resources: [.embedInCode("fleet.brk")]),
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(
            name: "BarrackPlatform",
            dependencies: [
                "BarrackScript", "BarrackAPI", "BarrackStandardLibrary",
                .product(name: "Logging", package: "swift-log"),
                // The ledger of what scripts create (`LedgerStore`): one SQLite file in the state folder.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The backends a host chooses between (the real platform, the in-process sandbox) and the
        // sandbox's copies that rehearsals run in: kept out of BarrackPlatform, which knows no
        // simulator (docs/DESIGN.md).
        .target(
            name: "BarrackBackends",
            dependencies: [
                "BarrackPlatform", "BarrackSandbox", "BarrackAPI", "BarrackScript",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BarrackSandboxServer",
            dependencies: [
                "BarrackSandbox",
                "BarrackAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The teaching playground (issue 15): a web page and a JSON API over Hummingbird, one
        // sandbox per learner kept in SQLite (GRDB), or in PostgreSQL (postgres-nio) that several
        // playground servers share.
        .target(
            name: "BarrackPlaygroundAssets", path: "playground",
            resources: [
                .embedInCode("web/index.html"), .embedInCode("web/app.js"), .embedInCode("web/app.css"),
                .embedInCode("web/teacher.html"), .embedInCode("web/teacher.js"),
                .embedInCode("lessons/01-first-deploy.md"), .embedInCode("lessons/02-wait-active.md"),
                .embedInCode("lessons/03-out-of-stock.md"), .embedInCode("lessons/04-volumes.md"),
                .embedInCode("lessons/05-parallel-for.md"), .embedInCode("lessons/06-costs.md"),
            ]
        ),
        .target(
            name: "BarrackPlayground",
            dependencies: [
                "BarrackScript", "BarrackPlatform", "BarrackBackends", "BarrackSandbox", "BarrackAPI", "BarrackPlaygroundAssets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // The tools around the language for editors (issue 26): the completer the REPL and the
        // language server share, the language server, and the formatter's diff.
        .target(name: "BarrackTools", dependencies: ["BarrackScript", "BarrackPlatform", "BarrackAPI", "BarrackJSON", "BarrackSandbox"]),
        .executableTarget(
            name: "barrack",
            dependencies: [
                "BarrackScript",
                "BarrackAPI",
                "BarrackSandbox",
                "BarrackSandboxServer",
                "BarrackPlatform",
                "BarrackBackends",
                "BarrackPlayground",
                "BarrackTools",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Link"],
            linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "BarrackScriptTests",
            dependencies: ["BarrackScript", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "BarrackAPITests", dependencies: ["BarrackAPI"]),
        .testTarget(name: "BarrackToolsTests", dependencies: ["BarrackTools", "BarrackScript", "BarrackPlatform", "BarrackJSON"]),
        .testTarget(
            name: "BarrackPlaygroundTests",
            dependencies: ["BarrackPlayground", "BarrackPlaygroundAssets"]
        ),
        .testTarget(
            name: "BarrackSandboxTests",
            dependencies: ["BarrackSandbox", "BarrackSandboxServer", "BarrackAPI", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "BarrackCLITests", dependencies: ["BarrackScript"]),
        .testTarget(name: "BarrackREPLTests", dependencies: ["barrack", "BarrackScript", "BarrackPlatform", "BarrackTools"]),
        .testTarget(
            name: "BarrackPlatformTests",
            dependencies: ["BarrackPlatform", "BarrackBackends", "BarrackScript", "BarrackAPI", "BarrackSandbox"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
