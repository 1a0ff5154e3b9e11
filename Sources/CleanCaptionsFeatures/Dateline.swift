
/// A dateline at the start of a paragraph: `LITTLE ROCK, Ark. (AP) —`, `SEOUL, Nov. 20 (Yonhap) --`,
/// `WASHINGTON —`. Read over bytes: a place in capitals, an optional state or date after a comma, an
/// optional agency in parentheses, then a dash (or the end of the paragraph).
package struct Dateline {
    /// The whole dateline, dash included.
    package var range: Range<Int>
    /// The place, with its state (`LITTLE ROCK, Ark.`).
    package var place: Range<Int>
    /// The date after the place (`Nov. 20`), if any.
    package var date: Range<Int>?
    /// The agency in parentheses, if any.
    package var agency: Range<Int>?

    package init?(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
        var i = r.lowerBound
        // The place: capitalised words, at least three capital letters, no lowercase.
        var letters = 0
        while i < r.upperBound {
            let c = b[i]
            if c >= 0x41 && c <= 0x5A { letters += 1 } else if c == 0x20 || c == 0x2E || c == 0x27 || c == 0x2D {
                if c == 0x20, i + 1 < r.upperBound, !(b[i + 1] >= 0x41 && b[i + 1] <= 0x5A) { break }
            } else { break }
            i += 1
        }
        if i < r.upperBound, b[i] >= 0x61 && b[i] <= 0x7A { return nil }
        var placeEnd = i
        while placeEnd > r.lowerBound, b[placeEnd - 1] == 0x20 { placeEnd -= 1 }
        guard letters >= 3, placeEnd > r.lowerBound else { return nil }
        var place = r.lowerBound..<placeEnd
        var date: Range<Int>?
        var agency: Range<Int>?
        i = placeEnd
        // `, Ark.` or `, Nov. 20`: up to three words that start with a capital or a digit.
        if i + 2 < r.upperBound, b[i] == UInt8(ascii: ","), b[i + 1] == 0x20 {
            var j = i + 2, words = 0, end = j
            while j < r.upperBound, words < 3 {
                let c = b[j]
                guard (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) else { break }
                while j < r.upperBound, b[j] != 0x20, b[j] != UInt8(ascii: "(") { j += 1 }
                words += 1
                end = j
                while j < r.upperBound, b[j] == 0x20 { j += 1 }
                if j < r.upperBound, b[j] == UInt8(ascii: "(") || b[j] == UInt8(ascii: "-") || b[j] == 0xE2 { break }
            }
            if words > 0 {
                let part = (i + 2)..<end
                if Self.startsWithMonth(b, part) { date = part } else { place = r.lowerBound..<end }
                i = end
            }
        }
        var j = i
        while j < r.upperBound, b[j] == 0x20 { j += 1 }
        if j < r.upperBound, b[j] == UInt8(ascii: "(") {
            var k = j + 1
            while k < r.upperBound, k - j < 32, b[k] != UInt8(ascii: ")") { k += 1 }
            guard k < r.upperBound, b[k] == UInt8(ascii: ")"), k > j + 1, b[j + 1] >= 0x41 && b[j + 1] <= 0x5A else { return nil }
            agency = (j + 1)..<k
            j = k + 1
            while j < r.upperBound, b[j] == 0x20 { j += 1 }
        }
        // The dash, or the end of the paragraph.
        var end = j
        if j == r.upperBound {
            guard agency != nil || date != nil else { return nil }
        } else if j + 2 < r.upperBound, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0x94 || b[j + 2] == 0x93 {
            end = j + 3
        } else if j + 1 < r.upperBound, b[j] == UInt8(ascii: "-") {
            end = b[j + 1] == UInt8(ascii: "-") ? j + 2 : j + 1
        } else if j == i || agency == nil, j + 2 < r.upperBound, b[j] == UInt8(ascii: ":"), letters >= 4, !Self.isLabel(b, r.lowerBound..<placeEnd) {
            // `ALOR SETAR: Police have ...`, `PESHAWAR, 24 October: Police ...`, glued too (`KARACHI:Police`): the place and a
            // colon, then the text's first word, capitalized. (A label in capitals, `UPDATE:`, `WATCH:`, is no place.)
            var k = j + 1
            if b[k] == 0x20 { k += 1 }
            guard k < r.upperBound, b[k] >= 0x41 && b[k] <= 0x5A || b[k] == UInt8(ascii: "\"") || b[k] == 0xE2 else { return nil }
            end = j + 1
            guard end == r.upperBound || b[end] == 0x20 || b[end] >= 0x41 && b[end] <= 0x5A else { return nil }
            range = r.lowerBound..<end
            self.place = place
            self.date = date
            self.agency = agency
            return
        } else {
            return nil
        }
        guard end == r.upperBound || b[end] == 0x20 else { return nil }
        range = r.lowerBound..<end
        self.place = place
        self.date = date
        self.agency = agency
    }

    /// Words in capitals that open a line with a colon as a label, not as a place: a caption's kicker, a teaser's
    /// label, a note.
    package static func isLabel(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var e = r.lowerBound
        while e < r.upperBound, b[e] >= 0x41 && b[e] <= 0x5A { e += 1 }
        let first = r.lowerBound..<e
        for word: StaticString in ["UPDATE", "UPDATED", "WATCH", "VIDEO", "LISTEN", "BREAKING", "EXCLUSIVE", "READ", "ALSO", "PHOTO", "PHOTOS",
                                   "PICTURE", "PICTURED", "FILE", "FLASHBACK", "ABOVE", "BELOW", "LEFT", "RIGHT", "TOP", "INSET", "MAIN", "NOTE",
                                   "EDITOR", "EDITORS", "CORRECTION", "CLARIFICATION", "WARNING", "ALERT", "LIVE", "OPINION", "ANALYSIS",
                                   "COMMENT", "EDITORIAL", "LETTERS", "LETTER", "SOURCE", "SOURCES", "CREDIT", "IMAGE", "DISCLAIMER", "NB",
                                   "PS", "TAGS", "TAG", "TOPICS", "RELATED", "MORE", "SEE", "QUOTE", "FACT", "FACTS", "TIP", "TIPS", "Q", "A"]
            where e - r.lowerBound == word.utf8CodeUnitCount && startsWith(b, first, word) { return true }
        return false
    }

    package static func startsWithMonth(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for m: StaticString in ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
            where startsWith(b, r, m) { return true }
        return false
    }
}
