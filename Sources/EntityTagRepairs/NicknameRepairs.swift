import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// `Ronald “Bato” Dela Rosa`, `Zedekiah 'Zico' Otieno`: a nickname in quotation marks between the parts of a
/// person's name. The model stops a name at a quotation mark, so the parts come out as two names and the
/// nickname as a third; they are one person.
extension Recognizer {
    /// Joins a name, a quoted capitalized word or two, and the name right after it into one person, when either
    /// name is a person's.
    package func joinNicknames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>) {
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            guard kept[n].label.isName else { continue }
            // The next name after the nickname: skip one candidate lying inside the quotation marks.
            guard let (inner, after) = Self.nickname(b, from: kept[n].end) else { continue }
            var m = n + 1
            while m < kept.count, kept[m].start < after, kept[m].start >= inner.lowerBound, kept[m].end <= inner.upperBound { m += 1 }
            guard m < kept.count, kept[m].start == after, kept[m].label.isName,
                  kept[n].label == .person || kept[m].label == .person else { continue }
            kept[n].end = kept[m].end
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            kept.removeSubrange((n + 1)...m)
        }
    }

    /// After a name ending at `end`: ` “Word” ` or ` "Word Word" ` (one or two capitalized words) and the offset of
    /// the next word, or nil.
    static func nickname(_ b: UnsafeBufferPointer<UInt8>, from end: Int) -> (Range<Int>, Int)? {
        var i = end
        guard i < b.count, b[i] == 0x20 else { return nil }
        i += 1
        guard let open = quoteMark(b, i) else { return nil }
        let start = i + open
        var k = start
        var words = 0
        while k < b.count, words <= 2 {
            guard b[k] >= 0x41, b[k] <= 0x5A else { return nil }
            words += 1
            while k < b.count, WordScanner.isWordByte(b, k, b.count), quoteMark(b, k) == nil { k += 1 }
            if k < b.count, b[k] == 0x20 { k += 1; continue }
            break
        }
        guard words >= 1, words <= 2, k < b.count, let close = quoteMark(b, k) else { return nil }
        let inner = start..<k
        let next = k + close
        guard next < b.count, b[next] == 0x20, next + 1 < b.count, b[next + 1] >= 0x41, b[next + 1] <= 0x5A else { return nil }
        return (inner, next + 1)
    }

    /// The length of a quotation mark at `i` (`"`, `'`, `“`, `”`, `‘`, `’`), or nil.
    static func quoteMark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] == 0x22 || b[i] == 0x27 { return 1 }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] >= 0x98, b[i + 2] <= 0x9D { return 3 }
        return nil
    }
}
