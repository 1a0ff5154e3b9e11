import Foundation
import LedeCore
import LedeStages
import LedeTestSupport
import Testing

/// Every example of every built-in stage, as written and in its CRLF and emoji-prefix variants.
struct StageExamplesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let stage: StageType
        let example: StageExample
        var testDescription: String { "\(stage.descriptor.name): \(example.title)" }
    }

    static let cases: [Case] = LedeStages.all.flatMap { type in type.examples.map { Case(stage: type, example: $0) } }

    @Test("Every stage example produces its expected spans", arguments: cases)
    func exampleHolds(_ c: Case) {
        let runner = ExampleRunner(registry: LedeStages.registry)
        for variant in ExampleRunner.Variant.allCases {
            let failures = runner.check(c.example, of: c.stage, variant: variant)
            #expect(failures.isEmpty, "\(c.example.file):\(c.example.line) [\(variant)] \(failures.joined(separator: "\n"))")
        }
    }

    @Test("Every per-document stage has examples, and every option has help")
    func stagesDescribeThemselves() throws {
        for type in LedeStages.all {
            // exec needs a plugin process; its examples are the plugins in Examples/plugins and their tests.
            if type.kind != .collecting, type.descriptor.name != "exec" {
                #expect(!type.examples.isEmpty, "\(type.descriptor.name) has no examples")
            }
            let encoded = try PlanReportKeys.keys(of: type.defaultOptions())
            let documented = Set(type.descriptor.options.map(\.key))
            #expect(Set(encoded) == documented, "\(type.descriptor.name): options \(encoded.sorted()) vs help \(documented.sorted())")
        }
    }

    @Test("Stage names are unique and the registry finds producers of every required layer")
    func registryIsConsistent() {
        let registry = LedeStages.registry
        #expect(registry.names.count == LedeStages.all.count)
        for type in LedeStages.all {
            for layer in type.descriptor.requires {
                #expect(!registry.producers(of: layer).isEmpty, "\(type.descriptor.name) needs \(layer)")
            }
        }
    }
}

enum PlanReportKeys {
    static func keys(of options: any StageOptions) throws -> [String] {
        let data = try JSONEncoder().encode(options)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return Array(object.keys)
    }
}
