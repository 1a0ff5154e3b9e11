import Glibc
import LedeText

/// Two checks on the text a batch was given, made once per document before anything is split: text that is
/// a web page's markup rather than an article, and text that is not English. Neither stops the document;
/// each adds a warning that says what to do, and the run's summary counts warnings.
struct InputChecks: Sendable {
    /// Everyday English words: in English news they are about a third of the words, in German, French,
    /// Spanish or Indonesian news a few in a hundred (`in`, `a`, `so` are words there too).
    static let english = WordSet([
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with", "he", "as", "said",
        "at", "by", "his", "this", "from", "be", "have", "has", "are", "an", "not", "they", "which", "but", "were",
        "had", "their", "who", "been", "will", "would", "she", "her", "its", "there", "more", "after", "also", "we",
        "about", "than", "or", "when", "into", "over", "could", "our", "some", "them", "only", "other",
    ])
    /// Words looked at at most: enough to tell.
    static let sample = 400
    /// Below this share of everyday English words (with at least ``minimumWords`` words), the text is not English.
    static let englishShare = 0.12
    static let minimumWords = 40

    /// The warning for a document whose text looks like HTML or XML, or nil.
    static func markup(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        // Tags are counted in the first 4 KB: `<p>`, `</div>`, `<a href=`, `<!DOCTYPE`, `<?xml`. memchr finds
        // each `<`, since most texts have none.
        let n = min(b.count, 4096)
        guard let base = b.baseAddress, n > 2 else { return nil }
        var tags = 0
        var i = 0
        while i + 2 < n, let found = memchr(base + i, 0x3C, n - 2 - i) {
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let c = b[i + 1]
            if WordScanner.isLetter(c) || c == 0x2F || c == 0x21 || c == 0x3F {
                // A tag closes on the same line within 200 bytes.
                var k = i + 2
                while k < n, k < i + 200, b[k] != 0x3E, b[k] != 0x0A { k += 1 }
                if k < n, b[k] == 0x3E { tags += 1 }
            }
            i += 1
        }
        guard tags >= 5 else { return nil }
        return "the text looks like HTML or XML (\(tags) tags in its first 4 KB): give web pages with --format html " +
            "(or input: { format: html }) so that the article is extracted from the page"
    }

    /// The warning for a document whose words are seldom everyday English words, or nil. The words are the
    /// shared scanner's, those of the first 2 KB and at most ``sample`` of them; numbers are not counted.
    static func language(_ b: UnsafeBufferPointer<UInt8>, scanner: WordScanner) -> String? {
        let english = Self.english
        let head = UnsafeBufferPointer(rebasing: b[..<min(b.count, 2048)])
        var words = 0
        var common = 0
        scanner.scan(head, 0..<head.count, punctuation: false) { token in
            guard !WordScanner.isDigit(head[token.start]) else { return true }
            words += 1
            if english.contains(head, token.stem) { common += 1 }
            return words < sample
        }
        guard words >= minimumWords else { return nil }
        let share = Double(common) / Double(words)
        guard share < englishShare else { return nil }
        return "the text does not look like English (\(Int((share * 100).rounded()))% of its first \(words) words are " +
            "everyday English words, against about a third in English news): Lede's stages are built for English, " +
            "so its entities, quotes and captions may be wrong"
    }
}
