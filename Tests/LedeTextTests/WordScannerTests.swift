@testable import LedeText
import Testing

/// The word scanner's eight-at-a-time step must agree with its byte-by-byte definition.
struct WordScannerTests {
    @Test("asciiWordRun counts the leading ASCII letters and digits, for every byte value in every lane")
    func asciiWordRunMatchesBytewise() {
        func isASCIIWord(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        for byte in 0...255 {
            for lane in 0..<8 {
                for filler: UInt8 in [0x61, 0x5A, 0x35, 0x20] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[lane] = UInt8(byte)
                    var w: UInt64 = 0
                    for (k, c) in bytes.enumerated() { w |= UInt64(c) << (8 * UInt64(k)) }
                    let expected = bytes.firstIndex { !isASCIIWord($0) } ?? 8
                    #expect(WordScanner.asciiWordRun(w) == expected, "byte \(byte) in lane \(lane), filler \(filler)")
                }
            }
        }
    }
}

/// The one tokenizer of entity-tag and quote-extract: what is a word, what is punctuation, and which periods
/// and apostrophes belong to a word.
struct SharedWordScannerTests {
    /// The tokens of `text` as strings, punctuation marked with its kind.
    func tokens(_ text: String, punctuation: Bool = true) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var out: [String] = []
            WordScanner().scan(b, 0..<b.count, punctuation: punctuation) { t in
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[t.range]), as: UTF8.self)
                out.append(t.kind == .word ? s : "\(t.kind):\(s)")
                return true
            }
            return out
        }
    }

    @Test("titles, months, initials and initialisms keep their period; a sentence's period does not")
    func periods() {
        #expect(tokens("Gov. Kim met Dr. J. K. Rowling on Oct. 5 in the U.S. at 9 a.m. today.") == [
            "Gov.", "Kim", "met", "Dr.", "J.", "K.", "Rowling", "on", "Oct.", "5", "in", "the", "U.S.", "at", "9", "a.m.",
            "today", "stop:.",
        ])
        // An everyday word that is also an abbreviation somewhere (`ill.` for Illinois) ends a sentence here.
        #expect(tokens("He fell ill.") == ["He", "fell", "ill", "stop:."])
    }

    @Test("inner hyphens and apostrophes, digit separators, possessives and a plural's apostrophe")
    func words() {
        #expect(tokens("Park Ji-hoon's O'Brien 15,000 3.5 workers' Jones’ rock-‘n’-roll") == [
            "Park", "Ji-hoon's", "O'Brien", "15,000", "3.5", "workers'", "Jones’", "rock", "dash:-", "quote:‘", "n",
            "quote:’", "dash:-", "roll",
        ])
        let bytes = Array("Moody’s and Moody's".utf8)
        bytes.withUnsafeBufferPointer { b in
            var possessives: [UInt8] = []
            WordScanner().scan(b, 0..<b.count, punctuation: false) { possessives.append($0.possessive); return true }
            #expect(possessives == [4, 0, 2])
        }
    }

    @Test("a closing single quotation mark after a word that does not end in s is punctuation")
    func closingQuote() {
        #expect(tokens("Zedekiah ‘Zico’ Otieno") == ["Zedekiah", "quote:‘", "Zico", "quote:’", "Otieno"])
    }

    @Test("what separates a word from the one before")
    func gaps() {
        let bytes = Array("A B, Cat. D\nE — F".utf8)
        let gaps: [Token.Gap] = bytes.withUnsafeBufferPointer { b in
            var out: [Token.Gap] = []
            WordScanner().scan(b, 0..<b.count, punctuation: false) { out.append($0.gap); return true }
            return out
        }
        #expect(gaps == [.other, .space, .comma, .stop, .other, .other])
    }

    @Test("no-break and other Unicode spaces part words; symbols and guillemets are no letters")
    func unicode() {
        #expect(tokens("São\u{00A0}Paulo\u{2009}x «Tóquio» 50°") == ["São", "Paulo", "x", "quote:«", "Tóquio", "quote:»", "50", "other:°"])
    }
}
