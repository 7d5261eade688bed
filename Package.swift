// swift-tools-version:6.0
import PackageDescription

// Release builds of the two hot layers skip the runtime exclusivity checks: the engine and the
// readers touch class state per cell, and the checks were a twentieth of a validation run.
// Debug builds (and so the tests) keep them, and the compile-time checks stay on everywhere.
let hotPathSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "innaxe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "innaxe", targets: ["innaxe"]),
        .library(name: "SpreadsheetIO", targets: ["SpreadsheetIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Layer 1: thin system-library shims. Only SpreadsheetIO imports them.
        .systemLibrary(
            name: "CLibzip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Layer 2: generic spreadsheet I/O (knows nothing of indicators).
        .target(
            name: "SpreadsheetIO",
            dependencies: ["CLibzip", "CLibXML2"],
            swiftSettings: hotPathSettings
        ),
        // Layer 3: the harmonisation core (schema, mappings, value parsing, checks, findings).
        .target(
            name: "Harmonisation",
            dependencies: ["SpreadsheetIO", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: hotPathSettings
        ),
        // Layer 4: the inbox workflow: workspace, state store (SQLite via GRDB), outputs, exports.
        .target(
            name: "Workflow",
            dependencies: [
                "SpreadsheetIO",
                "Harmonisation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Layer 5: the command line, kept as a library so tests can run commands in-process.
        .target(
            name: "InnaxeCLI",
            dependencies: [
                "SpreadsheetIO",
                "Harmonisation",
                "Workflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "innaxe",
            dependencies: ["InnaxeCLI"]
        ),
        .testTarget(
            name: "SpreadsheetIOTests",
            dependencies: ["SpreadsheetIO"]
        ),
        .testTarget(
            name: "HarmonisationTests",
            dependencies: ["Harmonisation", "SpreadsheetIO"]
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "Harmonisation", "SpreadsheetIO"]
        ),
        .testTarget(
            name: "InnaxeCLITests",
            dependencies: ["InnaxeCLI", "SpreadsheetIO", "Workflow"]
        ),
    ]
)
