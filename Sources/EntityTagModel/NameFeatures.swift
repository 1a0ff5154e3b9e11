import LedeText


/// Something that adds the weights of a feature to a row of class scores: the trained ``NameModel``, or
/// the weights being trained.
package protocol NameWeights {
    /// Sets `scores[0..<classes]` to the sum of the weights of `keys`.
    func score(_ keys: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>)
}

extension NameModel: NameWeights {}

/// What the recognizer sees of one document: its words, which open a sentence, and what the gazetteer and
/// the rules said of each word, as tags (``NameFeatures/tagCode(label:begin:)``; 0 for none).
package struct NameInput {
    package let b: UnsafeBufferPointer<UInt8>
    package let words: [Word]
    package let initial: [Bool]
    package let gazetteer: [UInt8]
    package let rules: [UInt8]
    /// Whether a word is an everyday English word (asked only of words the recognizer looks at).
    package let common: (Word) -> Bool
    /// The word's classes (``WordClusters/classes(_:)``; 0 for a word in none), asked only of the words the
    /// recognizer looks at and their neighbours.
    package let cluster: (Word) -> UInt64
    /// How each word's form is written elsewhere in the document (``NameFeatures/seen(_:initial:)``).
    package let seen: [UInt8]
    /// Whether each word stands in a sentence written in capitals (a headline, a results table), where a
    /// capital says nothing of a name.
    package let shouted: [Bool]

    package init(b: UnsafeBufferPointer<UInt8>, words: [Word], initial: [Bool], gazetteer: [UInt8], rules: [UInt8],
         common: @escaping (Word) -> Bool, cluster: @escaping (Word) -> UInt64 = { _ in 0 }) {
        self.b = b
        self.cluster = cluster
        self.words = words
        self.initial = initial
        self.gazetteer = gazetteer
        self.rules = rules
        self.common = common
        seen = NameFeatures.seen(words, initial: initial)
        shouted = NameFeatures.shouted(b, words, initial: initial)
    }
}

/// The features of the name recognizer and its greedy left-to-right decoding, shared by training and tagging
/// so that both see exactly the same thing.
///
/// Each word is tagged `O`, `B-X` or `I-X` in order. Only words that could start or continue a name are
/// scored: a word with a capital, or any word right after one tagged as part of a name (`of` in
/// `Bank of Korea`, `de` in `Afonso de Jesus`); every other word is `O` at once, which is most of the text.
package enum NameFeatures {
    /// Raised whenever a feature changes meaning: a model made for another version is refused.
    package static let version = 10
    /// At most this many features per word: 45 fixed, and one per list the word and its neighbours are in
    /// (at most 16 lists each).
    package static let capacity = 96

    /// The tag code of an entity label's index, for the gazetteer's and the rules' tags: `B-` is odd.
    package static func tagCode(label: EntityLabel, begin: Bool) -> UInt8 {
        UInt8(label.index + 1) << 1 | (begin ? 1 : 0)
    }

    /// Whether word `i` is scored at all, given the tag of the word before it (0 is `O`).
    @inline(__always) package static func scored(_ input: NameInput, _ i: Int, previous: Int) -> Bool {
        let w = input.words[i]
        if w.capitalized {
            if w.flags & Feature.functionWords.rawValue == 0 {
                // Most words have no apostrophe in their last three bytes: one test settles them inline.
                let b = input.b, e = w.end
                guard e - w.start >= 3, b[e - 2] == 0x27 || b[e - 3] == 0x27 || b[e - 2] == 0x99 || b[e - 3] == 0x99 else { return true }
                return !contraction(b, w)
            }
            // A closed-class word in title case (`In`, `They`) starts no name; in capitals it may be one (`IT`,
            // `US`, `WHO`), and in a title-case name it may join two parts (`Bank Of America`).
            if w.count > 1, input.b[w.start + 1] < 0x61 { return true }
            return previous != 0 && !input.initial[i] && w.flags & Feature.joiners.rawValue != 0
        }
        if upperNonASCII(input.b, w.start) { return true }
        return previous != 0 && !input.initial[i] && (w.digit || w.flags & Feature.joiners.rawValue != 0 || particleName(input.b, w))
    }

    /// `I’m`, `We’ve`, `Don't`, `They’ll`: a word that ends in a contracted `am`, `are`, `have`, `will`, `would`
    /// or `not` after an apostrophe (straight or curly) is no name (`O'Neill`, `D’Amato` go on after theirs).
    @inline(never) package static func contraction(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        var k = w.end - 1
        while k > w.start, b[k] >= 0x61, b[k] <= 0x7A, w.end - k <= 2 { k -= 1 }
        let tail = w.end - k - 1
        guard tail >= 1, tail <= 2, k > w.start else { return false }
        let apostrophe = b[k] == 0x27 || (b[k] == 0x99 && k >= w.start + 3 && b[k - 1] == 0x80 && b[k - 2] == 0xE2)
        guard apostrophe else { return false }
        let c0 = b[k + 1], c1: UInt8 = tail == 2 ? b[k + 2] : 0
        switch (c0, c1) {
        case (0x6D, 0), (0x64, 0), (0x74, 0), (0x72, 0x65), (0x76, 0x65), (0x6C, 0x6C): return true
        default: return false
        }
    }

    /// `al-Masri`, `bin-Salman`, `el-Sisi`: a lower-case particle joined by a hyphen to a capitalized name.
    @inline(__always) package static func particleName(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        var i = w.start
        while i < w.end, i - w.start < 4, b[i] >= 0x61, b[i] <= 0x7A { i += 1 }
        return i > w.start && i + 1 < w.end && b[i] == 0x2D && b[i + 1] >= 0x41 && b[i + 1] <= 0x5A
    }

    /// Whether word `i` may continue the name of the word before it: only across spaces, hyphens, `&` and
    /// apostrophes, never across a full stop, a bracket, a comma, a dash, a colon or a quotation mark
    /// (`Imo), Nyesom Wike`, `REUTERS) – Lawyers`, `Airport. Afonso`). The period of an initial or an
    /// abbreviation is part of its word (`J. K. Rowling`, `St. Louis`), so it does not count here.
    @inline(__always) package static func joined(_ input: NameInput, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = input.b
        var k = input.words[i - 1].end
        while k < input.words[i].start {
            switch b[k] {
            case 0x20, 0x2D, 0x26, 0x27: k += 1
            default: return false
            }
        }
        return true
    }

    /// A non-ASCII capital at `i` (`Š`, `Ł`, `Ö`).
    @inline(__always) package static func upperNonASCII(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] >= 0xC3 && WordScanner.startsUppercase(b, i)
    }

    /// Runs the recognizer over a document: the tag of every word (0 `O`, `2k+1` `B-` of label k, `2k+2` `I-`).
    /// `update`, when given, is called at each scored word with its features, its index and the tag chosen
    /// (training learns from it there).
    package static func decode<W: NameWeights>(_ input: NameInput, weights: W, classes: Int,
                                       update: ((UnsafeBufferPointer<UInt64>, Int, Int) -> Void)? = nil) -> [UInt8] {
        let n = input.words.count
        var tags = [UInt8](filled: 0, count: n)
        var memory = Memory(capacity: n)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: classes)
        let known = Known(count: n)
        defer { keys.deallocate(); scores.deallocate(); known.deallocate() }
        for i in 0..<n {
            // The tag before, if the two words are joined; most words follow an `O`, and need no test of the gap.
            let p1 = i > 0 && tags[i - 1] != 0 && !input.initial[i] && joined(input, i) ? Int(tags[i - 1]) : 0
            guard scored(input, i, previous: p1) else { continue }
            let p2 = i > 1 && !input.initial[i] && !input.initial[i - 1] ? Int(tags[i - 2]) : 0
            let count = features(input, i, p1: p1, p2: p2, remembered: memory[input.words[i].key], known: known, into: keys)
            weights.score(UnsafeBufferPointer(start: keys, count: count), into: scores)
            var best = 0
            var bestScore = -Float.infinity
            for c in 0..<classes where allowed(c, after: p1) && scores[c] > bestScore {
                best = c
                bestScore = scores[c]
            }
            update?(UnsafeBufferPointer(start: keys, count: count), i, best)
            tags[i] = UInt8(best)
            if best != 0 { memory[input.words[i].key] = UInt8((best + 1) / 2) }
        }
        return tags
    }

    /// Each word's shape and classes, worked out the first time a word scored or its neighbour asks for them:
    /// a word asks for its own and its two neighbours', and the words of a name are scored one after another,
    /// so most were worked out for the word before. (0 and `UInt64.max` mark a value not yet worked out; no
    /// word's shape is 0 and no classes are `max`, and were one so, it would only be worked out again.)
    package struct Known {
        private let shapes: UnsafeMutablePointer<UInt64>
        private let classes: UnsafeMutablePointer<UInt64>

        init(count: Int) {
            shapes = .allocate(capacity: max(count, 1))
            shapes.initialize(repeating: 0, count: count)
            classes = .allocate(capacity: max(count, 1))
            classes.initialize(repeating: .max, count: count)
        }

        func deallocate() {
            shapes.deallocate()
            classes.deallocate()
        }

        /// ``NameFeatures/shape(_:_:)`` of word `k`.
        @inline(__always) func shape(_ input: NameInput, _ k: Int) -> UInt64 {
            if shapes[k] == 0 { shapes[k] = NameFeatures.shape(input.b, input.words[k]) }
            return shapes[k]
        }

        /// ``NameInput/cluster`` of word `k`.
        @inline(__always) func classes(_ input: NameInput, _ k: Int) -> UInt64 {
            if classes[k] == .max { classes[k] = input.cluster(input.words[k]) }
            return classes[k]
        }
    }

    /// The label last given to each word of a document (by its key), in an open-addressing table sized for
    /// the document: a Dictionary hashed every key again.
    package struct Memory {
        private var keys: [UInt64]
        private var labels: [UInt8]
        private let mask: Int

        package init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = [UInt64](filled: 0, count: size)
            labels = [UInt8](filled: 0, count: size)
            mask = size - 1
        }

        package subscript(key: UInt64) -> UInt8 {
            get {
                var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                while keys[i] != 0 {
                    if keys[i] == key { return labels[i] }
                    i = (i &+ 1) & mask
                }
                return 0
            }
            set {
                var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                while keys[i] != 0 && keys[i] != key { i = (i &+ 1) & mask }
                keys[i] = key
                labels[i] = newValue
            }
        }
    }

    /// For each word, how the same word (case folded) is written anywhere in the document: bit 0 in lower
    /// case, bit 1 capitalized inside a sentence, bit 2 capitalized at a sentence's start. A capitalized word
    /// that the document also writes in lower case is seldom a name (`Police said` beside `the police`);
    /// one that is capitalized inside sentences too usually is, wherever it stands.
    package static func seen(_ words: [Word], initial: [Bool]) -> [UInt8] {
        var size = 16
        while size < words.count * 2 { size <<= 1 }
        let mask = size - 1
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        let bits = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        let slot = UnsafeMutablePointer<Int32>.allocate(capacity: max(words.count, 1))
        keys.initialize(repeating: 0, count: size)
        bits.initialize(repeating: 0, count: size)
        defer { keys.deallocate(); bits.deallocate(); slot.deallocate() }
        words.withUnsafeBufferPointer { words in
            initial.withUnsafeBufferPointer { initial in
                for i in 0..<words.count {
                    let key = words[i].key
                    var k = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                    while keys[k] != 0 && keys[k] != key { k = (k &+ 1) & mask }
                    keys[k] = key
                    slot[i] = Int32(truncatingIfNeeded: k)
                    if words[i].digit { continue }
                    bits[k] |= words[i].capitalized ? (initial[i] ? 4 : 2) : 1
                }
            }
        }
        return [UInt8](unsafeUninitializedCapacity: words.count) { out, count in
            for i in 0..<words.count { out[i] = bits[Int(slot[i])] }
            count = words.count
        }
    }

    /// For each word, whether its sentence has at least two words of letters and no lower-case ASCII letter.
    package static func shouted(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], initial: [Bool]) -> [Bool] {
        var out = [Bool](filled: false, count: words.count)
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, !initial[end] { end += 1 }
            var letters = 0
            var lower = false
            scan: for w in words[start..<end] {
                var hasLetter = false
                for i in w.start..<w.end {
                    let c = b[i]
                    if c >= 0x61 && c <= 0x7A { lower = true; break scan }
                    if c >= 0x41 && c <= 0x5A { hasLetter = true }
                }
                if hasLetter { letters += 1 }
            }
            if !lower, letters >= 2 { for i in start..<end { out[i] = true } }
            start = end
        }
        return out
    }

    /// `I-X` only continues `B-X` or `I-X`.
    @inline(__always) package static func allowed(_ c: Int, after previous: Int) -> Bool {
        c == 0 || c & 1 == 1 || (previous != 0 && (previous + 1) / 2 == (c + 1) / 2)
    }

    // MARK: The features

    /// Template numbers, each hashed with its value.
    private enum T: UInt64 {
        case bias = 1, word, previousWord, nextWord, previousWord2, nextWord2, shape, previousShape, nextShape
        case suffix3, suffix2, prefix3, gaps, opening, list, previousList, nextList, gazetteer, previousGazetteer
        case nextGazetteer, rule, previousRule, nextRule, previousTag, previousTags, previousTagWord, previousTagShape
        case remembered, possessive, previousPossessive, common, wordNextWord, previousWordShape, ruleTag, length
        case seen, seenShape, nextSeen, shouted, shoutedWord, shoutedPrevious, shoutedNext
        case cluster, coarseCluster, previousCluster, nextCluster, clusterTag, clusterShape
    }

    @inline(__always) private static func key(_ t: T, _ value: UInt64) -> UInt64 {
        var x = (value ^ (t.rawValue &<< 56)) &* 0xFF51_AFD7_ED55_8CCD
        x ^= x &>> 29
        return x == 0 ? 1 : x
    }

    /// The lexicon's lists worth a feature.
    private static let listMask: UInt64 = ([
        .given, .surnames, .titles, .orgSuffixes, .orgHeads, .eventSuffixes, .eventHeads, .personNouns, .cues,
        .lawSuffixes, .gpeSuffixes, .sentenceStarters, .connectors, .months, .weekdays, .abbreviations,
    ] as [Feature]).reduce(0) { $0 | $1.rawValue }

    /// The features of word `i`, written to `out`; returns how many.
    package static func features(_ input: NameInput, _ i: Int, p1: Int, p2: Int, remembered: UInt8, known: Known,
                         into out: UnsafeMutablePointer<UInt64>) -> Int {
        let words = input.words
        let b = input.b
        let w = words[i]
        var n = 0
        @inline(__always) func put(_ t: T, _ v: UInt64) { out[n] = key(t, v); n &+= 1 }
        let hasPrevious = i > 0 && !input.initial[i]
        let hasNext = i + 1 < words.count && !input.initial[i + 1]
        let none: UInt64 = 0x5EED
        let previous = hasPrevious ? words[i - 1].key : none
        let next = hasNext ? words[i + 1].key : none
        let shape = known.shape(input, i)
        put(.bias, 0)
        put(.word, w.key)
        put(.previousWord, previous)
        put(.nextWord, next)
        put(.previousWord2, i > 1 && hasPrevious && !input.initial[i - 1] ? words[i - 2].key : none)
        put(.nextWord2, hasNext && i + 2 < words.count && !input.initial[i + 2] ? words[i + 2].key : none)
        put(.shape, shape)
        put(.previousShape, hasPrevious ? known.shape(input, i - 1) : none)
        put(.nextShape, hasNext ? known.shape(input, i + 1) : none)
        put(.suffix3, suffix(b, w, 3))
        put(.suffix2, suffix(b, w, 2))
        put(.prefix3, prefix3(b, w))
        put(.gaps, UInt64(w.gap.rawValue) << 8 | UInt64(hasNext ? words[i + 1].gap.rawValue : 9))
        put(.opening, (input.initial[i] ? 2 : 0) | (w.capitalized ? 1 : 0))
        put(.length, UInt64(min(w.count, 12)))
        // One feature per list the word and each neighbour are in, by the list's bit.
        var lists = w.flags & listMask
        while lists != 0 { put(.list, UInt64(lists.trailingZeroBitCount)); lists &= lists &- 1 }
        lists = hasPrevious ? words[i - 1].flags & listMask : 0
        while lists != 0 { put(.previousList, UInt64(lists.trailingZeroBitCount)); lists &= lists &- 1 }
        lists = hasNext ? words[i + 1].flags & listMask : 0
        while lists != 0 { put(.nextList, UInt64(lists.trailingZeroBitCount)); lists &= lists &- 1 }
        if w.capitalized, input.common(w) { put(.common, 1) }
        put(.gazetteer, UInt64(input.gazetteer[i]))
        put(.previousGazetteer, hasPrevious ? UInt64(input.gazetteer[i - 1]) : 0xFF)
        put(.nextGazetteer, hasNext ? UInt64(input.gazetteer[i + 1]) : 0xFF)
        put(.rule, UInt64(input.rules[i]))
        put(.previousRule, hasPrevious ? UInt64(input.rules[i - 1]) : 0xFF)
        put(.nextRule, hasNext ? UInt64(input.rules[i + 1]) : 0xFF)
        put(.ruleTag, UInt64(input.rules[i]) << 8 | UInt64(p1))
        put(.previousTag, UInt64(p1))
        put(.previousTags, UInt64(p1) << 8 | UInt64(p2))
        put(.previousTagWord, w.key ^ UInt64(p1) &* 0x100_0000_01B3)
        put(.previousTagShape, shape ^ UInt64(p1) << 56)
        put(.remembered, UInt64(remembered))
        put(.possessive, w.possessive ? 1 : 0)
        put(.previousPossessive, hasPrevious && words[i - 1].possessive ? 1 : 0)
        put(.wordNextWord, w.key ^ (next &* 0x9E37_79B9))
        put(.previousWordShape, previous ^ (shape &* 0x1000_0000_01B3))
        let seen = UInt64(input.seen[i]) | (input.initial[i] ? 8 : 0)
        put(.seen, seen)
        put(.seenShape, shape ^ seen << 56)
        put(.nextSeen, hasNext ? UInt64(input.seen[i + 1]) : 0xFF)
        // The word's classes, learned from how words are used in 65 million words of text (`Pittsburgh` with
        // `Cleveland`, `Inc` with `Ltd`): what a name no list holds is like. The neighbours' coarse classes.
        // (A class value is 2^18 + coarse * 1,024 + fine, or 0 for a word in no class; `>> 10` keeps the coarse
        // class and whether there is one.)
        let cluster = known.classes(input, i)
        let coarse = cluster >> 10
        put(.cluster, cluster)
        put(.coarseCluster, coarse)
        put(.clusterShape, shape ^ cluster << 40)
        put(.clusterTag, coarse << 8 | UInt64(p1))
        put(.previousCluster, hasPrevious ? known.classes(input, i - 1) >> 10 : 0xFFFF)
        put(.nextCluster, hasNext ? known.classes(input, i + 1) >> 10 : 0xFFFF)
        if input.shouted[i] {
            put(.shouted, UInt64(input.gazetteer[i]) << 8 | UInt64(p1))
            put(.shoutedWord, w.key)
            put(.shoutedPrevious, previous)
            put(.shoutedNext, next)
        }
        return n
    }

    /// The word's shape: each byte as `X`, `x`, `d` or itself, runs of one kind written once, at most eight
    /// (`Xx`, `X.X.`, `XX`, `Xx-Xx`, `d,d`); a non-ASCII letter counts as `x`, or `X` for a Latin capital.
    @inline(__always) package static func shape(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> UInt64 {
        if let plain = lowerAfterFirst(b, w) { return plain }
        var s: UInt64 = 0
        var last: UInt8 = 0
        var count = 0
        var i = w.start
        while i < w.end, count < 8 {
            let c = b[i]
            let kind: UInt8
            if c >= 0x41 && c <= 0x5A {
                kind = 0x58
            } else if c >= 0x61 && c <= 0x7A {
                kind = 0x78
            } else if c >= 0x30 && c <= 0x39 {
                kind = 0x64
            } else if c >= 0xC0 {
                kind = upperNonASCII(b, i) ? 0x58 : 0x78
            } else if c >= 0x80 {
                i &+= 1
                continue
            } else {
                kind = c
            }
            if kind != last {
                s = s << 8 | UInt64(kind)
                last = kind
                count &+= 1
            }
            i &+= 1
        }
        return s
    }

    /// `Xx` or `x`, the shape of a word of two to eight bytes that is an ASCII letter and lower-case ASCII
    /// letters (most names, and most of the words around them), from one load of the eight bytes that end it,
    /// where ``shape(_:_:)``'s loop took a dozen instructions a byte; nil for any other word (or one in the
    /// text's first eight bytes), which the loop reads.
    @inline(__always) static func lowerAfterFirst(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> UInt64? {
        let n = w.end &- w.start
        guard n >= 2, n <= 8, w.end >= 8 else { return nil }
        let first = b[w.start]
        let shape: UInt64
        if first &- 0x41 < 26 { shape = 0x5878 } else if first &- 0x61 < 26 { shape = 0x78 } else { return nil }
        // Little-endian: the word's bytes after its first are the top n - 1; the others are set to `a`.
        let raw = UnsafeRawPointer(b.baseAddress!).loadUnaligned(fromByteOffset: w.end &- 8, as: UInt64.self)
        let tail: UInt64 = ~0 &<< UInt64(8 &* (9 &- n))
        let v = raw & tail | 0x6161_6161_6161_6161 & ~tail
        // Each byte from 0x61 to 0x7A, range-checked in its own lane with the high bit cleared first (as
        // ``WordScanner``'s word runs are), and the high bit itself clear.
        let low7 = v & 0x7F7F_7F7F_7F7F_7F7F
        let lower = (low7 &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(low7 &+ 0x0505_0505_0505_0505) & ~v & 0x8080_8080_8080_8080
        return lower == 0x8080_8080_8080_8080 ? shape : nil
    }

    /// ``affix(_:_:)`` of the word's last `length` bytes (all of a shorter word's), from one load of the eight
    /// bytes that end the word where they lie in the text: byte-reversed, its last byte is the lowest.
    @inline(__always) package static func suffix(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ length: Int) -> UInt64 {
        let n = min(length, w.end &- w.start)
        guard w.end >= 8 else { return affix(b, (w.end &- n)..<w.end) }
        let raw = UnsafeRawPointer(b.baseAddress!).loadUnaligned(fromByteOffset: w.end &- 8, as: UInt64.self)
        let bits = UInt64(8 &* n)
        return lowered(raw).byteSwapped & ((1 &<< bits) &- 1) | UInt64(n) &<< bits
    }

    /// ``affix(_:_:)`` of the word's first three bytes (all of a shorter word's), from one load of the eight
    /// bytes that start the word where they lie in the text: byte-reversed, its first byte is the highest.
    @inline(__always) package static func prefix3(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> UInt64 {
        let n = min(3, w.end &- w.start)
        guard w.start &+ 8 <= b.count else { return affix(b, w.start..<(w.start &+ n)) }
        let raw = UnsafeRawPointer(b.baseAddress!).loadUnaligned(fromByteOffset: w.start, as: UInt64.self)
        let bits = UInt64(8 &* n)
        return lowered(raw).byteSwapped &>> (64 &- bits) | UInt64(n) &<< bits
    }

    /// Eight bytes with A–Z lowercased, as ``WordSet/lower(_:)`` lowercases one: a byte is upper case when
    /// its low seven bits are at least 0x41 and below 0x5B and its high bit is clear; adding to the low seven
    /// bits never carries into the next byte.
    @inline(__always) static func lowered(_ w: UInt64) -> UInt64 {
        let low = w & 0x7F7F_7F7F_7F7F_7F7F
        let upper = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~w & 0x8080_8080_8080_8080
        return w | upper &>> 2
    }

    /// A prefix or suffix, case folded.
    @inline(__always) package static func affix(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var v: UInt64 = UInt64(r.count)
        for i in r { v = v << 8 | UInt64(WordSet.lower(b[i])) }
        return v
    }

    /// The spans of a document's tags, as word ranges with their label index.
    package static func spans(_ tags: [UInt8]) -> [(words: Range<Int>, label: Int)] {
        var out: [(words: Range<Int>, label: Int)] = []
        out.reserveCapacity(tags.count / 4 + 1) // no growing step by step: news names about a word in eight
        var i = 0
        while i < tags.count {
            let t = Int(tags[i])
            guard t != 0 else { i += 1; continue }
            let label = (t - 1) / 2
            var end = i + 1
            while end < tags.count, tags[end] != 0, tags[end] & 1 == 0, (Int(tags[end]) - 1) / 2 == label { end += 1 }
            out.append((i..<end, label))
            i = end
        }
        return out
    }
}
