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
        // Start-up: keeps libgit2's init from parsing the system's TLS trust store (see trust_store.c).
        .target(name: "CLibGit2Startup"),
        // zlib, for reading pack files directly on the history walk's hot path.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Small pure-Swift pieces both the git layer and the domain need (hashing).
        .target(name: "EvidentBasics", swiftSettings: strict),
        // The only Swift target that touches libgit2; it exposes Sendable value types.
        .target(name: "EvidentGit", dependencies: ["CLibGit2", "CLibGit2Startup", "CZlib", "EvidentBasics"], swiftSettings: strict),
        // The compliance domain: model, catalog, lint rules, audit checks. Knows nothing of C or git.
        .target(name: "EvidentCore", dependencies: ["EvidentBasics", "Yams"], swiftSettings: strict),
        // Renderers: every document in every format, straight into bytes.
        .target(name: "EvidentReporting", dependencies: ["EvidentGit", "EvidentCore"], swiftSettings: strict),
        // The use cases (audit, verify, diff, pr, lint, history, export, ...) over one compliance repository.
        .target(name: "EvidentEngine", dependencies: ["EvidentGit", "EvidentCore", "EvidentReporting"], swiftSettings: strict),
        // Commands: parse options, call the engine, render, exit. Imports neither EvidentGit nor C.
        .target(
            name: "EvidentCLI",
            dependencies: [
                "EvidentEngine", "EvidentCore", "EvidentReporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "evident", dependencies: ["EvidentCLI"], swiftSettings: strict),

        // Test support: builds fixture repositories with the git CLI (the example programs among them) and runs git as the reference.
        .target(name: "GitFixtures", dependencies: ["EvidentCore"], path: "Tests/GitFixtures", swiftSettings: strict),
        .testTarget(name: "EvidentGitTests", dependencies: ["EvidentGit", "EvidentBasics", "GitFixtures"], swiftSettings: strict),
        .testTarget(name: "EvidentCoreTests", dependencies: ["EvidentCore", "GitFixtures"], swiftSettings: strict),
        .testTarget(
            name: "EvidentReportingTests",
            dependencies: ["EvidentReporting", "EvidentGit", "GitFixtures"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EvidentEngineTests",
            dependencies: ["EvidentEngine", "EvidentCore", "EvidentReporting", "EvidentGit", "GitFixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EvidentCLITests",
            dependencies: ["GitFixtures", "EvidentGit", "EvidentCore"],
            // Golden files, read from and rewritten in the source tree (see GoldenFile).
            exclude: ["Resources"],
            swiftSettings: strict
        ),
    ]
)
