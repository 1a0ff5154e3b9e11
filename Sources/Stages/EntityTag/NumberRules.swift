import Kernel

/// Dates and counts found by scanning bytes: `Oct. 28`, `December 24th`, `on the 24th`, `2024`,
/// `around 15,000`, `more than 60`.
enum NumberRules {
    static let months: [(String, Bool)] = [
        ("January", false), ("February", false), ("March", false), ("April", false), ("May", false), ("June", false),
        ("July", false), ("August", false), ("September", false), ("October", false), ("November", false),
        ("December", false), ("Jan.", true), ("Feb.", true), ("Mar.", true), ("Apr.", true), ("Aug.", true),
        ("Sept.", true), ("Sep.", true), ("Oct.", true), ("Nov.", true), ("Dec.", true),
    ]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let qualifiers = ["more than ", "around ", "about ", "nearly ", "almost ", "over ", "some ", "at least ", "up to ", "roughly "]
    /// The qualifiers, also capitalised (`More than 60` at the start of a sentence), built once.
    static let allQualifiers = qualifiers + qualifiers.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    /// Month names first (their index tells a month from a weekday), then weekdays, built once.
    static let dateWords = months.map(\.0) + weekdays

    static func find(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        var i = 0
        let n = b.count
        let dateWords = Self.dateWords, allQualifiers = Self.allQualifiers
        while i < n {
            let c = b[i]
            let atWordStart = i == 0 || !isWordChar(b[i - 1])
            if atWordStart, c >= 0x41, c <= 0x5A, let (end, isMonth) = matchWord(b, i, dateWords) {
                var e = end
                if isMonth {
                    // Month [day][th][, year] | Month of this year | Month year
                    let dayEnd = digitsEnd(b, skip(b, e, " "))
                    if dayEnd > skip(b, e, " ") {
                        e = dayEnd
                        e = ordinalEnd(b, e)
                        if e + 2 < n, b[e] == 0x2C, b[e + 1] == 0x20, digitsEnd(b, e + 2) == e + 6 { e += 6 }
                    }
                    for tail in [" of this year", " of last year", " this year", " last year", " next year"] where hasPrefix(b, e, tail) {
                        e += tail.utf8.count
                        break
                    }
                }
                spans.append(Span(start: i, end: e, label: "DATE", attributes: ["canonical": .null]))
                i = e
                continue
            }
            if atWordStart, c >= 0x30, c <= 0x39 {
                var e = i
                while e < n, (b[e] >= 0x30 && b[e] <= 0x39) || (b[e] == 0x2C && e + 1 < n && b[e + 1] >= 0x30 && b[e + 1] <= 0x39) { e += 1 }
                if e < n, b[e] == 0x2E, e + 1 < n, b[e + 1] >= 0x30, b[e + 1] <= 0x39 { i = digitsEnd(b, e + 1); continue }
                if e < n, isWordChar(b[e]) && !isOrdinal(b, e) { i = e; continue }
                var start = i
                let length = e - i
                let ordinal = ordinalEnd(b, e)
                if ordinal > e {
                    // `the 24th` is a date in news copy.
                    if i >= 4, hasPrefix(b, i - 4, "the ") { start = i - 4 }
                    spans.append(Span(start: start, end: ordinal, label: "DATE", attributes: ["canonical": .null]))
                    i = ordinal
                    continue
                }
                if length == 4, let year = Int(String(decoding: UnsafeBufferPointer(rebasing: b[i..<e]), as: UTF8.self)),
                   (1900...2100).contains(year) {
                    if i >= 3, hasPrefix(b, i - 3, "in ") || hasPrefix(b, i - 3, "of ") {
                        spans.append(Span(start: i, end: e, label: "DATE", attributes: ["canonical": .null]))
                        i = e
                        continue
                    }
                }
                for q in allQualifiers where i >= q.utf8.count && hasPrefix(b, i - q.utf8.count, q) {
                    let qs = i - q.utf8.count
                    if qs == 0 || !isWordChar(b[qs - 1]) { start = qs; break }
                }
                spans.append(Span(start: start, end: e, label: "CARDINAL", attributes: ["canonical": .null]))
                i = e
                continue
            }
            i += 1
        }
        return spans
    }

    static func isWordChar(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c >= 0x80 }

    static func matchWord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ words: [String]) -> (Int, Bool)? {
        for (k, word) in words.enumerated() where hasPrefix(b, i, word) {
            let e = i + word.utf8.count
            if word.hasSuffix(".") || e >= b.count || !isWordChar(b[e]) { return (e, k < months.count) }
        }
        return nil
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: String) -> Bool {
        var k = i
        for byte in word.utf8 {
            guard k < b.count, b[k] == byte else { return false }
            k += 1
        }
        return true
    }

    static func skip(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: String) -> Int { hasPrefix(b, i, s) ? i + s.utf8.count : i }

    static func digitsEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var e = i
        while e < b.count, b[e] >= 0x30, b[e] <= 0x39 { e += 1 }
        return e
    }

    static func isOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool { ordinalEnd(b, e) > e }

    static func ordinalEnd(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Int {
        for suffix in ["st", "nd", "rd", "th"] where hasPrefix(b, e, suffix) {
            let end = e + 2
            if end >= b.count || !isWordChar(b[end]) { return end }
        }
        return e
    }
}
