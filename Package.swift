// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Test fixtures are declared where a test target has a Fixtures folder (git keeps no empty folders).
func fixtures(_ target: String) -> [Resource] {
    let path = Context.packageDirectory + "/Tests/\(target)/Fixtures"
    return FileManager.default.fileExists(atPath: path) ? [.copy("Fixtures")] : []
}

/// Every stage is its own target under Sources/Stages/<Name>, importing only Kernel.
/// `LedeStages` is the one place that names them all; `LedeCLI` is the runner as a library,
/// and `lede` is the thin executable on top of it.
let stages: [(name: String, folder: String, resources: [Resource], libraries: [Target.Dependency])] = [
    ("SplitStage", "Split", [], []),
    ("CleanCaptionsStage", "CleanCaptions", [.embedInCode("rules.yaml"), .embedInCode("roles.yaml")], []),
    ("EntityTagStage", "EntityTag", [.copy("Resources")], []),
    ("QuoteExtractStage", "QuoteExtract", [], []),
    ("SummarizeStatsStage", "SummarizeStats", [], []),
    ("WriteStage", "Write", [], [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
    ("ExecStage", "Exec", [], ["CSystem"]),
    // new-stage: new stages are added above this line.
]

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

var targets: [Target] = [
    .target(
        name: "Kernel",
        dependencies: [
            .product(name: "Yams", package: "Yams"),
            "CSystem",
            .product(name: "Logging", package: "swift-log"),
            "LedeHTML",
        ],
        swiftSettings: strict
    ),
    // libxml2's HTML parser (and zlib, which it links) from the system: Debian's libxml2-dev.
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // HTML pages to articles. The Kernel's reader calls it, so it knows nothing of the Kernel.
    .target(name: "LedeHTML", dependencies: ["CLibXML2"], swiftSettings: strict),
    // Linux calls Swift's Glibc module does not expose (posix_spawn with closefrom and chdir, pipe2), and
    // SHA-256 from the system's OpenSSL (libssl-dev), see csystem.h.
    .target(name: "CSystem", path: "Sources/CSystem", linkerSettings: [.linkedLibrary("crypto")]),
    .target(
        name: "LedeStages",
        dependencies: ["Kernel"] + stages.map { .target(name: $0.name) },
        swiftSettings: strict
    ),
    .target(
        name: "LedeCLI",
        dependencies: [
            "Kernel", "LedeStages",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .executableTarget(name: "Runner", dependencies: ["LedeCLI"], swiftSettings: strict),
    // Scoring against an annotated corpus (Tests/Gold): the library knows only Kernel; `lede-eval` wires in
    // the built-in stages.
    .target(
        name: "LedeEval",
        dependencies: ["Kernel", .product(name: "Yams", package: "Yams")],
        swiftSettings: strict
    ),
    .executableTarget(
        name: "LedeEvalTool",
        dependencies: [
            "Kernel", "LedeEval", "LedeStages",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strict
    ),
    // libFuzzer targets for the pipeline loader, the JSON Lines reader and the exec protocol; an ordinary
    // build makes a stub, scripts/fuzz/run.sh builds the real one.
    .executableTarget(
        name: "LedeFuzz",
        dependencies: ["Kernel", "LedeStages", .target(name: "ExecStage")],
        path: "Fuzz/LedeFuzz",
        swiftSettings: strict
    ),
    .executableTarget(
        name: "LedeBench",
        dependencies: ["Kernel", "LedeStages"],
        path: "Benchmarks/LedeBench",
        swiftSettings: strict
    ),
    .plugin(
        name: "NewStage",
        capability: .command(
            intent: .custom(verb: "new-stage", description: "Create a new stage target with options, an example and a test"),
            permissions: [.writeToPackageDirectory(reason: "creates Sources/Stages/NAME and Tests/NAMEStageTests")]
        ),
        path: "Plugins/NewStage"
    ),
    .testTarget(name: "KernelTests", dependencies: ["Kernel"], swiftSettings: strict),
    .testTarget(name: "LedeHTMLTests", dependencies: ["LedeHTML", "Kernel"], resources: fixtures("LedeHTMLTests"), swiftSettings: strict),
    .testTarget(
        name: "LedeStagesTests",
        dependencies: ["Kernel", "LedeStages"],
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeEvalTests",
        dependencies: ["LedeEval", "Kernel", "LedeStages"],
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeCLITests",
        dependencies: ["LedeCLI", "Kernel", "LedeStages"],
        resources: fixtures("LedeCLITests"),
        swiftSettings: strict
    ),
]

for stage in stages {
    targets.append(.target(
        name: stage.name,
        dependencies: ["Kernel"] + stage.libraries,
        path: "Sources/Stages/\(stage.folder)",
        resources: stage.resources,
        swiftSettings: strict
    ))
    targets.append(.testTarget(
        name: "\(stage.name)Tests",
        dependencies: ["Kernel", .target(name: stage.name)] + stage.libraries,
        resources: fixtures("\(stage.name)Tests"),
        swiftSettings: strict
    ))
}

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["Runner"]),
        .executable(name: "lede-bench", targets: ["LedeBench"]),
        .executable(name: "lede-eval", targets: ["LedeEvalTool"]),
        .executable(name: "lede-fuzz", targets: ["LedeFuzz"]),
        .library(name: "Kernel", targets: ["Kernel"]),
        .library(name: "LedeStages", targets: ["LedeStages"]),
        .library(name: "LedeCLI", targets: ["LedeCLI"]),
        .plugin(name: "NewStage", targets: ["NewStage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
