import Foundation
import LedeCore
import LedeIO
import LedeRecord
import LedeText

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

    /// A small deterministic generator (LedeText's SplitMix64), so the corpus is the same on every machine.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let surnames = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon"]
    static let given = ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yoon", "Su-ah", "Ye-jin", "Tae-min", "Ji-woo", "Eun-seo"]
    static let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    /// Documents of four to twelve paragraphs until `bytes` is reached.
    func documents(bytes: Int, seed: UInt64 = 1) -> [String] {
        var result: [String] = []
        forEachDocument(bytes: bytes, seed: seed) { result.append($0) }
        return result
    }

    /// The same documents, one at a time, without holding them.
    func forEachDocument(bytes: Int, seed: UInt64 = 1, _ body: (String) throws -> Void) rethrows {
        var random = Random(state: seed)
        var total = 0
        while total < bytes {
            let count = 4 + random.below(9)
            var parts: [String] = []
            for _ in 0..<count { parts.append(vary(paragraphs[random.below(paragraphs.count)], &random)) }
            let document = parts.joined(separator: "\n\n")
            total += document.utf8.count
            try body(document)
        }
    }

    // Compiled once: `String.range(of:options: .regularExpression)` compiled its pattern on every call, most
    // of the time it took to write a 1 GB corpus.
    static let koreanName = try! NSRegularExpression(pattern: #"\b[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+\b"#)
    static let smallNumber = try! NSRegularExpression(pattern: #"\b\d{1,3}\b"#)

    static func first(_ pattern: NSRegularExpression, in text: String) -> Range<String.Index>? {
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// Replaces one Korean name, one number and one month so repeated paragraphs differ.
    func vary(_ paragraph: String, _ random: inout Random) -> String {
        var text = paragraph
        let name = Self.surnames[random.below(Self.surnames.count)] + " " + Self.given[random.below(Self.given.count)]
        if let r = Self.first(Self.koreanName, in: text) { text.replaceSubrange(r, with: name) }
        if let r = Self.first(Self.smallNumber, in: text) {
            // A day after a month stays a day of the month: "Jan. 34" would teach the tagger's readers nothing.
            let before = text[..<r.lowerBound]
            let isDay = Self.months.contains { before.hasSuffix($0 + " ") }
            text.replaceSubrange(r, with: String(1 + random.below(isDay ? 28 : 500)))
        }
        for month in Self.months where text.contains(month + " ") {
            text = text.replacingOccurrences(of: month + " ", with: Self.months[random.below(12)] + " ")
            break
        }
        return text
    }

    /// Writes the corpus as one text file per document into `folder`, or, when `folder` ends in `.jsonl`,
    /// as one JSON Lines file of `{"id", "text"}` records (the form for batches of millions of documents:
    /// `lede run ... --input FILE.jsonl --format jsonl`). Written as it is generated, so a 1 GB corpus
    /// takes no more memory than a small one.
    func write(to folder: String, bytes: Int) throws -> (files: Int, bytes: Int) {
        if folder.hasSuffix(".jsonl") { return try writeJSONLines(to: folder, bytes: bytes) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files = 0, written = 0
        try forEachDocument(bytes: bytes) { document in
            let path = folder + String(format: "/doc-%07d.txt", files)
            try document.write(toFile: path, atomically: false, encoding: .utf8)
            files += 1
            written += document.utf8.count
        }
        return (files, written)
    }

    /// One JSON Lines file, `{"id":"doc-0000000","text":"..."}` per line; the ids are those of the files.
    private func writeJSONLines(to path: String, bytes: Int) throws -> (files: Int, bytes: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw IOFailure("cannot create the corpus file", path: path)
        }
        defer { try? handle.close() }
        var documents = 0, written = 0
        var json = JSONWriter(capacity: 1 << 20)
        try forEachDocument(bytes: bytes) { document in
            json.beginObject()
            json.key("id"); json.string(String(format: "doc-%07d", documents))
            json.key("text"); json.string(document)
            json.endObject()
            json.raw(0x0A)
            json.resetSeparator()
            documents += 1
            written += document.utf8.count
            if json.count >= 1 << 20 {
                try json.withBytes { try handle.write(contentsOf: Data(buffer: $0)) }
                json.reset()
            }
        }
        try json.withBytes { try handle.write(contentsOf: Data(buffer: $0)) }
        return (documents, written)
    }
}
