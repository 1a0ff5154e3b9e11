// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Test fixtures are declared where a test target has a Fixtures folder (git keeps no empty folders).
func fixtures(_ target: String) -> [Resource] {
    let path = Context.packageDirectory + "/Tests/\(target)/Fixtures"
    return FileManager.default.fileExists(atPath: path) ? [.copy("Fixtures")] : []
}

/// Every stage is its own target under Sources/Stages/<Name>, importing LedeCore (and, as its `libraries` say,
/// LedeText if it reads words, LedeIO if it writes files, LedeRecord if it writes records), never LedeEngine.
/// `LedeStages` is the one place that names them all; `LedeCLI` is the runner as a library,
/// and `lede` is the thin executable on top of it.
let stages: [(name: String, folder: String, resources: [Resource], libraries: [Target.Dependency])] = [
    ("SplitStage", "Split", [], ["LedeText"]),
    ("CleanCaptionsStage", "CleanCaptions", [.embedInCode("rules.yaml"), .embedInCode("examples.yaml")], ["LedeText", "CleanCaptionsFeatures", "CleanCaptionsLines", "CleanCaptionsRoles"]),
    ("EntityTagStage", "EntityTag", [], ["LedeText", "LedeIO", "EntityTagModel", "EntityTagRules", "EntityTagRecognizer", "EntityTagRepairs", "EntityTagNeighbours", "EntityTagContext"]),
    ("QuoteExtractStage", "QuoteExtract", [], ["LedeText", "QuoteScanning", "QuoteLexicon", "QuotePhrases", "QuoteAttribution"]),
    ("SummarizeStatsStage", "SummarizeStats", [], ["LedeIO", "LedeRecord"]),
    ("WriteStage", "Write", [], ["LedeIO", "LedeRecord", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
    ("ExecStage", "Exec", [], ["LedeIO", "LedeRecord", "CSystem"]),
    // new-stage: new stages are added above this line.
]

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

var targets: [Target] = [
    // Lede's own modules, split as swift-nio splits NIOCore, NIOPosix and NIOTestUtils (docs/architecture.md).
    // From the leaves up:
    // byte scanning shared by stages that read words (nothing of ours below it);
    .target(name: "LedeText", swiftSettings: strict),
    // files written atomically, paths, digests, JSON reading and JSON Lines: what stages that write use;
    .target(name: "LedeIO", dependencies: ["CSystem", "CZlib"], swiftSettings: strict),
    // the document model, stage protocols, registry, errors and option decoding: what a stage author imports;
    .target(
        name: "LedeCore",
        dependencies: [
            "LedeText", "LedeIO",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    // a document as its JSON record (docs/output-format.md), and the JSON writer that makes it: what writers use;
    .target(name: "LedeRecord", dependencies: ["LedeCore"], swiftSettings: strict),
    // inputs to documents: the input settings, file listing, text, JSON Lines and HTML readers, input digests;
    .target(name: "LedeInput", dependencies: ["LedeCore", "LedeText", "LedeIO", "LedeHTML"], swiftSettings: strict),
    // the pipeline file loaded and checked: stages with their options, inputs listed, overrides applied;
    .target(
        name: "LedePipeline",
        dependencies: ["LedeCore", "LedeIO", "LedeInput", .product(name: "Yams", package: "Yams")],
        swiftSettings: strict
    ),
    // the engine, journal, manifest, merge and verify: what the runner wires, never a stage;
    .target(
        name: "LedeEngine",
        dependencies: [
            "LedeCore", "LedeText", "LedeIO", "LedeRecord", "LedeInput", "LedePipeline", "CSystem",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    // what every test target shares: the stage-example runner and temporary folders.
    .target(name: "LedeTestSupport", dependencies: ["LedeCore"], swiftSettings: strict),
    // entity-tag's words, word lists, gazetteer and learned name model (features, weights, training data):
    // what the stage reads, apart from the stage that reads it.
    .target(name: "EntityTagModel", dependencies: ["LedeCore", "LedeText", "LedeIO"], resources: [.copy("Resources")],
            swiftSettings: strict),
    // entity-tag's rules: the gazetteer matched, numbers, dates, times and amounts read byte by byte, names by
    // their form, overlaps settled; the whole answer without a model, and the evidence the model reads.
    .target(name: "EntityTagRules", dependencies: ["LedeText", "EntityTagModel"], swiftSettings: strict),
    // entity-tag's recognizer: the model's names typed and their own extents repaired; then the repairs of a name's
    // edges and form (offices at its ends, legal forms, initials, joins); then the repairs that read its sentence
    // and document (places and lists of them, datelines, trades, portfolios, lists of people) and the wiring of all
    // repairs in order, with the document's settling, which the stage runs.
    .target(name: "EntityTagRecognizer", dependencies: ["LedeText", "EntityTagModel", "EntityTagRules"], swiftSettings: strict),
    .target(name: "EntityTagRepairs", dependencies: ["LedeText", "EntityTagModel", "EntityTagRules", "EntityTagRecognizer"],
            swiftSettings: strict),
    // entity-tag's repairs of what stands beside a name in running text: offices before holders, firms' possessives,
    // short names and tickers, laws' divisions and brackets, national bodies by field, people run into bodies or
    // places; the context's repairs call them in their order.
    .target(name: "EntityTagNeighbours",
            dependencies: ["LedeText", "EntityTagModel", "EntityTagRules", "EntityTagRecognizer", "EntityTagRepairs"],
            swiftSettings: strict),
    .target(name: "EntityTagContext",
            dependencies: ["LedeText", "EntityTagModel", "EntityTagRules", "EntityTagRecognizer", "EntityTagRepairs", "EntityTagNeighbours"],
            swiftSettings: strict),
    // quote-extract's quotations found byte by byte (`QuoteScanner`, with the shared word scanner's tokens), and
    // their attribution to speakers (`Attributor`, its speaker and office readers and word lists), which the stage runs.
    .target(name: "QuoteScanning", dependencies: ["LedeText"], swiftSettings: strict),
    // quote-extract's word lists (cues, offices, titles, joiners), apart from the attributor that reads them.
    .target(name: "QuoteLexicon", dependencies: ["LedeText"], swiftSettings: strict),
    // quote-extract's reading of the words around a quotation: a token's tests and the phrases they build (a sentence's
    // subject, an apposed name, an office and its holder), from the text, its entities and the word lists alone.
    .target(name: "QuotePhrases", dependencies: ["LedeCore", "LedeText", "QuoteScanning", "QuoteLexicon"], swiftSettings: strict),
    // what is decided of each quotation (its kind, cue, speaker, a pronoun's referent), weighing those phrases.
    .target(name: "QuoteAttribution", dependencies: ["LedeCore", "LedeText", "QuoteScanning", "QuoteLexicon", "QuotePhrases"],
            swiftSettings: strict),
    // clean-captions' paragraph roles: each paragraph's features in one pass over its bytes, the role model
    // (roles.yaml) that weighs them, and the scorer that says what to remove; apart from the stage's rules.
    .target(name: "CleanCaptionsFeatures", dependencies: ["LedeCore", "LedeText"], resources: [.embedInCode("roles.yaml")],
            swiftSettings: strict),
    // The tests of single lines (a related-stories label, a headline's form, a byline, a teaser) that the page
    // reading asks, apart from the passes that read the page around them.
    .target(name: "CleanCaptionsLines", dependencies: ["LedeCore", "LedeText", "CleanCaptionsFeatures"], swiftSettings: strict),
    .target(name: "CleanCaptionsRoles", dependencies: ["LedeCore", "LedeText", "CleanCaptionsFeatures", "CleanCaptionsLines"],
            swiftSettings: strict),
    // zlib from the system (Debian's zlib1g-dev): the journal's compression.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // libxml2's HTML parser (and zlib, which it links) from the system: Debian's libxml2-dev.
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // HTML pages to articles. LedeInput's reader calls it, so it knows nothing of Lede's other modules.
    .target(name: "LedeHTML", dependencies: ["CLibXML2"], swiftSettings: strict),
    // Linux calls Swift's Glibc module does not expose (posix_spawn with closefrom and chdir, pipe2), and
    // SHA-256 from the system's OpenSSL (libssl-dev), see csystem.h.
    .target(name: "CSystem", path: "Sources/CSystem", linkerSettings: [.linkedLibrary("crypto")]),
    .target(
        name: "LedeStages",
        dependencies: ["LedeCore"] + stages.map { .target(name: $0.name) },
        swiftSettings: strict
    ),
    .target(
        name: "LedeCLI",
        dependencies: [
            "LedeCore", "LedeIO", "LedeInput", "LedeEngine", "LedePipeline", "LedeRecord", "LedeStages",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strict
    ),
    .executableTarget(name: "Runner", dependencies: ["LedeCLI"], swiftSettings: strict),
    // Scoring against an annotated corpus (Tests/Gold): the library knows only LedeCore and LedeText;
    // `lede-eval` wires in the engine and the built-in stages.
    .target(
        name: "LedeEval",
        dependencies: ["LedeCore", "LedeText", .product(name: "Yams", package: "Yams")],
        swiftSettings: strict
    ),
    .executableTarget(
        name: "LedeEvalTool",
        dependencies: [
            "LedeCore", "LedeEngine", "LedePipeline", "LedeEval", "LedeStages",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strict
    ),
    // libFuzzer targets for the pipeline loader, the JSON Lines reader and the exec protocol; an ordinary
    // build makes a stub, scripts/fuzz/run.sh builds the real one.
    .executableTarget(
        name: "LedeFuzz",
        dependencies: ["LedeCore", "LedeInput", "LedeEngine", "LedePipeline", "LedeStages", .target(name: "ExecStage")],
        path: "Fuzz/LedeFuzz",
        swiftSettings: strict
    ),
    .executableTarget(
        name: "LedeBench",
        dependencies: ["LedeCore", "LedeText", "LedeIO", "LedeRecord", "LedeEngine", "LedePipeline", "LedeStages"],
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
    .testTarget(name: "LedeTextTests", dependencies: ["LedeText"], swiftSettings: strict),
    .testTarget(name: "LedeIOTests", dependencies: ["LedeIO", "LedeText"], swiftSettings: strict),
    .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore", "LedeRecord"], swiftSettings: strict),
    .testTarget(
        name: "LedeEngineTests",
        dependencies: ["LedeCore", "LedeText", "LedeIO", "LedeRecord", "LedeInput", "LedeEngine", "LedePipeline", "LedeTestSupport"],
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeHTMLTests",
        dependencies: ["LedeHTML", "LedeCore", "LedeInput", "LedeEngine", "LedePipeline"],
        resources: fixtures("LedeHTMLTests"),
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeStagesTests",
        dependencies: ["LedeCore", "LedeEngine", "LedePipeline", "LedeTestSupport", "LedeStages"],
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeEvalTests",
        dependencies: ["LedeEval", "LedeCore", "LedeEngine", "LedePipeline", "LedeStages"],
        swiftSettings: strict
    ),
    .testTarget(
        name: "LedeCLITests",
        dependencies: ["LedeCLI", "LedeCore", "LedeText", "LedeIO", "LedeEngine", "LedePipeline", "LedeStages"],
        resources: fixtures("LedeCLITests"),
        swiftSettings: strict
    ),
]

/// What every stage's test target uses besides the stage and its own libraries (each named once).
let stageTestSupport = ["LedeCore", "LedeText", "LedeRecord", "LedeEngine", "LedePipeline", "LedeTestSupport"]
func named(_ dependency: Target.Dependency) -> String? {
    if case .byNameItem(let name, _) = dependency { return name }
    return nil
}

for stage in stages {
    targets.append(.target(
        name: stage.name,
        dependencies: ["LedeCore"] + stage.libraries,
        path: "Sources/Stages/\(stage.folder)",
        resources: stage.resources,
        swiftSettings: strict
    ))
    targets.append(.testTarget(
        name: "\(stage.name)Tests",
        dependencies: stageTestSupport.filter { name in !stage.libraries.contains { named($0) == name } }
            .map { Target.Dependency(stringLiteral: $0) } + [.target(name: stage.name)] + stage.libraries,
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
        .library(name: "LedeCore", targets: ["LedeCore"]),
        .library(name: "LedeText", targets: ["LedeText"]),
        .library(name: "LedeIO", targets: ["LedeIO"]),
        .library(name: "LedeRecord", targets: ["LedeRecord"]),
        .library(name: "LedeEngine", targets: ["LedeEngine", "LedePipeline"]),
        .library(name: "LedeTestSupport", targets: ["LedeTestSupport"]),
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
