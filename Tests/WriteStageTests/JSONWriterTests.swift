import Foundation
import LedeRecord
import Testing

/// The JSON writer's fast paths give what a JSON reader reads back: strings escaped wherever the first
/// byte to escape falls (before, inside or after the first words of eight), and integers of every length.
struct JSONWriterTests {
    @Test("Strings and integers read back as written, whatever their length and wherever an escape falls")
    func roundTrip() throws {
        var strings: [String] = ["", "a", "\"", "\n", "é", "東京"]
        for length in 1...40 {
            let plain = String(repeating: "x", count: length)
            strings.append(plain)
            for at in [0, length / 2, length - 1] {
                for escape in ["\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "é"] {
                    var chars = Array(plain)
                    chars[at] = Character(escape)
                    strings.append(String(chars))
                }
            }
        }
        let numbers = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10_000, 10_001, 123_456, -1, -10, -9999, Int.max, Int.min]
        var json = JSONWriter()
        json.beginArray()
        for s in strings { json.string(s) }
        for n in numbers { json.int(n) }
        json.endArray()
        let values = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [Any])
        #expect(values.prefix(strings.count).compactMap { $0 as? String } == strings)
        #expect(values.dropFirst(strings.count).compactMap { ($0 as? NSNumber)?.int64Value } == numbers.map(Int64.init))
    }
}
