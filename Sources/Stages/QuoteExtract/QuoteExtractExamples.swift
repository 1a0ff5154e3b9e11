import Kernel

extension QuoteExtractStage {
    /// The attribution patterns this version handles.
    public static let examples: [StageExample] = [
        StageExample("SPEAKER CUE, \"QUOTE\"",
                     input: "The two soldiers wrote, \"We want to start over in the South.\"",
                     expect: [.init(Layer.quotes, "We want to start over in the South.", ["speaker": "The two soldiers", "cue": "wrote", "kind": "direct"])]),
        StageExample("\"QUOTE,\" CUE SPEAKER",
                     input: "\"The talks will continue,\" said Choi Min-ho.",
                     expect: [.init(Layer.quotes, "The talks will continue,", ["speaker": "Choi Min-ho", "cue": "said", "kind": "direct"])]),
        StageExample("\"QUOTE,\" SPEAKER CUE",
                     input: "“We are grateful,” the group said.",
                     expect: [.init(Layer.quotes, "We are grateful,", ["speaker": "the group", "cue": "said", "kind": "direct"])]),
        StageExample("A pronoun speaker resolves to the last speaker",
                     input: "Han Seo-jin said, \"The road is long.\"\n\nShe added, \"We will walk it anyway.\"",
                     expect: [.init(Layer.quotes, "The road is long.", ["speaker": "Han Seo-jin"]),
                              .init(Layer.quotes, "We will walk it anyway.", ["speaker": "Han Seo-jin", "cue": "added"])]),
        StageExample("A title stays with the name",
                     input: "\"It was thought lost,\" said Dr. Yoo Seung-mi, a curator.",
                     expect: [.init(Layer.quotes, "It was thought lost,", ["speaker": "Dr. Yoo Seung-mi", "cue": "said"])]),
        StageExample("A short quoted fragment is partial",
                     input: "They hope to start a “new life” there.",
                     expect: [.init(Layer.quotes, "new life", ["kind": "partial", "speaker": "null"])]),
    ]
}
