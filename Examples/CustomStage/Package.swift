// swift-tools-version:6.0
import Foundation
import PackageDescription

// Lede is a path dependency two folders up. SwiftPM names a path dependency after its folder, so the
// package reference is read from the folder's name (a clone may be called lede, main, ...).
let ledePath = "../.."
let lede = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent(ledePath).standardized.lastPathComponent

let package = Package(
    name: "CustomStage",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "my-lede", targets: ["MyLede"])],
    dependencies: [.package(path: ledePath)],
    targets: [
        // The stage: imports LedeCore, and LedeText for the byte automaton, like the built-in stages.
        .target(name: "KeywordTagStage", dependencies: [
            .product(name: "LedeCore", package: lede),
            .product(name: "LedeText", package: lede),
        ]),
        // Your own `lede`, with the stage registered.
        .executableTarget(name: "MyLede", dependencies: [
            "KeywordTagStage",
            .product(name: "LedeCLI", package: lede),
        ]),
        .testTarget(name: "KeywordTagStageTests", dependencies: [
            "KeywordTagStage",
            .product(name: "LedeCore", package: lede),
            .product(name: "LedeEngine", package: lede),
            .product(name: "LedeTestSupport", package: lede),
            .product(name: "LedeStages", package: lede),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
