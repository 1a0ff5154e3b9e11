import Foundation
import Kernel

/// Synthetic news, generated deterministically from the sample articles: paragraphs shuffled across
/// articles, with names, numbers and dates varied, so that no two documents are identical but every
/// difficulty of the samples (captions, credits, quotes, abbreviations) recurs throughout.
struct SyntheticCorpus {
    let paragraphs: [String]

    init(samplesFolder: String) throws {
        var found: [String] = []
        for file in Paths.files(under: samplesFolder) where file.hasSuffix(".txt") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for range in TextLayout.paragraphs(of: text, mode: .auto) {
                let utf8 = Array(text.utf8)
                let paragraph = String(decoding: utf8[range], as: UTF8.self)
                if paragraph != "---" { found.append(paragraph) }
            }
        }
        guard !found.isEmpty else { throw IOFailure("no sample paragraphs found", path: samplesFolder) }
        paragraphs = found
    }

    /// A small deterministic generator (SplitMix64), so the corpus is the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let surnames = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon"]
    static let given = ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yoon", "Su-ah", "Ye-jin", "Tae-min", "Ji-woo", "Eun-seo"]
    static let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    /// Documents of four to twelve paragraphs until `bytes` is reached.
    func documents(bytes: Int, seed: UInt64 = 1) -> [String] {
        var random = Random(state: seed)
        var result: [String] = []
        var total = 0
        while total < bytes {
            let count = 4 + random.below(9)
            var parts: [String] = []
            for _ in 0..<count { parts.append(vary(paragraphs[random.below(paragraphs.count)], &random)) }
            let document = parts.joined(separator: "\n\n")
            total += document.utf8.count
            result.append(document)
        }
        return result
    }

    /// Replaces one Korean name, one number and one month so repeated paragraphs differ.
    func vary(_ paragraph: String, _ random: inout Random) -> String {
        var text = paragraph
        let name = Self.surnames[random.below(Self.surnames.count)] + " " + Self.given[random.below(Self.given.count)]
        if let r = text.range(of: #"\b[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+\b"#, options: .regularExpression) {
            text.replaceSubrange(r, with: name)
        }
        if let r = text.range(of: #"\b\d{1,3}\b"#, options: .regularExpression) {
            text.replaceSubrange(r, with: String(1 + random.below(500)))
        }
        for month in Self.months where text.contains(month + " ") {
            text = text.replacingOccurrences(of: month + " ", with: Self.months[random.below(12)] + " ")
            break
        }
        return text
    }

    /// Writes the corpus as text files of about 1 MB each (for `lede run` benchmarks).
    func write(to folder: String, bytes: Int) throws -> (files: Int, bytes: Int) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files = 0, written = 0
        for (i, document) in documents(bytes: bytes).enumerated() {
            let path = folder + String(format: "/doc-%07d.txt", i)
            try document.write(toFile: path, atomically: false, encoding: .utf8)
            files += 1
            written += document.utf8.count
        }
        return (files, written)
    }
}
