import CleanCaptionsFeatures
import LedeText

/// The tests of a date's stamp: the counter a template prints after it, the day it names, a line that says when the
/// story was last updated.
extension PageLines {
    /// A stamp line without the counters a template prints after it, each two spaces or a spaced dash away: `May 3, 2024 at
    /// 9:00 AM  Count : 55`, `3 May 2024 09:00 - 137 - {{views.hits}}` give the stamp alone. A line with none is given whole.
    package static func withoutCounter(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Range<Int> {
        var stamp = p
        for _ in 0..<3 {
            let shorter = withoutLastCounter(b, stamp)
            if shorter == stamp { break }
            stamp = shorter
        }
        return stamp
    }

    /// The line without its last counter (a figure, perhaps labelled, or a template's placeholder, `{{views.hits}}`), or whole.
    static func withoutLastCounter(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Range<Int> {
        var e = p.upperBound, digits = 0, slot = false
        if p.count > 4, b[e - 1] == UInt8(ascii: "}"), b[e - 2] == UInt8(ascii: "}") {
            // (A placeholder counts as a figure.)
            while e > p.lowerBound + 1, !(b[e - 1] == UInt8(ascii: "{") && b[e - 2] == UInt8(ascii: "{")) { e -= 1 }
            guard e > p.lowerBound + 1 else { return p }
            e -= 2
            digits = 1
            slot = true
        }
        while !slot, e > p.lowerBound, ParagraphScan.isDigit(b[e - 1]) || b[e - 1] == UInt8(ascii: ",") {
            if ParagraphScan.isDigit(b[e - 1]) { digits += 1 }
            e -= 1
        }
        guard digits > 0, digits <= 9 else { return p }
        // (`Count : 55`, `Views: 1,204`: a label of one word and a colon before the figure.)
        var k = e
        while k > p.lowerBound, b[k - 1] == 0x20 { k -= 1 }
        if k > p.lowerBound, b[k - 1] == UInt8(ascii: ":") {
            k -= 1
            while k > p.lowerBound, b[k - 1] == 0x20 { k -= 1 }
            let wordEnd = k
            while k > p.lowerBound, ParagraphScan.isLetter(b[k - 1]) { k -= 1 }
            guard wordEnd - k >= 2, wordEnd - k <= 12 else { return p }
        } else {
            k = e
        }
        var s = k
        while s > p.lowerBound, b[s - 1] == 0x20 { s -= 1 }
        if k - s >= 2 { return p.lowerBound..<s }
        guard k - s == 1, s > p.lowerBound + 1, b[s - 1] == UInt8(ascii: "-"), b[s - 2] == 0x20 else { return p }
        s -= 1
        while s > p.lowerBound, b[s - 1] == 0x20 { s -= 1 }
        return p.lowerBound..<s
    }

    /// The day a date names, its day, month and year all given (`Tuesday, 21 January, 2020`, `Jan. 21, 2020 at 9:00 AM`),
    /// as one number, `20200121`; nil when one of the three is missing.
    package static func calendarDay(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int? {
        var day = 0, month = 0, year = 0, i = p.lowerBound
        while i < p.upperBound {
            while i < p.upperBound, b[i] == 0x20 || b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ".") { i += 1 }
            let start = i
            while i < p.upperBound, b[i] != 0x20, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: ".") { i += 1 }
            let token = start..<i
            guard !token.isEmpty else { continue }
            if month == 0, token.count >= 3, token.allSatisfy({ ParagraphScan.isLetter(b[$0]) }) {
                month = monthNumber(b, token)
            } else if ParagraphScan.isDigit(b[start]) {
                var d = start, value = 0
                while d < i, ParagraphScan.isDigit(b[d]) { value = value * 10 + Int(b[d] - 0x30); d += 1 }
                // (`21st`, `3rd`: a day's ordinal ending; a clock time, `9:00`, is no day.)
                let suffix = i - d
                if d - start == 4, suffix == 0, year == 0, value >= 1900 { year = value }
                if d - start <= 2, day == 0, value >= 1, value <= 31,
                   suffix == 0 || suffix == 2 && b[start..<i].allSatisfy({ $0 != UInt8(ascii: ":") }) && ParagraphScan.isLetter(b[d]) { day = value }
            }
        }
        guard day > 0, month > 0, year > 0 else { return nil }
        return year * 10_000 + month * 100 + day
    }

    /// The month a word names by its first three letters (`Jan`, `January`), or 0.
    static func monthNumber(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Int {
        let names: [StaticString] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        for (k, name) in names.enumerated() where startsWithFolded(b, w, name) { return k + 1 }
        return 0
    }

    /// Whether a line says when the story was last updated, with the date's year: `and last updated 2024-05-03 10:48`,
    /// `Last updated: May 3, 2024`, `Updated on 3 May 2024 at 9:00`, `Last updated: Fri 3 May 2024, 9:00 AM`. (`Updated 2 hours ago` gives no date.)
    package static func updatedOn(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, model: RoleModel) -> Bool {
        guard p.count <= 64, let d = published(b, p, model: model) else { return false }
        var i = p.lowerBound
        for word: StaticString in ["and ", "last "] where startsWithFolded(b, i..<d.lowerBound, word) { i += word.utf8CodeUnitCount }
        guard startsWithFolded(b, i..<d.lowerBound, "updated") else { return false }
        i += 7
        while i < d.lowerBound, b[i] == 0x20 || b[i] == UInt8(ascii: ":") { i += 1 }
        if startsWithFolded(b, i..<d.lowerBound, "on ") || startsWithFolded(b, i..<d.lowerBound, "at ") { i += 3 }
        // (A weekday's short name before the date, `Last updated: Mon 6 May 2024`.)
        if d.lowerBound - i >= 4, d.lowerBound - i <= 6, ParagraphScan.isLetter(b[i]) {
            var k = i
            while k < d.lowerBound, ParagraphScan.isLetter(b[k]) { k += 1 }
            if k - i == 3, (k..<d.lowerBound).allSatisfy({ b[$0] == 0x20 || b[$0] == UInt8(ascii: ",") || b[$0] == UInt8(ascii: ".") }),
               (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as [StaticString]).contains(where: { startsWithFolded(b, i..<k, $0) }) { i = d.lowerBound }
        }
        guard i == d.lowerBound else { return false }
        var run = 0
        for k in d where run < 4 { run = ParagraphScan.isDigit(b[k]) ? run + 1 : 0 }
        return run == 4
    }
}
