import Kernel
import Testing

/// `Attributes` reads like a dictionary but is a sorted array; these check that the two agree.
struct AttributesTests {
    @Test("Setting, replacing and removing keep the keys sorted and unique, as a dictionary would")
    func behavesLikeADictionary() {
        var rng = SystemRandomNumberGenerator()
        let keys = ["kind", "cue", "speaker", "canonical", "a", "zeta", "Kind", "é", ""]
        for _ in 0..<200 {
            var attributes = Attributes()
            var dictionary: [String: AttributeValue] = [:]
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                let key = keys.randomElement(using: &rng)!
                let value: AttributeValue? = Bool.random(using: &rng) ? .int(Int.random(in: 0...9, using: &rng)) : nil
                attributes[key] = value
                dictionary[key] = value
            }
            #expect(attributes.keys == dictionary.keys.sorted())
            #expect(attributes.count == dictionary.count && attributes.isEmpty == dictionary.isEmpty)
            for key in keys { #expect(attributes[key] == dictionary[key]) }
            #expect(attributes == Attributes(dictionary) && attributes.dictionary == dictionary)
            #expect(attributes.map(\.key) == dictionary.keys.sorted())
        }
    }

    @Test("A literal is sorted whatever its order, so records write the same bytes")
    func literalsAreSorted() {
        let a: Attributes = ["speaker": .null, "cue": "said", "kind": "direct"]
        let b: Attributes = ["kind": "direct", "speaker": .null, "cue": "said"]
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.keys == ["cue", "kind", "speaker"])
        #expect(a.description == #"["cue": string("said"), "kind": string("direct"), "speaker": null]"#)
        #expect(a.filter { $0.key != "cue" }.keys == ["kind", "speaker"])
        #expect(a.mapValues { _ in .bool(true) }["kind"] == .bool(true))
    }
}
