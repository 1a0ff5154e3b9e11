import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-stage Sentiment`
///
/// Creates `Sources/Stages/Sentiment/SentimentStage.swift` (a per-document stage with options, validation
/// and one example) and `Tests/SentimentStageTests/SentimentStageTests.swift`, and registers the stage by
/// adding one line to `Package.swift` and two to `Sources/LedeStages/LedeStages.swift`, above their
/// `new-stage:` marker comments. Without the markers it prints the lines to add instead. It never
/// overwrites a file and writes nothing else.
@main
struct NewStage: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard arguments.count == 1, let name = arguments.first,
              name.range(of: "^[A-Z][A-Za-z0-9]*$", options: .regularExpression) != nil else {
            throw PluginError("usage: swift package --allow-writing-to-package-directory new-stage NAME (UpperCamelCase, e.g. Sentiment)")
        }
        let root = context.package.directoryURL
        let stageName = kebab(name)
        let target = name + "Stage"
        let sourceDir = root.appendingPathComponent("Sources/Stages/\(name)")
        let testDir = root.appendingPathComponent("Tests/\(target)Tests")
        for dir in [sourceDir, testDir] where FileManager.default.fileExists(atPath: dir.path) {
            throw PluginError("\(dir.path) already exists; choose another name or remove it")
        }
        try FileManager.default.createDirectory(at: sourceDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: testDir, withIntermediateDirectories: true)
        try stageSource(name: name, stageName: stageName).write(to: sourceDir.appendingPathComponent("\(target).swift"), atomically: true, encoding: .utf8)
        try testSource(name: name).write(to: testDir.appendingPathComponent("\(target)Tests.swift"), atomically: true, encoding: .utf8)
        print("Created Sources/Stages/\(name)/\(target).swift and Tests/\(target)Tests/\(target)Tests.swift.")

        let manifest = root.appendingPathComponent("Package.swift")
        let list = root.appendingPathComponent("Sources/LedeStages/LedeStages.swift")
        let marker = "// new-stage: "
        let registered = try insert("    (\"\(target)\", \"\(name)\", [], []),", beforeLineContaining: marker + "new stages", in: manifest)
            && insert("import \(target)", beforeLineContaining: marker + "imports", in: list)
            && insert("        StageType(\(target).self),", beforeLineContaining: marker + "new stages", in: list)
        if registered {
            print("Registered it in Package.swift and Sources/LedeStages/LedeStages.swift.")
        } else {
            print("""

            The new-stage markers are missing, so register the stage by hand. Add one line to the `stages` list at
            the top of Package.swift:
                ("\(target)", "\(name)", [], []),
            and one line to `LedeStages.all` in Sources/LedeStages/LedeStages.swift (with `import \(target)` at the top):
                StageType(\(target).self),
            """)
        }
        print("Then `swift test` runs its example, and `swift run lede stages \(stageName)` shows it.")
    }

    /// Inserts a line above the first line containing `marker`. Returns false (and changes nothing) when
    /// the marker is not there.
    func insert(_ line: String, beforeLineContaining marker: String, in file: URL) throws -> Bool {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(marker) }) else { return false }
        lines.insert(line, at: index)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return true
    }

    func kebab(_ name: String) -> String {
        var out = ""
        for (i, ch) in name.enumerated() {
            if ch.isUppercase, i > 0 { out += "-" }
            out += ch.lowercased()
        }
        return out
    }

    func stageSource(name: String, stageName: String) -> String {
        """
        import LedeCore

        /// Tags every occurrence of the configured words in a `\(stageName)` layer.
        ///
        /// Replace the body of `process` with what your stage does; keep the options, descriptor and examples.
        public struct \(name)Stage: DocumentStage {
            /// Options of `\(stageName)`: each declared once, with its default and help.
            public struct Options: DeclaredOptions {
                /// Words to tag.
                @StageOption(help: "the words to tag")
                public var words: [String] = []
                /// The label of the spans.
                @StageOption(help: "the label of each span")
                public var label = "\(name.uppercased())"

                /// The defaults.
                public init() {}

                /// Checks that need no files; throw `invalid($option, ...)` to point at the option's key.
                public func validate() throws {
                    if let i = words.firstIndex(where: \\.isEmpty) { throw invalid($words, "must not be empty", at: [.index(i)]) }
                }
            }

            /// `\(stageName)`.
            public static let descriptor = StageDescriptor(
                name: "\(stageName)",
                summary: "Tags configured words",
                version: "1",
                produces: ["\(stageName)"],
                options: Options.help
            )

            /// Input text and the spans it must produce; `swift test` runs these.
            public static let examples: [StageExample] = [
                StageExample("Configured words are tagged",
                             input: "The talks went well.",
                             options: "{ words: [talks] }",
                             expect: [.init("\(stageName)", "talks", label: "\(name.uppercased())")]),
            ]

            let options: Options

            /// Creates the stage (``Options/validate()`` has run); throw `OptionError` with the option's path
            /// for a bad value found here.
            public init(options: Options, context: StageContext) throws {
                self.options = options
            }

            /// Adds the layer. Throw `DocumentError` to quarantine a document.
            public func process(_ document: inout Document) throws {
                var spans: [Span] = []
                let text = Array(document.text.utf8)
                for word in options.words {
                    let pattern = Array(word.utf8)
                    var i = 0
                    while i + pattern.count <= text.count {
                        if text[i..<(i + pattern.count)].elementsEqual(pattern) {
                            spans.append(Span(start: i, end: i + pattern.count, label: options.label))
                            i += pattern.count
                        } else {
                            i += 1
                        }
                    }
                }
                try document.setLayer(Self.descriptor.name, spans)
            }
        }

        """
    }

    func testSource(name: String) -> String {
        """
        import LedeCore
        import LedeTestSupport
        import \(name)Stage
        import Testing

        struct \(name)StageTests {
            @Test func examplesHold() {
                let type = StageType(\(name)Stage.self)
                let runner = ExampleRunner(registry: StageRegistry([type]))
                for example in \(name)Stage.examples {
                    let failures = runner.check(example, of: type)
                    #expect(failures.isEmpty, "\\(example.title): \\(failures)")
                }
            }
        }

        """
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
