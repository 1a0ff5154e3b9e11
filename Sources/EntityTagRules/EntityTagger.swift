import EntityTagModel
import LedeText


/// Where a candidate's canonical form is written: the document's own bytes, or a gazetteer entry. A plain
/// value, not a String, until the stage writes it (``string(_:gazetteer:)``): candidates are copied, sorted
/// and dropped many times per document, and a String in each made every copy a retain and every array of
/// them a release per element when freed.
package enum Canonical: Equatable, Sendable {
    /// The bytes `start..<end` of the document.
    case text(start: Int, end: Int)
    /// The canonical form of ``Gazetteer/entries``[`index`] of the tagger's gazetteer.
    case entry(Int)

    /// The text of the canonical form, from the document's bytes `b` or the tagger's `gazetteer`.
    package func string(_ b: UnsafeBufferPointer<UInt8>, gazetteer: Gazetteer) -> String {
        switch self {
        case .text(let start, let end): String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        case .entry(let index): gazetteer.entries[index].canonical
        }
    }
}

/// An entity found by one of the rules, before overlaps are settled.
package struct Candidate {
    package var start: Int
    package var end: Int
    package var label: EntityLabel
    package var canonical: Canonical?
    /// Breaks ties between candidates of the same length: gazetteer entries over rules, and among rules,
    /// the more specific (MONEY over CARDINAL).
    package var priority: Int

    package var length: Int { end - start }

    /// The priority of a rule's name that holds whatever the recognizer says (a family name and a hyphenated
    /// given name: `Kim Young-mi`, `Oh Tae-gyun`); above the gazetteer's 3.
    package static let strong = 6

    /// The priority of a name whose label a repair read off the words around this mention (`youths in Raiwai`):
    /// when a document's mentions of a name vote on its label (``Consistency``), such a mention outweighs the
    /// model's guesses at the others.
    package static let byContext = 7

    package init(start: Int, end: Int, label: EntityLabel, canonical: Canonical? = nil, priority: Int) {
        self.start = start
        self.end = end
        self.label = label
        self.canonical = canonical
        self.priority = priority
    }
}

/// Finds the entities of one text. Built once per process for the bundled gazetteer (``standard``), and once
/// per stage with a user's; `tag` is safe to call from many threads.
package final class EntityTagger: Sendable {
    package let gazetteer: Gazetteer
    package let index: GazetteerIndex
    package let scanner: WordReader
    /// The word lists, with the gazetteer's given names, family names and titles, and the English words only
    /// ever written in lower case (no part of a person's name).
    package let lex: Lexicon

    /// The tagger of the bundled gazetteer alone, built once per process.
    package static let standard = EntityTagger(gazetteer: .builtin)

    package init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        index = GazetteerIndex(gazetteer)
        lex = Lexicon(given: gazetteer.given, surnames: gazetteer.surnames, titles: gazetteer.titles, common: Self.commonWords)
        scanner = WordReader(table: lex.flags, common: lex.commonWords)
    }

    /// The bundled common words' table, with each word's classes (``WordClusters``), built once per process (every stage instance shares it) straight
    /// from the bundled text: `lede validate` builds every stage, and splitting 40,000 Strings was a third
    /// of its time.
    static let commonWords: WordFlags = {
        var table = WordFlags()
        table.insert(lines: Resource.text("common-words.txt"), Feature.common.rawValue)
        WordClusters.insert(tsv: Resource.text("word-clusters.tsv"), into: &table)
        return table
    }()

    /// What the scanner, the gazetteer and the rules make of a text.
    package struct Analysis {
        package var words: [Word]
        /// Which words open a sentence.
        package var initial: [Bool]
        /// The gazetteer's matches, in text order.
        package var matches: [Candidate]
        /// The rules' entities, settled: the whole answer without a model.
        package var ruled: [Candidate]
        /// The capitalized words with a possessive `'s`, in text order, and whether a title stands before an
        /// `of` (`Commissioner of Police`): where the recognizer's span repairs may apply, noted by the rules
        /// as they pass, so that the repairs need no pass of their own.
        package var possessives: [Int] = []
        package var titleOf = false
        /// Where each byte stands among the words, for the recognizer's and the repairs' ``WordIndex/ranges(_:_:)``.
        package var wordIndex: WordIndex
    }

    /// Scans the words, matches the gazetteer and runs the rules.
    package func analyse(_ b: UnsafeBufferPointer<UInt8>, sentenceStarts: [Int], consistency: Bool) -> Analysis {
        let words = scanner.words(b)
        var found: [Candidate] = []
        // Room for the rules' candidates too (numbers, dates, names: about one per five words of news), and
        // for the gazetteer's matches: growing each array step by step was a dozen allocations per document.
        found.reserveCapacity(words.count / 4 + 8)
        var known: [Range<Int>] = [] // gazetteer matches, to keep the name rules off them
        known.reserveCapacity(words.count / 8 + 4)
        for w in words where w.capitalized || w.digit || Self.namedInLowerCase(b, w) {
            var hit = index.longest(in: b, word: w.start..<w.end, key: w.key)
            // Both tests below are of hyphenated words: most words have none, and are passed over in a test or two.
            guard hit != nil || !w.capitalized || WordMatch.hasHyphen(b, w) else { continue }
            // `a Dhaka-bound bus`, `the Barbados-based force`: the place or firm before the hyphen is named.
            if hit == nil, w.capitalized, WordMatch.isDescribedBy(b, w),
               let dash = (w.start..<w.end).last(where: { b[$0] == 0x2D }) {
                hit = index.longest(in: b, word: w.start..<dash, key: WordFlags.hash(b, w.start..<dash), hyphen: dash)
            }
            // `US-China`, `India-Pakistan`, `the Kilkenny-Wexford border`: two listed places joined by a hyphen
            // are two names.
            if hit == nil, w.capitalized, let dash = (w.start..<w.end).last(where: { b[$0] == 0x2D }), dash > w.start,
               dash + 2 < w.end, b[dash + 1] &- 0x41 < 26, b[dash + 2] &- 0x61 < 26 || b[dash + 2] &- 0x41 < 26,
               let (end1, e1) = index.longest(in: b, word: w.start..<dash, key: WordFlags.hash(b, w.start..<dash), hyphen: dash),
               end1 == dash,
               let (end2, e2) = index.longest(in: b, word: (dash + 1)..<w.end, key: WordFlags.hash(b, (dash + 1)..<w.end), afterHyphen: true),
               end2 == w.end {
                let first = gazetteer.entries[e1], second = gazetteer.entries[e2]
                if first.label == .gpe || first.label == .loc, second.label == .gpe || second.label == .loc {
                    found.append(Candidate(start: w.start, end: dash, label: first.label, canonical: .entry(e1), priority: 3))
                    found.append(Candidate(start: dash + 1, end: w.end, label: second.label, canonical: .entry(e2), priority: 3))
                    known.append(w.start..<w.end)
                    continue
                }
            }
            guard let (end, e) = hit else { continue }
            let entry = gazetteer.entries[e]
            found.append(Candidate(start: w.start, end: end, label: entry.label, canonical: .entry(e), priority: 3))
            known.append(w.start..<end)
        }
        let matches = found
        var rules = Rules(b: b, words: words, tagger: self, sentenceStarts: sentenceStarts, known: known)
        rules.run(into: &found)
        var kept = Self.resolve(found)
        rules.addSingleNames(&kept, consistency: consistency)
        return Analysis(words: words, initial: rules.initial, matches: matches, ruled: kept, possessives: rules.possessives,
                        titleOf: rules.titleOf, wordIndex: WordIndex(words, length: b.count))
    }

    /// Longest first; among equals, the higher priority, then the earlier, then the first found. A candidate
    /// can only lose to one it overlaps, so the text falls apart into clusters of overlapping candidates
    /// that are settled each on its own: sorted by start (most already are), a cluster is a run of
    /// candidates each starting before the furthest end so far. Most clusters are one candidate; the rest
    /// are a few, sorted by that order and kept greedily, marking the bytes taken. Linear in the
    /// candidates' total length but for the sorts.
    package static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        var kept: [Int] = []
        kept.reserveCapacity(candidates.count)
        candidates.withUnsafeBufferPointer { c in
            let order = Self.byStart(c)
            var cluster: [Int] = []
            var taken: [Bool] = []
            var first = 0
            while first < order.count {
                var furthest = c[order[first]].end
                var last = first + 1
                while last < order.count, c[order[last]].start < furthest {
                    furthest = max(furthest, c[order[last]].end)
                    last += 1
                }
                if last == first + 1 {
                    kept.append(order[first])
                } else if last == first + 2 {
                    // Two candidates (most clusters that are not one): what the general case below makes of them,
                    // without its arrays and sorts. The better is kept, and the other if no byte of it is the
                    // better's (an empty span), the two in text order (the sort below is stable: on a tie, the better first).
                    var (x, y) = (order[first], order[first + 1])
                    if Self.precedes(c, y, x) { swap(&x, &y) }
                    kept.append(x)
                    if max(c[x].start, c[y].start) >= min(c[x].end, c[y].end) {
                        if c[y].start < c[x].start { kept.insert(y, at: kept.count - 1) } else { kept.append(y) }
                    }
                } else {
                    cluster.removeAll(keepingCapacity: true)
                    cluster.append(contentsOf: order[first..<last])
                    cluster.sort { Self.precedes(c, $0, $1) }
                    // The cluster's bytes, marked as they are taken: linear however many it keeps.
                    let origin = c[order[first]].start
                    taken.removeAll(keepingCapacity: true)
                    taken.append(contentsOf: repeatElement(false, count: furthest - origin))
                    let from = kept.count
                    for i in cluster where !taken[(c[i].start - origin)..<(c[i].end - origin)].contains(true) {
                        for j in (c[i].start - origin)..<(c[i].end - origin) { taken[j] = true }
                        kept.append(i)
                    }
                    // Sorted where it stands: sorting `kept[from...]` copied the slice out and back.
                    kept.withUnsafeMutableBufferPointer { $0[from...].sort { c[$0].start < c[$1].start } }
                }
                first = last
            }
        }
        return kept.map { candidates[$0] }
    }

    /// The order in which ``resolve(_:)`` keeps overlapping candidates: longest first; among equals, the higher
    /// priority, then the earlier, then the first found.
    @inline(__always) static func precedes(_ c: UnsafeBufferPointer<Candidate>, _ a: Int, _ b: Int) -> Bool {
        if c[a].length != c[b].length { return c[a].length > c[b].length }
        if c[a].priority != c[b].priority { return c[a].priority > c[b].priority }
        if c[a].start != c[b].start { return c[a].start < c[b].start }
        return a < b
    }

    /// Indexes of the candidates by start, then by index. The tagger makes the gazetteer's matches, then
    /// the rules' (each list mostly in text order), so two sorted runs are merged; anything else is sorted.
    package static func byStart(_ c: UnsafeBufferPointer<Candidate>) -> [Int] {
        var split = 1
        while split < c.count, c[split - 1].start <= c[split].start { split += 1 }
        var rest = split + 1
        while rest < c.count, c[rest - 1].start <= c[rest].start { rest += 1 }
        guard rest >= c.count else {
            return (0..<c.count).sorted { c[$0].start != c[$1].start ? c[$0].start < c[$1].start : $0 < $1 }
        }
        var order: [Int] = []
        order.reserveCapacity(c.count)
        var a = 0, b = split
        while a < split, b < c.count {
            // Ties go to the first run, whose indexes are lower.
            if c[b].start < c[a].start { order.append(b); b += 1 } else { order.append(a); a += 1 }
        }
        order.append(contentsOf: a..<split)
        order.append(contentsOf: b..<c.count)
        return order
    }
}

extension EntityTagger {
    /// A word that starts in lower case and may still open a name the lists hold: an Arabic article joined by a hyphen
    /// (`al-Shabaab`, `el-Sisi`), or a small first letter before a capital (`eSwatini`, `iPhone`). Three bytes tell.
    @inline(__always) static func namedInLowerCase(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count >= 4, b[w.start] &- 0x61 < 26 else { return false }
        let c1 = b[w.start + 1], c2 = b[w.start + 2], c3 = b[w.start + 3]
        return c1 &- 0x41 < 26 || c2 == 0x2D && c3 &- 0x41 < 26 || w.count >= 5 && c3 == 0x2D && b[w.start + 4] &- 0x41 < 26
    }
}
