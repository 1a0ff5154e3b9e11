#if canImport(Glibc)
import Glibc
#endif

/// Inline list markers in a paragraph: bullets, and enumerators (`1.`, `2.)`, `3)`, `a.`) that count up from
/// one at the start of the paragraph. A new sentence starts before each marker after the first, and the
/// period inside a marker never ends a sentence.
struct ListMarkers {
    /// Offsets where a new sentence starts.
    var starts: Set<Int> = []
    /// Offsets of periods that belong to markers.
    var periods: Set<Int> = []

    init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        // Cheap exit: most paragraphs have no bullet and do not start with an enumerator.
        let head = skipBullet(b, skipSpace(b, start, end), end)
        let firstMarker = Self.enumerator(b, head, end)
        var hasBullet = false
        var k = start
        while k + 2 < end, let found = memchr(b.baseAddress! + k, 0xE2, end - 2 - k) {
            k = b.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if Self.bulletLength(b, k, end) > 0 { hasBullet = true; break }
            k += 1
        }
        guard firstMarker != nil || hasBullet else { return }

        // Bullets after the start of the paragraph.
        var i = start
        while i < end {
            let length = Self.bulletLength(b, i, end)
            if length > 0 {
                if i > start, isSpace(b[i - 1]) { starts.insert(i) }
                i += length
            } else {
                i += 1
            }
        }

        // Enumerators counting up from the one at the head of the paragraph.
        guard var expected = firstMarker else { return }
        if let p = expected.period { periods.insert(p) }
        i = expected.end
        while i < end {
            let atWordStart = isSpace(b[i - 1]) || Self.bulletEnds(b, at: i, start: start)
            if atWordStart, let marker = Self.enumerator(b, i, end), marker.style == expected.style,
               marker.value == expected.value + 1 {
                starts.insert(i)
                if let p = marker.period { periods.insert(p) }
                expected = marker
                i = marker.end
                continue
            }
            i += 1
        }
    }

    struct Enumerator {
        var value: Int
        var style: UInt8
        var period: Int?
        var end: Int
    }

    /// `12.` `12.)` `12)` `a.` followed by a space.
    static func enumerator(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Enumerator? {
        var k = i
        var value = 0
        var isLetter = false
        while k < end, k - i < 2, b[k] >= 0x30, b[k] <= 0x39 {
            value = value * 10 + Int(b[k] - 0x30)
            k += 1
        }
        if k == i {
            guard k < end, b[k] >= 0x61, b[k] <= 0x7A else { return nil }
            value = Int(b[k] - 0x60)
            isLetter = true
            k += 1
        }
        guard k < end else { return nil }
        var style: UInt8
        var period: Int?
        if b[k] == 0x2E {
            period = k
            k += 1
            if k < end, b[k] == 0x29 { style = 2; k += 1 } else { style = 1 }
        } else if b[k] == 0x29, !isLetter {
            style = 3
            k += 1
        } else {
            return nil
        }
        guard k < end, b[k] == 0x20 else { return nil }
        return Enumerator(value: value, style: style + (isLetter ? 10 : 0), period: period, end: k)
    }

    /// •, ‣, ⁃, ◦ and ▪ (all three bytes in UTF-8).
    static func bulletLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 2 < end else { return 0 }
        let (c0, c1, c2) = (b[i], b[i + 1], b[i + 2])
        if c0 == 0xE2, c1 == 0x80, c2 == 0xA2 || c2 == 0xA3 { return 3 }
        if c0 == 0xE2, c1 == 0x81, c2 == 0x83 { return 3 }
        if c0 == 0xE2, c1 == 0x97, c2 == 0xA6 { return 3 }
        if c0 == 0xE2, c1 == 0x96, c2 == 0xAA { return 3 }
        return 0
    }

    static func bulletEnds(_ b: UnsafeBufferPointer<UInt8>, at i: Int, start: Int) -> Bool {
        i - 3 >= start && bulletLength(b, i - 3, i) == 3
    }
}

func skipBullet(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    let length = ListMarkers.bulletLength(b, i, end)
    return length > 0 ? skipSpace(b, i + length, end) : i
}
