import KeywordTagStage
import LedeCore
import LedeEngine
import LedePipeline
import LedeStages
import LedeTestSupport
import Testing

struct KeywordTagStageTests {
    /// The stage's examples, as written and in CRLF and emoji-prefix variants.
    @Test func examplesHold() {
        var registry = LedeStages.registry
        let type = StageType(KeywordTagStage.self)
        registry.register(type)
        let runner = ExampleRunner(registry: registry)
        for example in KeywordTagStage.examples {
            for variant in ExampleRunner.Variant.allCases {
                let failures = runner.check(example, of: type, variant: variant)
                #expect(failures.isEmpty, "\(example.title) [\(variant)]: \(failures)")
            }
        }
    }

    /// In a pipeline next to the built-in stages, with a misspelt option caught at its line.
    @Test func aPipelineUsesItAndValidatesItsOptions() throws {
        var registry = LedeStages.registry
        registry.register(StageType(KeywordTagStage.self))
        let dir = TempDir()
        dir.write("in.txt", "The ballot closed.")
        let good = dir.write("good.yaml", "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - split\n  - keyword-tag: { topics: { ELECTION: [ballot] } }\n  - write\n")
        #expect(try Pipeline.load(file: good, registry: registry).stages.map(\.name) == ["split", "keyword-tag", "write"])
        let bad = dir.write("bad.yaml", "lede: 1\ninput: { paths: [in.txt] }\nstages:\n  - keyword-tag: { topic: {} }\n")
        #expect {
            try Pipeline.load(file: bad, registry: registry)
        } throws: {
            ($0 as? ConfigError)?.hint == "did you mean 'topics'?" && ($0 as? ConfigError)?.location?.line == 4
        }
    }
}
