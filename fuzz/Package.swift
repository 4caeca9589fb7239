// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Barrack Script, kept in a package of their own so that building and
// testing the main package never needs libFuzzer: `fuzz/run TARGET SECONDS` builds one of them
// with `--sanitize=fuzzer --sanitize=address` and runs it (docs/RELIABILITY.md).
let package = Package(
    name: "barrack-fuzz",
    dependencies: [.package(name: "barrack", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "BarrackScript", package: "barrack")]),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzResolver", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzEvaluator", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzDifferential", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
