import LedeText


/// The OntoNotes labels entity-tag writes.
///
/// `@usableFromInline`, as ``Word`` is, so that its `@inlinable` members are inlined in the rules' and the
/// stage's modules: the compiler keeps the body of an `@inlinable` member of a package type that is not
/// `@usableFromInline` to itself, silently, and every use stays a call.
@usableFromInline package enum EntityLabel: String, CaseIterable, Sendable {
    case person = "PERSON", org = "ORG", gpe = "GPE", norp = "NORP", date = "DATE", cardinal = "CARDINAL"
    case loc = "LOC", time = "TIME", percent = "PERCENT", money = "MONEY", quantity = "QUANTITY"
    case event = "EVENT", law = "LAW", ordinal = "ORDINAL"
    case fac = "FAC", product = "PRODUCT", workOfArt = "WORK_OF_ART"

    /// The label's own bit, for sets of labels.
    ///
    /// This and the other small members here are `@inlinable` because the rules and the stage live in other
    /// modules: without it each use was a call (`isName` alone was asked 700,000 times per MB).
    @inlinable package var bit: UInt32 {
        switch self {
        case .person: 1 << 0
        case .org: 1 << 1
        case .gpe: 1 << 2
        case .norp: 1 << 3
        case .date: 1 << 4
        case .cardinal: 1 << 5
        case .loc: 1 << 6
        case .time: 1 << 7
        case .percent: 1 << 8
        case .money: 1 << 9
        case .quantity: 1 << 10
        case .event: 1 << 11
        case .law: 1 << 12
        case .ordinal: 1 << 13
        case .fac: 1 << 14
        case .product: 1 << 15
        case .workOfArt: 1 << 16
        }
    }

    /// The label's place in ``allCases`` (its bit's position), without building the array.
    @inlinable package var index: Int { bit.trailingZeroBitCount }

    /// Equal labels: the same bit. Written out so that other modules compare inline; the synthesized `==`
    /// was reached through the protocol witness, a million calls per MB.
    @inlinable package static func == (a: EntityLabel, b: EntityLabel) -> Bool { a.bit == b.bit }

    /// Names, as against numbers, dates and amounts.
    @inlinable package var isName: Bool {
        switch self {
        case .person, .org, .gpe, .norp, .loc, .event, .law, .fac, .product, .workOfArt: true
        default: false
        }
    }
}

/// One word of a document, with what the rules ask of it. (`@usableFromInline` for ``count`` and ``range``,
/// as ``EntityLabel`` is.)
@usableFromInline package struct Word {
    /// UTF-8 range, without a possessive `'s` (kept in `possessive`).
    @usableFromInline package var start: Int
    @usableFromInline package var end: Int
    /// What separates this word from the one before: nothing but spaces, a comma, a full stop, or anything
    /// else (a quotation mark, a bracket, a line break, a dash).
    package var gap: Gap
    /// The first letter is a capital, ASCII or not (`Park`, `Šimek`, `Łukasz`).
    package var capitalized: Bool
    /// Starts with an ASCII digit.
    package var digit: Bool
    /// Ended in `'s` or `’s`, which is not part of `start..<end`.
    package var possessive: Bool
    /// The hash of its bytes, case folded (``WordFlags/hash(_:_:)``), made once for every table it is
    /// looked up in.
    package var key: UInt64
    /// The lists the word is in (``Feature`` bits), but `common`, which the rules ask of the few that need it.
    package var flags: UInt64

    package typealias Gap = Token.Gap

    @inlinable package var range: Range<Int> { start..<end }
    @inlinable package var count: Int { end - start }
}

/// A document's words as the rules and the model see them: the shared ``WordScanner``'s words, each with
/// its hash and the lexicon's bits, and without its possessive.
package struct WordReader {
    /// Every word's features; the reader stores each word's bits.
    package let table: WordFlags
    /// Common words, which the rules look up for the capitalized words of a possible name.
    package let common: WordFlags
    package let scanner = WordScanner()

    package init(table: WordFlags, common: WordFlags) {
        self.table = table
        self.common = common
    }

    package func words(_ b: UnsafeBufferPointer<UInt8>) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(b.count / 4 + 8) // news averages a word per 5.8 bytes; room for short words
        scanner.scan(b, 0..<b.count, punctuation: false) { t in
            let end = t.end - Int(t.possessive)
            let c = b[t.start]
            let isDigit = c >= 0x30 && c <= 0x39
            let key = WordFlags.hash(b, t.start..<end)
            let capitalized = c < 0x80 ? c >= 0x41 && c <= 0x5A : WordScanner.startsUppercase(b, t.start)
            out.append(Word(start: t.start, end: end, gap: t.gap, capitalized: capitalized, digit: isDigit,
                            possessive: t.possessive != 0, key: key, flags: isDigit ? 0 : table.flags(key: key)))
            return true
        }
        return out
    }
}

extension UnsafeBufferPointer where Element == Word {
    /// The first of `self[w...]` that starts at byte `start` or after (`count` if none), found by galloping:
    /// steps of 1, 2, 4 ... words, then a binary search of the last step. For walks from one span to the
    /// next over a document's words, where the spans are several words apart.
    @inlinable package func firstWord(from w: Int, startingAtOrAfter start: Int) -> Int {
        guard w < count, self[w].start < start else { return w }
        // `self[lo]` starts before `start`; `self[hi]` (if there is one) does not.
        var lo = w, hi = w + 1, step = 1
        while hi < count, self[hi].start < start {
            lo = hi
            step &<<= 1
            hi = lo &+ step
        }
        hi = Swift.min(hi, count)
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if self[mid].start < start { lo = mid } else { hi = mid }
        }
        return hi
    }
}
