import LedeCore
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

    @Test("A repeated name in a literal keeps its last value, as setting each in turn would")
    func repeatedNamesInLiteralsKeepTheLast() {
        func setInTurn(_ pairs: [(String, Int)]) -> Attributes {
            var attributes = Attributes()
            for (key, value) in pairs { attributes[key] = .int(value) }
            return attributes
        }
        let b3: Attributes = ["b": .int(1), "a": .int(2), "b": .int(3)]
        #expect(b3 == setInTurn([("b", 1), ("a", 2), ("b", 3)]) && b3.keys == ["a", "b"] && b3["b"] == .int(3))
        let x: Attributes = ["x": .int(1), "x": .int(2), "x": .int(3)]
        #expect(x == setInTurn([("x", 1), ("x", 2), ("x", 3)]) && x.count == 1)
        let five: Attributes = ["c": .int(1), "b": .int(2), "a": .int(3), "b": .int(4), "c": .int(5), "a": .int(6)]
        #expect(five == setInTurn([("c", 1), ("b", 2), ("a", 3), ("b", 4), ("c", 5), ("a", 6)]))
        #expect(five.entries.map(\.value) == [.int(6), .int(4), .int(5)])
        let empty: Attributes = [:]
        #expect(empty.isEmpty && empty == Attributes())
    }
}
