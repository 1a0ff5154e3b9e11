import Foundation
import LedeCore
import Testing

/// Options declared once each, as a stage would.
struct SampleOptions: DeclaredOptions, Equatable {
    enum Mode: String, Codable, Sendable, CaseIterable { case fast, careful }

    @StageOption(help: "the mode")
    var mode: Mode = .fast
    @StageOption(help: "replace everything")
    var replaceAll = false
    @StageOption("limit", help: "how many at most")
    var maxCount = 10
    @StageOption(help: "a URL's longest length")
    var maxURLLength = 2048
    @StageOption(help: "an optional file")
    var modelFile: String?
    @StageOption(help: "words to add")
    var words: [String] = []
    @StageOption(help: "seconds, or text such as 5s", decode: SampleOptions.duration)
    var timeout = "30s"
    /// Set in init(), from the other options: on when no words are given.
    @StageOption(help: "use the built-in words")
    var builtin: Bool?

    init() {
        if builtin == nil { builtin = words.isEmpty }
    }

    @Sendable static func duration(_ decoder: any Decoder) throws -> String {
        let value = try decoder.singleValueContainer()
        if let seconds = try? value.decode(Int.self) { return "\(seconds)s" }
        return try value.decode(String.self)
    }

    static var retiredKeys: [(key: String, explanation: any Decodable.Type)] { [("old", Retired.self)] }

    struct Retired: Decodable {
        init(from decoder: any Decoder) throws {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'old' is gone: write 'limit'"))
        }
    }

    func validate() throws {
        guard maxCount >= 1 else { throw invalid($maxCount, "must be at least 1") }
    }
}

/// A stage over the sample options, to see `validate()` run before the stage is made.
struct SampleStage: DocumentStage {
    typealias Options = SampleOptions
    static let descriptor = StageDescriptor(name: "sample", summary: "a sample", options: Options.help)
    static let examples: [StageExample] = []
    init(options: Options, context: StageContext) throws {}
    func process(_ document: inout Document) throws {}
}

struct DeclaredOptionsTests {
    func decode(_ yaml: String) throws -> SampleOptions {
        try OptionsLoader.decode(SampleOptions.self, yaml: yaml, file: "p.yaml")
    }

    @Test("Missing keys keep their declared defaults, and init() runs on the decoded values")
    func defaults() throws {
        let options = try decode("{}")
        #expect(options == SampleOptions())
        #expect(options.mode == .fast && options.maxCount == 10 && options.modelFile == nil && options.timeout == "30s")
        #expect(options.builtin == true)
        let set = try decode("{ mode: careful, replace_all: true, limit: 3, max_url_length: 80, model_file: m.bin, words: [a], timeout: 5 }")
        #expect(set.mode == .careful && set.replaceAll && set.maxCount == 3 && set.maxURLLength == 80)
        #expect(set.modelFile == "m.bin" && set.words == ["a"] && set.timeout == "5s")
        #expect(set.builtin == false)
        #expect(try decode("{ timeout: 2m, model_file: ~ }").timeout == "2m")
        #expect(try decode("{ words: [a], builtin: true }").builtin == true)
    }

    @Test("Keys are the property names in snake_case unless given; help is listed in declaration order")
    func keysAndHelp() {
        let keys = ["mode", "replace_all", "limit", "max_url_length", "model_file", "words", "timeout", "builtin"]
        #expect(SampleOptions.keys == keys)
        #expect(SampleOptions.help.map(\.key) == keys)
        #expect(SampleOptions.help[2].help == "how many at most")
        #expect(SampleStage.descriptor.options.map(\.key) == keys)
        #expect(SampleOptions.key(SampleOptions().$maxURLLength) == "max_url_length")
        #expect(SampleOptions.key(SampleOptions().$maxCount) == "limit")
    }

    @Test("An unknown key is an error at the key, with the nearest declared key suggested")
    func unknownKey() throws {
        let error = try #require(throws: ConfigError.self) { try decode("{ mode: fast,\n  replace_al: true }") }
        #expect(error.message == "unknown key 'replace_al'")
        #expect(error.location?.line == 2 && error.location?.column == 3)
        #expect(error.hint == "did you mean 'replace_all'?")
    }

    @Test("A bad value is an error at the value, in the decoder's own words")
    func badValue() throws {
        let bool = try #require(throws: ConfigError.self) { try decode("{ mode: fast, replace_all: yes }") }
        #expect(bool.message == "expected true or false, found 'yes'")
        #expect(bool.location?.line == 1 && bool.location?.column == 28)
        let mode = try #require(throws: ConfigError.self) { try decode("{ mode: carefull }") }
        #expect(mode.message == "'carefull' is not a valid value; expected one of: fast, careful")
        #expect(mode.hint == "did you mean 'careful'?")
        let custom = try #require(throws: ConfigError.self) { try decode("{ timeout: [1] }") }
        #expect(custom.message == "expected a string, found a list")
        #expect(custom.location?.column == 12)
        let retired = try #require(throws: ConfigError.self) { try decode("{ old: 3 }") }
        #expect(retired.message == "'old' is gone: write 'limit'")
        #expect(retired.location?.column == 8)
    }

    @Test("Encoding writes every option under its key, nil as null, and decodes back to the same value")
    func encodeRoundTrip() throws {
        var options = SampleOptions()
        options.mode = .careful
        options.words = ["x", "y"]
        options.maxCount = 4
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(options), as: UTF8.self)
        #expect(json == #"{"builtin":true,"limit":4,"max_url_length":2048,"mode":"careful","model_file":null,"replace_all":false,"timeout":"30s","words":["x","y"]}"#)
        #expect(try JSONDecoder().decode(SampleOptions.self, from: Data(json.utf8)) == options)
        #expect(try decode(json) == options)
    }

    @Test("validate() runs before the stage is made, and its error names the option's key")
    func validation() throws {
        let type = StageType(SampleStage.self)
        let options = try OptionsLoader.options(for: type, yaml: "{ limit: 0 }")
        let error = try #require(throws: OptionError.self) {
            _ = try type.instantiate(options, context: StageContext(baseDirectory: "/tmp", jobs: 1))
        }
        #expect(error.message == "limit must be at least 1")
        #expect(error.path == ["limit"])
    }
}
