import Foundation
import LedeIO
import LedeText
import Testing

/// The JSON reader must read what Foundation's JSONDecoder reads into a JSONValue, and refuse what it refuses.
struct JSONReaderTests {
    static func viaFoundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let valid = [
        #"{}"#, #"[]"#, #"  {"a" : 1 , "b":[true,false,null]}  "#, #"{"id":"x","text":"Line one\nline \"two\"\t\\ \/ end"}"#,
        #""just a string""#, "0", "-0", "12", "-7", "1.0", "1.5", "1e2", "1E+2", "2.5e-3", "-0.0", "1.5e1",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "12345678901234567890", "3.141592653589793",
        #"{"u":"\u00e9\u4e2d\ud83d\ude00\u0041","k":"한국어 텍스트","e":"\b\f\r"}"#, #"{"nul":"a\u0000b"}"#,
        #"{"dup":1,"dup":2}"#, "[1,]", #"{"a":1, }"#, #"[[[[[]]]]]"#, #"{"a":{"b":{"c":[1,{"d":null}]}}}"#, "\t\n\r [1,\n2]\r\n",
        #"{"text":"no escapes at all, just a long plain string with “curly quotes” and emoji 😀"}"#,
    ]

    static let invalid = [
        "", " ", "{", "}", "[,]", "[1,,]", #"{,}"#, #"{"a" 1}"#, #"{a:1}"#, "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
        #""unclosed"#, "\"tab\tinside\"", "\"line\ninside\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00""#,
        #""\ud800\u0041""#, "[1] x", "{} {}", #"{"a":1}}"#, "NaN", "Infinity", "[1 2]", "'single'",
    ]

    @Test("Valid JSON reads as JSONDecoder reads it: numbers, escapes, surrogate pairs, repeated keys, a last comma, nesting")
    func matchesFoundationOnValidText() throws {
        for text in Self.valid {
            let expected = try #require(Self.viaFoundation(text), "JSONDecoder refused \(text.debugDescription)")
            #expect(try JSONReader.parse(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("Invalid JSON is refused, as JSONDecoder refuses it, with where it went wrong")
    func refusesWhatFoundationRefuses() {
        for text in Self.invalid {
            #expect(Self.viaFoundation(text) == nil, "JSONDecoder read \(text.debugDescription)")
            #expect(throws: JSONReader.SyntaxError.self, "\(text.debugDescription)") { try JSONReader.parse(text) }
        }
        do {
            _ = try JSONReader.parse("[1 2]")
            Issue.record("[1 2] was read")
        } catch {
            #expect(error.description == "',' or ']' was expected at byte 4")
        }
    }

    @Test("Every ASCII byte at every place in a string, escaped and not, reads as JSONDecoder reads it")
    func everyByteInEveryLane() {
        for byte in 0..<0x80 {
            for place in 0..<19 {
                for prefix in ["", #"\n"#] {
                    var text = "\"" + prefix + String(repeating: "a", count: place)
                    text.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
                    text += String(repeating: "b", count: 18 - place) + "\""
                    let expected = Self.viaFoundation(text)
                    let got = try? JSONReader.parse(text)
                    #expect(got == expected, "byte \(byte) at \(place) after \(prefix.debugDescription)")
                }
            }
        }
    }

    @Test("Nesting deeper than the limit is an error, not a crash; at the limit it reads")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: JSONReader.maxDepth + 1) + String(repeating: "]", count: JSONReader.maxDepth + 1)
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(deep) }
        let limit = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        _ = try JSONReader.parse(limit)
        let huge = String(repeating: "[", count: 200_000)
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(huge) }
    }

    @Test("Random records like those of a JSON Lines input read as JSONDecoder reads them")
    func randomRecords() throws {
        var generator = SplitMix64(seed: 11)
        func next() -> UInt64 { generator.next() >> 1 }
        let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\t", "é", "한", "😀", "\u{0001}", "/", "“", "0", "{", "]"]
        for _ in 0..<500 {
            var fields: [String: Any] = [:]
            for k in 0..<Int(next() % 6) {
                switch next() % 5 {
                case 0: fields["n\(k)"] = Int(truncatingIfNeeded: next() << 20) - (1 << 40)
                case 1: fields["d\(k)"] = Double(next() % 100_000) / 64
                case 2: fields["b\(k)"] = next() % 2 == 0
                case 3: fields["l\(k)"] = [1, "x", NSNull()] as [Any]
                default: fields["s\(k)"] = (0..<Int(next() % 30)).map { _ in pieces[Int(next()) % pieces.count] }.joined()
                }
            }
            fields["text"] = (0..<Int(next() % 200)).map { _ in pieces[Int(next()) % pieces.count] }.joined()
            let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            let expected = try #require(Self.viaFoundation(text))
            #expect(try JSONReader.parse(text) == expected, "\(text.debugDescription)")
        }
    }
}
