import EntityTagModel
import LedeText

/// Settles each name once per document and reuses it.
///
/// - An acronym in brackets after a name (`Timorese Special Police Force (UFP)`) takes the name's label,
///   and so does every later mention of it.
/// - Every mention of a name written the same way gets the label most of its mentions have (the first one
///   on a tie), and mentions the model missed are added.
/// - A lone word of a person's full name (`Park` after `Park Ji-hoon`) is that person, with the full name
///   as its canonical form.
package struct Consistency {
    package let b: UnsafeBufferPointer<UInt8>
    package let words: [Word]
    package let initial: [Bool]
    /// Which words stand in a sentence written in capitals (``NameFeatures/shouted(_:_:initial:)``): their
    /// names take the label the rest of the document gives them but give none, and name no person's parts.
    package let shouted: [Bool]
    /// The words' ``WordIndex``.
    package let index: WordIndex

    package init(b: UnsafeBufferPointer<UInt8>, words: [Word], initial: [Bool], shouted: [Bool], index: WordIndex) {
        self.b = b
        self.words = words
        self.initial = initial
        self.shouted = shouted
        self.index = index
    }

    package func settle(_ kept: inout [Candidate]) {
        guard !kept.isEmpty, !words.isEmpty else { return }
        // The words each span covers, found in one walk (spans and words are both in text order).
        var ranges = index.ranges(words, kept)
        func key(_ r: Range<Int>) -> UInt64 {
            r.reduce(UInt64(r.count)) { ($0 ^ words[$1].key) &* 0x100_0000_01B3 }
        }
        // Every mention of a name with its label, in text order; an acronym defined in brackets weighs more.
        var mentions: [(key: UInt64, label: EntityLabel, weight: Int, firstKey: UInt64)] = []
        var lengths: [Int] = []
        // The parts of people's full names (`Park`, `Ji-hoon` of `Park Ji-hoon`), where the full name stands.
        var parts: [(key: UInt64, at: Int, full: Canonical)] = []
        mentions.reserveCapacity(kept.count)
        parts.reserveCapacity(kept.count)
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            let c = (start: kept[n].start, end: kept[n].end, label: kept[n].label)
            let loud = shouted[r.lowerBound]
            mentions.append((key(r), c.label, loud ? 0 : kept[n].priority == Candidate.byContext ? 2 : 1, words[r.lowerBound].key))
            if !lengths.contains(r.count) { lengths.append(r.count) }
            if c.label == .person, r.count >= 2 {
                let full = Canonical.text(start: c.start, end: c.end)
                kept[n].canonical = kept[n].canonical ?? full
                // An acronym is no part of a person's name (`NASA` of a misread `NASA Administrator X`).
                let closed = Feature.functionWords.rawValue
                if !loud, words[r.lowerBound].count > 1, !allCapitals(words[r.lowerBound]), words[r.lowerBound].flags & closed == 0 { parts.append((words[r.lowerBound].key, c.start, full)) }
                // The family name, before a generation's suffix (`Esquillo` of `Ramon Esquillo Jr.`).
                var family = r.upperBound - 1
                if r.count >= 3, WordMatch.isAny(b, words[family], RepairWords.generations) { family -= 1 }
                if !loud, words[family].count > 1, !allCapitals(words[family]), words[family].flags & closed == 0 { parts.append((words[family].key, c.start, full)) }
            }
            // `Special Police Force (UFP)`: the acronym right after the name, in brackets; after an organization,
            // one written in title case too (`Dubai Supply Authority (Dusup)`), but not a place (`Ajax (Netherlands)`).
            if r.upperBound < words.count, words[r.upperBound].gap == .other,
               isAcronym(words[r.upperBound]) || c.label == .org && titleCaseAcronym(words[r.upperBound])
                && !(n + 1 < kept.count && kept[n + 1].start == words[r.upperBound].start && [.gpe, .loc, .norp, .fac].contains(kept[n + 1].label)),
               words[r.upperBound].end < b.count, b[words[r.upperBound].end] == 0x29, words[r.upperBound].start > 0,
               b[words[r.upperBound].start - 1] == 0x28,
               // After a place, an acronym of another letter is a dateline's source (`RALEIGH, N.C. (WBTV)`).
               c.label != .gpe && c.label != .loc || b[c.start] & 0xDF == b[words[r.upperBound].start] & 0xDF,
               // After a person, capitals already read as a body are the person's party (`Cllr Ann Kealy (FF)`).
               !(c.label == .person && n + 1 < kept.count && kept[n + 1].start == words[r.upperBound].start && kept[n + 1].label == .org) {
                mentions.append((key(r.upperBound..<(r.upperBound + 1)), c.label, 100, words[r.upperBound].key))
                if !lengths.contains(1) { lengths.append(1) }
            }
        }
        guard !mentions.isEmpty else { return }
        // Each name's label: the one with most votes, the first one on a tie. Sorted by key for lookups.
        let order = mentions.indices.sorted { (mentions[$0].key, $0) < (mentions[$1].key, $1) }
        var names: [(key: UInt64, label: EntityLabel)] = []
        names.reserveCapacity(mentions.count)
        var g = 0
        let allLabels = EntityLabel.allCases
        var votes = [Int](filled: 0, count: allLabels.count)
        while g < order.count {
            var end = g
            for k in votes.indices { votes[k] = 0 }
            while end < order.count, mentions[order[end]].key == mentions[order[g]].key {
                let m = mentions[order[end]]
                votes[m.label.index] += m.weight
                end += 1
            }
            var best = mentions[order[g]].label
            var top = votes[best.index]
            for (k, label) in allLabels.enumerated() where votes[k] > top { best = label; top = votes[k] }
            // A name seen only in capitals settles nothing.
            if top > 0 { names.append((mentions[order[g]].key, best)) }
            g = end
        }
        func settled(_ k: UInt64) -> EntityLabel? {
            var lo = 0, hi = names.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if names[mid].key < k { lo = mid + 1 } else { hi = mid }
            }
            return lo < names.count && names[lo].key == k ? names[lo].label : nil
        }
        parts.sort { ($0.key, $0.at) < ($1.key, $1.at) }
        /// The full name whose part `k` is: the nearest before `at`, else the first after it.
        func fullName(_ k: UInt64, at: Int) -> Canonical? {
            var lo = 0, hi = parts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if (parts[mid].key, parts[mid].at) < (k, at) { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0, parts[lo - 1].key == k { return parts[lo - 1].full }
            return lo < parts.count && parts[lo].key == k ? parts[lo].full : nil
        }
        // Relabel what was found; add mentions not found, longest first, where nothing is.
        for n in kept.indices where kept[n].label.isName {
            if let r = ranges[n], let label = settled(key(r)) { kept[n].label = label }
        }
        var added: [Candidate] = []
        var covered = [Bool](filled: false, count: words.count)
        for (n, r) in ranges.enumerated() {
            if let r {
                for i in r { covered[i] = true }
            } else if kept[n].label.isName {
                // A name that starts inside a word (`Texas` of `(R-Texas)`) covers the words it touches.
                var lo = 0, hi = words.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if words[mid].end <= kept[n].start { lo = mid + 1 } else { hi = mid }
                }
                while lo < words.count, words[lo].start < kept[n].end { covered[lo] = true; lo += 1 }
            }
        }
        var personAt = [Bool](filled: false, count: words.count)
        for (n, r) in ranges.enumerated() where kept[n].label == .person { if let r { for i in r { personAt[i] = true } } }
        let sizes = lengths.sorted(by: >)
        // The first words of the names settled, so that a word that starts none is passed over in one probe.
        var starts = NameFeatures.Memory(capacity: names.count + parts.count)
        for m in mentions { starts[m.firstKey] = 1 }
        for p in parts { starts[p.key] = 1 }
        var i = 0
        scan: while i < words.count {
            guard !covered[i], words[i].capitalized, starts[words[i].key] != 0, !WordMatch.isHonourPair(b, words, i) else { i += 1; continue }
            for size in sizes where i + size <= words.count {
                let r = i..<(i + size)
                guard !r.contains(where: { covered[$0] }), let label = settled(key(r)) else { continue }
                // A lone word at the start of a sentence is too often an ordinary word in capitals.
                if size == 1, initial[i], label != .person || fullName(words[i].key, at: words[i].start) == nil { continue }
                added.append(Candidate(start: words[r.lowerBound].start, end: words[r.upperBound - 1].end, label: label,
                                       canonical: nil, priority: 1))
                for k in r { covered[k] = true }
                i += size
                continue scan
            }
            // (Not right before another person's name: `Sheikh` of `Hussein Al Sheikh` is a title in `Sheikh Abdullah
            // bin Zayed`.)
            if words[i].count > 1, fullName(words[i].key, at: words[i].start) != nil,
               !(i + 1 < words.count && words[i + 1].gap == .space && personAt[i + 1]) {
                added.append(Candidate(start: words[i].start, end: words[i].end, label: .person, canonical: nil, priority: 1))
                covered[i] = true
            }
            i += 1
        }
        if !added.isEmpty {
            kept = (kept + added).sorted { $0.start < $1.start }
            ranges = index.ranges(words, kept)
        }
        // The first words of organizations named in full (`Lear` of `Lear Corp`, `Jones` of `Jones Medical
        // Industries Inc`): a lone one read as a person is the firm, as news writes it after the full name,
        // unless a person in the document has it in their name.
        var firms = NameFeatures.Memory(capacity: kept.count)
        let notFirmWords = Feature.functionWords.rawValue | Feature.orgHeads.rawValue | Feature.titles.rawValue
        for (n, c) in kept.enumerated() where c.label == .org {
            guard let r = ranges[n], r.count >= 2, !shouted[r.lowerBound] else { continue }
            let first = words[r.lowerBound]
            if first.capitalized, first.count > 1, first.flags & notFirmWords == 0 { firms[first.key] = 1 }
        }
        // The words before a legal form (`Lafarge Zambia` of `Lafarge Zambia Plc`), written again without it: the firm,
        // whatever the model read them as.
        var withoutForm: [UInt64] = []
        for (n, c) in kept.enumerated() where c.label == .org {
            guard let r = ranges[n], r.count >= 3, !shouted[r.lowerBound], WordMatch.isAny(b, words[r.upperBound - 1], RepairWords.legalForms)
            else { continue }
            withoutForm.append(Self.phraseKey(words[r.lowerBound..<(r.upperBound - 1)]))
        }
        if !withoutForm.isEmpty {
            for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe {
                guard let r = ranges[n], r.count >= 2, r.count <= 4, withoutForm.contains(Self.phraseKey(words[r])) else { continue }
                kept[n].label = .org
                kept[n].canonical = nil
            }
        }
        // A lone part of a full name is that person (`Oh's aide` after `Oh Tae-gyun`, however the model read
        // it), with the full name as its canonical form.
        for n in kept.indices where kept[n].label.isName {
            if let r = ranges[n], r.count == 1, kept[n].label == .person, firms[words[r.lowerBound].key] != 0,
               fullName(words[r.lowerBound].key, at: kept[n].start) == nil {
                kept[n].label = .org
                kept[n].canonical = nil
                kept[n].end = min(kept[n].end, words[r.lowerBound].end)
            } else if let r = ranges[n], r.count == 1, let full = fullName(words[r.lowerBound].key, at: kept[n].start) {
                kept[n].label = .person
                kept[n].canonical = full
                // A person's name never holds the possessive that a brand's may (`Lloyd's wife` after `Jim Lloyd`).
                kept[n].end = min(kept[n].end, words[r.lowerBound].end)
            } else if kept[n].label == .person, kept[n].canonical == nil {
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
        }
    }

    /// One key for a run of words, from their case-folded hashes in order.
    package static func phraseKey(_ run: ArraySlice<Word>) -> UInt64 {
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        for w in run { key = (key ^ w.key) &* 0x100_0000_01B3 }
        return key
    }

    /// The words each span covers (nil for a span that starts inside a word), for spans in text order: one
    /// walk over both lists, where a binary search per span cost more than the rest of this type together.
    /// The walk gallops from one span to the next (spans are several words apart; called several times per
    /// document, a step per word was 4% of the stage), over the words' and the spans' buffers.
    package static func wordRanges(_ words: [Word], _ spans: [Candidate]) -> [Range<Int>?] {
        var out = [Range<Int>?](filled: nil, count: spans.count)
        out.withUnsafeMutableBufferPointer { out in
            words.withUnsafeBufferPointer { words in
                spans.withUnsafeBufferPointer { spans in
                    var w = 0
                    for n in spans.indices {
                        let (start, end) = (spans[n].start, spans[n].end)
                        // Spans may overlap a little (a name over a number), so the walk may have to step back.
                        while w > 0, words[w - 1].start >= start { w -= 1 }
                        w = words.firstWord(from: w, startingAtOrAfter: start)
                        guard w < words.count, words[w].start == start else { continue }
                        var last = w
                        while last + 1 < words.count, words[last + 1].start < end { last += 1 }
                        out[n] = w..<(last + 1)
                    }
                }
            }
        }
        return out
    }

    /// The index of the word that starts at byte `start`, by binary search.
    package static func firstWord(_ words: [Word], at start: Int) -> Int? {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count && words[lo].start == start ? lo : nil
    }

    /// `NASA`, `BBC`: two or more capitals and no lower-case letter (`McDonald` is no acronym here).
    private func allCapitals(_ w: Word) -> Bool {
        guard w.count >= 2 else { return false }
        for i in w.range where b[i] &- 0x61 < 26 { return false }
        return b[w.start] &- 0x41 < 26 && b[w.start + 1] &- 0x41 < 26
    }

    /// `Dusup`, `Dawasa`, `Fifa`: a capital and two to seven lower-case letters.
    private func titleCaseAcronym(_ w: Word) -> Bool {
        guard w.count >= 3, w.count <= 8, b[w.start] &- 0x41 < 26 else { return false }
        return (w.start + 1..<w.end).allSatisfy { b[$0] &- 0x61 < 26 }
    }

    private func isAcronym(_ w: Word) -> Bool {
        guard w.count >= 2, w.count <= 8 else { return false }
        var upper = 0
        for i in w.range {
            let c = b[i]
            if c >= 0x41 && c <= 0x5A { upper += 1 } else if !(c == 0x2D || c == 0x26 || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)) { return false }
        }
        return upper >= 2
    }
}

/// Where each byte of a document stands among its words: for every offset `p` from 0 through the text's
/// length, the index of the first word that starts at `p` or after. The words a span covers are then two
/// reads (``ranges(_:_:)``), where a walk over the words took a hundred instructions a span, and the
/// recognizer and its repairs ask for them a dozen times per document.
package struct WordIndex {
    /// `firstAt[p]`: the first word starting at `p` or after (the number of words, past the last word's start).
    /// Int32: a document of more than 2^31 words would need 8 GB of it.
    private let firstAt: [Int32]
    /// The spans last asked about and the ranges found for them: most repairs move no span's bounds, and
    /// the next repair asks about the same spans again.
    private let last = LastRanges()
    /// Two bits for each word's ``Word/key`` (``keyBitIndexes(_:)``), so that a repair that looks for a few words is
    /// passed over in a few reads where none of them is in the document: 8,192 bits, one set in thirty for a document
    /// of a hundred and thirty different words, so that a key the document lacks reads as present once in a thousand.
    /// (One bit, from the key's low bits, read `HMAS` into nearly every document: `in` shares its bit.)
    private let keyBits: [UInt64]

    /// The two bits of ``keyBits`` that stand for `key`: its top 13 bits, and 13 from its middle.
    @inline(__always) private static func keyBitIndexes(_ key: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: key &>> 51), Int(truncatingIfNeeded: (key &>> 19) & 0x1FFF))
    }

    /// The index of `words` (in text order, as ``WordReader/words(_:)`` makes them) of a text of `length` bytes.
    package init(_ words: [Word], length: Int) {
        // Eight offsets of padding past the last, for the vector stores below.
        firstAt = [Int32](unsafeUninitializedCapacity: length + 1 + 8) { out, count in
            // Each run of offsets is filled eight at a time, one vector store each (a store per offset cost
            // more than the walks this saves). A store may run past its run's end: into the next run, which is
            // filled after it and overwrites it, or past the last offset into the padding. All in bounds (the
            // buffer holds `length + 9` elements), and an Int32 needs no deinitializing.
            let raw = UnsafeMutableRawPointer(out.baseAddress!)
            var p = 0
            @inline(__always) func fill(_ value: Int, through last: Int) {
                let v = SIMD8<Int32>(repeating: Int32(value))
                while p <= last {
                    raw.storeBytes(of: v, toByteOffset: p &* 4, as: SIMD8<Int32>.self)
                    p &+= 8
                }
                p = last + 1
            }
            words.withUnsafeBufferPointer { words in
                for k in words.indices { fill(k, through: words[k].start) }
            }
            fill(words.count, through: length)
            count = length + 1
        }
        var bits = [UInt64](repeating: 0, count: 8192 / 64)
        bits.withUnsafeMutableBufferPointer { bits in
            words.withUnsafeBufferPointer { words in
                for w in words {
                    let (i, j) = Self.keyBitIndexes(w.key)
                    bits[i &>> 6] |= 1 &<< UInt64(i & 63)
                    bits[j &>> 6] |= 1 &<< UInt64(j & 63)
                }
            }
        }
        keyBits = bits
    }

    /// How many of `keys` a word of the document may have: no fewer than those it has (a key counts where
    /// another key shares its bit), so 0 means that no word of the document is any of them.
    package func mayHoldCount(of keys: [UInt64]) -> Int {
        var n = 0
        keyBits.withUnsafeBufferPointer { bits in
            for key in keys where Self.holdsBits(bits, key) { n += 1 }
        }
        return n
    }

    /// Whether a word of the document may be one of `keys`: false means that none is.
    package func mayHoldAny(of keys: [UInt64]) -> Bool {
        keyBits.withUnsafeBufferPointer { bits in
            keys.contains { Self.holdsBits(bits, $0) }
        }
    }

    /// Whether both bits of `key` are set.
    @inline(__always) private static func holdsBits(_ bits: UnsafeBufferPointer<UInt64>, _ key: UInt64) -> Bool {
        let (i, j) = keyBitIndexes(key)
        return bits[i &>> 6] & (1 &<< UInt64(i & 63)) != 0 && bits[j &>> 6] & (1 &<< UInt64(j & 63)) != 0
    }

    /// The words each span covers: from the word that starts where the span does (nil if none does: the
    /// span starts inside a word) through the last word that starts before the span's end. The same as
    /// ``Consistency/wordRanges(_:_:)``, for spans in any order.
    package func ranges(_ words: [Word], _ spans: [Candidate]) -> [Range<Int>?] {
        if last.holds(words, spans) { return last.ranges }
        let out = walk(words, spans)
        last.keep(words, spans, out)
        return out
    }

    /// ``ranges(_:_:)``, found again.
    private func walk(_ words: [Word], _ spans: [Candidate]) -> [Range<Int>?] {
        var out = [Range<Int>?](filled: nil, count: spans.count)
        out.withUnsafeMutableBufferPointer { out in
            firstAt.withUnsafeBufferPointer { first in
                words.withUnsafeBufferPointer { words in
                    spans.withUnsafeBufferPointer { spans in
                        for n in spans.indices {
                            let (start, end) = (spans[n].start, spans[n].end)
                            guard start >= 0, start < first.count else { continue }
                            let w = Int(first[start])
                            guard w < words.count, words[w].start == start else { continue }
                            // The first word starting at the end or after is one past the last word inside; the word
                            // at the start is inside even when the span is empty.
                            out[n] = w..<max(w + 1, end < first.count ? Int(first[end]) : words.count)
                        }
                    }
                }
            }
        }
        return out
    }

    /// The words one span covers, as ``ranges(_:_:)`` finds them: for a repair that looks at a few spans only.
    package func range(_ words: [Word], _ span: Candidate) -> Range<Int>? {
        let (start, end) = (span.start, span.end)
        guard start >= 0, start < firstAt.count else { return nil }
        let w = Int(firstAt[start])
        guard w < words.count, words[w].start == start else { return nil }
        return w..<max(w + 1, end < firstAt.count ? Int(firstAt[end]) : words.count)
    }
}

/// The answer ``WordIndex/ranges(_:_:)`` last gave: the words it was asked with (held, so that their storage
/// is neither freed nor written while it is kept: the same storage is the same words), the bounds of the
/// spans it was asked about, and their ranges, which depend on nothing else.
private final class LastRanges {
    private var words: [Word] = []
    /// Each span's start and end, in order.
    private var bounds: [Int] = []
    private(set) var ranges: [Range<Int>?] = []
    private var valid = false

    /// Whether ``ranges`` are those of `spans` among `words`.
    func holds(_ words: [Word], _ spans: [Candidate]) -> Bool {
        guard valid, bounds.count == spans.count * 2 else { return false }
        return words.withUnsafeBufferPointer { now in
            self.words.withUnsafeBufferPointer { then in
                guard now.baseAddress == then.baseAddress, now.count == then.count else { return false }
                return spans.withUnsafeBufferPointer { spans in
                    bounds.withUnsafeBufferPointer { bounds in
                        for n in spans.indices where spans[n].start != bounds[2 &* n] || spans[n].end != bounds[2 &* n &+ 1] {
                            return false
                        }
                        return true
                    }
                }
            }
        }
    }

    /// Keeps `ranges` as the answer for `spans` among `words`.
    func keep(_ words: [Word], _ spans: [Candidate], _ ranges: [Range<Int>?]) {
        self.words = words
        self.ranges = ranges
        if bounds.count != spans.count * 2 { bounds = [Int](filled: 0, count: spans.count * 2) }
        bounds.withUnsafeMutableBufferPointer { bounds in
            spans.withUnsafeBufferPointer { spans in
                for n in spans.indices {
                    bounds[2 &* n] = spans[n].start
                    bounds[2 &* n &+ 1] = spans[n].end
                }
            }
        }
        valid = true
    }
}
