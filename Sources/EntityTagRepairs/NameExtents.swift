import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Names the model cut short, or typed by a word that is not the one that says what they are:
/// - two names joined by `and` before a body's head are one body (`Chelsea and Westminster Hospital Foundation
///   Trust`, `Nigerian Midstream and Downstream Regulatory Authority`);
/// - a body's head followed by `on` or `for` and capitalized words takes them (`Commission on Higher Education`,
///   `Institute for Fiscal Studies`), and so does a law's by `of` (`Charter of Rights and Freedoms`) and an
///   event's (`Africa Cup of Nations`);
/// - capitalized words ending in `Bill` or `Act` and a year are a law, listed or not (`Supply Bill 2011`);
/// - a name that ends in a meeting's or a massacre's word is an event (`APEC Economic Leaders' Meeting`,
///   `Peterloo Massacre`), and one that ends in a reef's or a river's word a natural place (`Great Barrier Reef`).
extension Recognizer {
    package func repairExtents(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var ranges = a.wordIndex.ranges(words, kept)
        var removed: Set<Int> = []
        let bodyHead = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue
        /// Whether the words `r` hold nothing but names entirely inside them (bodies only with `bodies`, or a place the
        /// lists know that the model read as a body), and no date.
        func free(_ r: Range<Int>, but n: Int, bodies: Bool = false) -> Bool {
            let start = words[r.lowerBound].start, end = words[r.upperBound - 1].end
            return kept.indices.allSatisfy { m in
                m == n || removed.contains(m) || kept[m].end <= start || kept[m].start >= end
                    || kept[m].start >= start && kept[m].end <= end && kept[m].label.isName
                        && (bodies || kept[m].label != .org || Self.match(a.matches, kept[m].start, kept[m].end)?.label == .gpe)
            }
        }
        func removeInside(_ r: Range<Int>, but n: Int) {
            let start = words[r.lowerBound].start, end = words[r.upperBound - 1].end
            for m in kept.indices where m != n && kept[m].start >= start && kept[m].end <= end { removed.insert(m) }
        }
        for n in kept.indices where !removed.contains(n) {
            guard let r = ranges[n], kept[n].label == .org || kept[n].label == .law || kept[n].label == .gpe || kept[n].label == .event
            else { continue }
            let last = words[r.upperBound - 1]
            // `Chelsea and Westminster Hospital Foundation Trust`: the capitalized words before `and` (a place's name the
            // model read there ends in a body's word, and is the body).
            if kept[n].label == .org || kept[n].label == .gpe && last.flags & Feature.orgSuffixes.rawValue != 0, r.count >= 2, last.flags & bodyHead != 0, r.lowerBound >= 2,
               WordMatch.isWord(b, words[r.lowerBound - 1], "and"), !words[r.lowerBound - 1].capitalized,
               words[r.lowerBound].gap == .space, words[r.lowerBound - 1].gap == .space {
                var k = r.lowerBound - 1
                while k > 0, r.lowerBound - 1 - k < 2, words[k - 1].capitalized, k - 1 == r.lowerBound - 2 || words[k].gap == .space,
                      words[k - 1].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) == 0 { k -= 1 }
                // Further back, a name the model read, up to the words before `and` or just before them, that ends in no
                // body's word (`Central West Queensland Remote Area Planning and Development Board`, `Kenya Environment
                // Health and Public Health Practitioners Union`).
                var front = false
                if k > 0, k < r.lowerBound - 1, words[k].gap == .space,
                   let p = kept.indices.first(where: { $0 != n && kept[$0].start < words[k].start
                       && (kept[$0].end == words[k - 1].end || kept[$0].end == words[r.lowerBound - 2].end) }),
                   kept[p].label == .org || kept[p].label == .gpe, let pr = ranges[p], pr.count <= 6,
                   words[pr.upperBound - 1].flags & bodyHead == 0, pr.lowerBound == 0 || !words[pr.lowerBound - 1].capitalized
                    || words[pr.lowerBound].gap != .space || WordMatch.isWord(b, words[pr.lowerBound - 1], "the") {
                    k = pr.lowerBound
                    front = true
                }
                // (Not two bodies the lists know: `Harvard and Yale University`; nor the last two of a list of names,
                // `Tata Steel, Bajaj Finserv and ICICI Bank`.)
                if k < r.lowerBound - 1, k == 0 || !words[k - 1].capitalized || words[k].gap != .space || front && WordMatch.isWord(b, words[k - 1], "the"),
                   words[k].gap != .comma || !kept.contains(where: { $0.end == words[k - 1].end && $0.label.isName }),
                   words[k].flags & Feature.functionWords.rawValue == 0, !WordMatch.isWord(b, words[k], "the"), free(k..<r.lowerBound, but: n, bodies: front),
                   Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                   Self.match(a.matches, words[k].start, words[r.lowerBound - 2].end).map({ $0.label != .org }) ?? true,
                   !kept.contains(where: { $0.label == .person && $0.start >= words[k].start && $0.end <= words[r.lowerBound - 2].end
                                          && $0.end > words[k].end }) {
                    removeInside(k..<r.lowerBound, but: n)
                    kept[n].start = words[k].start
                    kept[n].label = .org
                    kept[n].canonical = nil
                    ranges[n] = k..<r.upperBound
                }
            }
            // `Commission on Higher Education`, `Charter of Rights and Freedoms`: the head and its capitalized object.
            // (An event's too: `Africa Cup of Nations`, `Festival of Lights`.)
            let law = kept[n].label == .law && WordMatch.isAny(b, last, RepairWords.lawHeads)
            let event = kept[n].label == .event && last.flags & Feature.eventSuffixes.rawValue != 0
            if kept[n].label == .org && last.flags & Feature.orgHeads.rawValue != 0 || law || event, r.upperBound + 1 < words.count,
               case let link = words[r.upperBound], !link.capitalized, link.gap == .space,
               WordMatch.isAny(b, link, law ? ["of", "on", "for"] : event ? ["of"] : ["on", "for", "to"]) {
                var j = r.upperBound + 1
                // `Committee to Combat Human Trafficking`, `Campaign to End Loneliness`: after `to`, a verb and its object,
                // two capitalized words at least, the first an everyday word (not `the Council to Westminster`).
                let to = WordMatch.isWord(b, link, "to")
                if to, !(j + 1 < words.count && input.common(words[j]) && words[j + 1].capitalized && words[j + 1].gap == .space) { continue }
                if WordMatch.isWord(b, words[j], "the"), j + 1 < words.count, words[j + 1].capitalized { j += 1 }
                var end = j
                // (`and` or `of` inside, not before another body: `Institute for Fiscal Studies and the Committee on ...`.)
                while end < words.count, end - j < 6, words[end].gap == .space,
                      words[end].capitalized && !words[end].digit
                        && words[end].flags & (Feature.titles.rawValue | Feature.functionWords.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue) == 0
                        || end > j && WordMatch.isAny(b, words[end], ["and", "of"]) && end + 1 < words.count && words[end + 1].capitalized
                            && words[end + 1].flags & (bodyHead | Feature.functionWords.rawValue) == 0 {
                    end += 1
                }
                // (Not where the body is: `Al Noor Society on Maple Street`.)
                if end > j, words[end - 1].capitalized, free(r.upperBound..<end, but: n, bodies: true),
                   !WordMatch.isAny(b, words[end - 1], RepairWords.streetHeads) && !WordMatch.isAny(b, words[end - 1], RepairWords.roadWords),
                   Self.match(a.matches, words[j].start, words[end - 1].end).map({ $0.label == .org || $0.label == .law }) ?? true {
                    removeInside(r.upperBound..<end, but: n)
                    kept[n].end = words[end - 1].end
                    kept[n].canonical = nil
                    ranges[n] = r.lowerBound..<end
                }
            }
        }
        if !removed.isEmpty {
            for m in removed.sorted(by: >) { kept.remove(at: m) }
            removed = []
        }
        // `Supply Bill 2011`: a bill's or an act's name and its year.
        var laws: [Candidate] = []
        let (bill, act) = (Self.billKey, Self.actKey)
        for i in 1..<max(1, words.count - 1) where (words[i].key == bill || words[i].key == act) && words[i].capitalized {
            let year = words[i + 1]
            guard year.gap == .space, year.count == 4, Self.allDigits(b, year), b[year.start] == 0x31 || b[year.start] == 0x32,
                  words[i].gap == .space, words[i - 1].capitalized else { continue }
            var k = i - 1
            while k > 0, i - k < 6, words[k].gap == .space,
                  words[k - 1].capitalized && words[k - 1].flags & Feature.functionWords.rawValue == 0 && !WordMatch.isWord(b, words[k - 1], "the")
                    || WordMatch.isAny(b, words[k - 1], ["of", "and", "on", "for"]) && k >= 2 && words[k - 2].capitalized {
                k -= 1
            }
            guard words[k].capitalized, words[k].flags & Feature.functionWords.rawValue == 0, !WordMatch.isWord(b, words[k], "the") else { continue }
            let start = words[k].start, end = year.end
            guard !kept.contains(where: { $0.start < end && $0.end > start && ($0.start < start || $0.end > end) }) else { continue }
            kept.removeAll { $0.start >= start && $0.end <= end }
            laws.append(Candidate(start: start, end: end, label: .law, canonical: nil, priority: 4))
        }
        if !laws.isEmpty { kept = (kept + laws).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
        // An event's or a natural place's last word.
        ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label == .org || kept[n].label == .person || kept[n].label == .gpe {
            guard var r = ranges[n] else { continue }
            // `Halifax Music Fest`: a place or a name the model stopped at, then up to two capitalized words and an event's
            // last word, is the event.
            // (Most names have no capitalized word right after them: that turns them away before the list is asked.)
            if r.upperBound < words.count, words[r.upperBound].capitalized, words[r.upperBound].gap == .space,
               let e = (r.upperBound..<min(words.count, r.upperBound + 3)).first(where: { WordMatch.isAny(b, words[$0], RepairWords.eventEnds) }),
               (r.upperBound...e).allSatisfy({ words[$0].capitalized && words[$0].gap == .space && !words[$0].possessive }),
               !words[r.upperBound - 1].possessive, n + 1 == kept.count || kept[n + 1].start >= words[e].end {
                kept[n].end = words[e].end
                r = r.lowerBound..<(e + 1)
            }
            guard r.count >= 2 else { continue }
            let last = words[r.upperBound - 1]
            let event = WordMatch.isAny(b, last, RepairWords.eventEnds)
            guard event || kept[n].label != .gpe && WordMatch.isAny(b, last, RepairWords.naturalEnds),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            if event {
                kept[n].label = .event
                kept[n].canonical = nil
            } else {
                kept[n].label = .loc
                kept[n].canonical = nil
            }
        }
    }

    static let billKey = wordKey("bill")
    static let actKey = wordKey("act")
}
