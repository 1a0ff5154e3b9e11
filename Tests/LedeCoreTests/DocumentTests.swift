import Foundation
import LedeCore
import LedeRecord
import Testing

struct DocumentTests {
    func texts(_ d: Document, _ layer: String) -> [String] { d.spans(layer).map { d.substring($0.range) } }

    @Test func removingAParagraphRemapsEveryLayerAndRecordsTheOriginalRange() throws {
        var d = Document(id: "d", text: "Alpha one.\n\nCaption here. /Credit\n\nBeta two.", source: .init(path: "x"))
        try d.setLayer("paragraphs", [Span(start: 0, end: 10), Span(start: 12, end: 33), Span(start: 35, end: 44)])
        try d.setLayer("words", [Span(start: 35, end: 39, label: "W", attributes: ["ref": .span(SpanRef(start: 0, end: 5))])])
        try d.remove([Cut(12..<33, reason: "caption", rule: "r1", absorbsWhitespace: true)])
        #expect(d.text == "Alpha one.\n\nBeta two.")
        #expect(texts(d, "paragraphs") == ["Alpha one.", "Beta two."])
        #expect(texts(d, "words") == ["Beta"])
        #expect(d.spans("words")[0].attributes["ref"]?.spanRef.map { d.substring($0.start..<$0.end) } == "Alpha")
        #expect(d.removed == [Removal(start: 12, end: 33, reason: "caption", rule: "r1")])
        #expect(d.originalSubstring(12..<33) == "Caption here. /Credit")
    }

    @Test func spansOverlappingACutAreClippedAndSpansInsideAreDropped() throws {
        var d = Document(id: "d", text: "0123456789", source: .init(path: "x"))
        try d.setLayer("s", [Span(start: 1, end: 5), Span(start: 3, end: 4), Span(start: 4, end: 9)])
        try d.remove([Cut(2..<6, reason: "x", rule: "r")])
        #expect(d.text == "016789")
        #expect(texts(d, "s") == ["1", "678"])
    }

    @Test func secondRemovalIsRecordedAgainstTheOriginalText() throws {
        var d = Document(id: "d", text: "aa BB cc DD ee", source: .init(path: "x"))
        try d.remove([Cut(3..<6, reason: "one", rule: "r")])      // "aa cc DD ee"
        #expect(d.text == "aa cc DD ee")
        try d.remove([Cut(6..<9, reason: "two", rule: "r")])      // removes "DD "
        #expect(d.text == "aa cc ee")
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["BB ", "DD "])
        #expect(d.toOriginal(6, after: true) == 12)
    }

    @Test func overlappingCutsAreMergedAndRecordedOnce() throws {
        var d = Document(id: "d", text: "keep DROP DROP keep", source: .init(path: "x"))
        try d.remove([Cut(5..<10, reason: "a", rule: "r"), Cut(5..<9, reason: "b", rule: "r"), Cut(8..<15, reason: "c", rule: "r")])
        #expect(d.text == "keep keep")
        #expect(d.removed.count == 2)
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["DROP ", "DROP "])
    }

    @Test func removingTheLastParagraphAbsorbsTheWhitespaceBeforeIt() throws {
        var d = Document(id: "d", text: "Body.\n\n※ Notice.\n", source: .init(path: "x"))
        try d.remove([Cut(7..<(7 + "※ Notice.".utf8.count), reason: "boilerplate", rule: "n", absorbsWhitespace: true)])
        #expect(d.text == "Body.")
    }

    @Test func spansOutsideTheTextOrInsideACharacterAreRejected() {
        var d = Document(id: "d", text: "é", source: .init(path: "x"))
        #expect(throws: DocumentError.self) { try d.setLayer("s", [Span(start: 0, end: 5)]) }
        #expect(throws: DocumentError.self) { try d.setLayer("s", [Span(start: 1, end: 2)]) }
        #expect(throws: DocumentError.self) { try d.remove([Cut(1..<2, reason: "x", rule: "r")]) }
    }

    @Test func codePointOffsetsCountScalarsNotBytesOrGraphemes() {
        let text = "👩‍👩‍👧 é e\u{301} x"
        let index = CodePointIndex(text)
        let xByte = text.utf8.count - 1
        #expect(index(xByte) == text.unicodeScalars.count - 1)
        #expect(index(0) == 0)
        #expect(CodePointIndex("plain ascii")(5) == 5)
    }

    @Test("Code-point offsets agree with counting scalars, at every scalar boundary of long mixed texts")
    func codePointOffsetsAgreeWithCountingScalars() {
        let pieces = ["a", "Seoul ", "é", "한국어", "“", "”", "🙂", "\n", String(repeating: "x", count: 63), String(repeating: "ü", count: 40)]
        var rng = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 30, 200] {
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<length { text += pieces.randomElement(using: &rng)! }
                let index = CodePointIndex(text)
                var scalars = 0, bytes = 0
                for scalar in text.unicodeScalars {
                    #expect(index(bytes) == scalars)
                    scalars += 1
                    bytes += String(scalar).utf8.count
                }
                #expect(index(bytes) == scalars, "the end offset")
            }
        }
    }

    @Test func recordsUseCodePointOffsetsIntoTheirText() throws {
        var d = Document(id: "d", text: "🙂 Seoul é\"x\"", source: .init(path: "in.txt"))
        let seoul = "🙂 ".utf8.count
        try d.setLayer(Layer.entities, [Span(start: seoul, end: seoul + 5, label: "GPE", attributes: ["canonical": .null])])
        let line = String(decoding: Record.line(d), as: UTF8.self)
        #expect(line.contains(#""entities":[{"start":2,"end":7,"text":"Seoul","label":"GPE","canonical":null}]"#))
        #expect(line.contains(#""text":"🙂 Seoul é\"x\"""#))
        #expect(line.hasPrefix(#"{"lede":1,"id":"d","source":"in.txt""#))
        #expect(line.hasSuffix("}\n"))
    }

    @Test func jsonWriterEscapesControlCharactersAndQuotes() {
        var json = JSONWriter()
        json.beginObject()
        json.key("a\"b"); json.string("line\nnext\t\u{0}\u{1F}\\ é")
        json.key("n"); json.double(0.5)
        json.key("list"); json.attribute(.list([.int(1), .null, .bool(true)]), text: "", index: CodePointIndex(""))
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"a\"b":"line\nnext\t\u0000\u001f\\ é","n":0.5,"list":[1,null,true]}"#)
    }

    @Test("Integers are written as Swift prints them, at every number of digits, in JSON and for other writers")
    func jsonWriterWritesIntegers() {
        var values: [Int] = [0, 1, -1, 9, 10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        while power <= Int.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        for value in values {
            var json = JSONWriter(capacity: 8)
            json.beginArray()
            json.int(value)
            json.beginSpan(start: value, end: value)
            json.endObject()
            json.endArray()
            #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(value),{\"start\":\(value),\"end\":\(value)}]")
            var csv: [UInt8] = [UInt8(ascii: ",")]
            JSONWriter.appendDecimal(value, to: &csv)
            #expect(String(decoding: csv, as: UTF8.self) == ",\(value)")
        }
    }

    @Test("Escaping, eight bytes at a time, agrees with Foundation on every byte at every position")
    func jsonWriterEscapesEveryPosition() throws {
        // Each special byte (and some that are not) at each offset of a 24-byte string, so that it falls in
        // every lane of the 8-byte scan and in the tail; and deep nesting, past the 63 levels kept in bits.
        let specials: [UInt8] = [0x00, 0x08, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7F]
        // Every length from 1 to 24, so the special byte is also in the one-to-seven-byte tail of short
        // strings (copied) and of longer ones (loaded with the bytes before it).
        for special in specials {
            for length in 1...24 {
                for position in 0..<length {
                    var bytes = Array("abcdefghijklmnopqrstuvwx".utf8.prefix(length))
                    bytes[position] = special
                    let text = String(decoding: bytes, as: UTF8.self)
                    var json = JSONWriter(capacity: 8)
                    json.beginArray()
                    json.string(text)
                    json.endArray()
                    let decoded = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
                    #expect(decoded == [text], "byte \(special) at \(position) of \(length)")
                }
            }
        }
        // Long strings are escaped in blocks of 4,096 bytes: specials on either side of each block edge,
        // and a string of nothing but control bytes (six bytes out for each).
        var long = [UInt8](repeating: UInt8(ascii: "k"), count: 10_000)
        for edge in [4096, 8192] { for d in -9...9 { long[edge + d] = specials[(edge + d) % specials.count] } }
        for bytes in [long, [UInt8](repeating: 0x01, count: 9_000)] {
            let text = String(decoding: bytes, as: UTF8.self)
            var json = JSONWriter(capacity: 8)
            json.beginArray()
            json.string(text)
            json.endArray()
            #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String] == [text])
        }
        var json = JSONWriter()
        for _ in 0..<100 { json.beginArray(); json.int(1) }
        for _ in 0..<100 { json.endArray() }
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[1" + String(repeating: ",[1", count: 99) + String(repeating: "]", count: 100))
    }
}

struct TrailingRemovalTests {
    @Test func removingSeveralParagraphsAtTheEndLeavesNoTrailingWhitespace() throws {
        var d = Document(id: "d", text: "Body.\n\nkim@example.com\n\n(END)", source: .init(path: "t"))
        try d.remove([Cut(7..<22, reason: "signature", rule: "r", absorbsWhitespace: true),
                      Cut(24..<29, reason: "signature", rule: "r", absorbsWhitespace: true)])
        #expect(d.text == "Body.")
        #expect(d.removed.map { d.originalSubstring($0.start..<$0.end) } == ["kim@example.com", "(END)"])
    }
}
