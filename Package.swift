// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Evident",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "evident", targets: ["evident"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C layer: libgit2 as a system library, plus inline wrappers for its variadic calls.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // zlib, for reading pack files directly on the history walk's hot path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // The only Swift target that touches libgit2; it exposes Sendable value types.
        .target(name: "EvidentGit", dependencies: ["CLibGit2", "CZlib"], swiftSettings: strict),
        // The compliance domain: knows nothing of C or of git's internals.
        .target(name: "EvidentCore", dependencies: ["Yams"], swiftSettings: strict),
        // Renderers for people and machines.
        .target(name: "EvidentReporting", dependencies: ["EvidentGit", "EvidentCore"], swiftSettings: strict),
        // Commands, options and exit codes.
        .target(
            name: "EvidentCLI",
            dependencies: [
                "EvidentGit", "EvidentCore", "EvidentReporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "evident", dependencies: ["EvidentCLI"], swiftSettings: strict),

        // Test support: builds fixture repositories with the git CLI and runs git as the reference.
        .target(name: "GitFixtures", path: "Tests/GitFixtures", swiftSettings: strict),
        .testTarget(name: "EvidentGitTests", dependencies: ["EvidentGit", "GitFixtures"], swiftSettings: strict),
        .testTarget(name: "EvidentCoreTests", dependencies: ["EvidentCore"], swiftSettings: strict),
        .testTarget(
            name: "EvidentReportingTests",
            dependencies: ["EvidentReporting", "EvidentGit", "GitFixtures"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .testTarget(name: "EvidentCLITests", dependencies: ["GitFixtures", "EvidentGit", "EvidentCore"], swiftSettings: strict),
    ]
)
