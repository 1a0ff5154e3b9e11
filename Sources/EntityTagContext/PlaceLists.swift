import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// A list of names after a noun of places (`Among the worst-hit areas are Melville, Westdene, Parktown West and
/// Greenside`, `suburbs such as Kowhai, Ranui and Te Atatu`, `villages including X and Y`) is a list of places.
/// Local news names suburbs and villages that no list holds, and the model reads each on its own: one as a person,
/// the next as a body, two run together as one. Each item of such a list, a few capitalized words no dictionary
/// holds, is a place, unless the lists know it as something else. So are a seat after its holder and `for`, a
/// town's name joined by hyphens, and a dateline's place.
extension Recognizer {
    func repairPlaceLists(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var lists: [[Range<Int>]] = []
        // (The list in a local: a static read in the loop is a call to check it was made, per word.)
        let pluralPlaceNouns = Self.pluralPlaceNouns
        // (No pass at all where no word of the document is one of the nouns: a few reads of its key bits.)
        var i = Self.pluralPlaceNounKeys.mayOccur(in: a.wordIndex) ? 0 : words.count
        while i < words.count {
            defer { i += 1 }
            // (Each noun is a plural in `s`: one byte turns most words away before the list.)
            guard !words[i].capitalized, words[i].count >= 5, b[words[i].end - 1] == 0x73,
                  WordMatch.isAny(b, words[i], pluralPlaceNouns) else { continue }
            // The words between the noun and the list: `are`, `such as`, `including`, `of`; or a colon.
            var k = i + 1
            while k < words.count, k - i <= 3, !words[k].capitalized, words[k].gap == .space, WordMatch.isAny(b, words[k], Self.listLeads) { k += 1 }
            guard k < words.count, k > i + 1 || words[k].gap == .other && b[words[i].end] == 0x3A,
                  let list = Self.listItems(b, words, from: k, input: input) else { continue }
            lists.append(list)
            i = list.last!.upperBound - 1
        }
        guard !lists.isEmpty else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        var dropped: Set<Int> = []
        for list in lists {
            let span = words[list.first!.lowerBound].start..<words[list.last!.upperBound - 1].end
            for item in list {
                let start = words[item.lowerBound].start, end = words[item.upperBound - 1].end
                if let known = Self.match(a.matches, start, end), known.label != .gpe, known.label != .loc { continue }
                let over = kept.indices.filter { kept[$0].start < end && kept[$0].end > start && kept[$0].label.isName }
                if over.count == 1, ranges[over[0]] == item {
                    kept[over[0]].label = .gpe
                    kept[over[0]].canonical = nil
                    kept[over[0]].priority = Candidate.byContext
                } else if over.allSatisfy({ span.lowerBound <= kept[$0].start && kept[$0].end <= span.upperBound
                                            && Self.match(a.matches, kept[$0].start, kept[$0].end) == nil }) {
                    // Nothing found there, or items the model ran together (`Greenside and Parkview`) or cut: each
                    // item alone.
                    dropped.formUnion(over)
                    added.append(Candidate(start: start, end: end, label: .gpe, canonical: nil, priority: Candidate.byContext))
                }
            }
        }
        guard !added.isEmpty || !dropped.isEmpty else { return }
        for n in dropped.sorted(by: >) { kept.remove(at: n) }
        for c in added where !kept.contains(where: { $0.start < c.end && $0.end > c.start }) { kept.append(c) }
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `homes in Belonie, Ma Constance and St Louis`: the names of one list are of one kind. Where two or more of a
    /// list's names are places and they outnumber the rest, or the list follows `in` and opens with a place, a name in
    /// it read as a person is a place too, unless it opens with a given name or a title (`Accra, Kumasi and John
    /// Mensah` keeps the person).
    func repairCoordinatedPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var n = 0
        while n < kept.count {
            var m = n
            while m + 1 < kept.count, kept[m].label.isName, kept[m + 1].label.isName,
                  Self.listGap(b, from: kept[m].end, to: kept[m + 1].start) { m += 1 }
            let items = n...m
            n = m + 1
            guard items.count >= 3 else { continue }
            let places = items.filter { kept[$0].label == .gpe }.count
            let ranges = a.wordIndex.ranges(words, Array(kept[items]))
            // (Or a list after `in` whose first name is a place: `in Belonie, Ma Constance and St Louis`.)
            let located = kept[items.lowerBound].label == .gpe && ranges[0].map { r in
                r.lowerBound > 0 && !words[r.lowerBound - 1].capitalized && WordMatch.isAny(b, words[r.lowerBound - 1], Self.listLocatives)
            } ?? false
            guard places >= 2 && places * 2 > items.count || located,
                  items.contains(where: { kept[$0].label == .person }) else { continue }
            for (k, r) in zip(items, ranges) where kept[k].label == .person {
                guard let r, !words[r.lowerBound].possessive,
                      words[r.lowerBound].flags & (Feature.given.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue) == 0,
                      r.lowerBound == 0 || words[r.lowerBound - 1].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) == 0,
                      Self.match(a.matches, kept[k].start, kept[k].end) == nil else { continue }
                kept[k].label = .gpe
                kept[k].canonical = nil
                kept[k].priority = Candidate.byContext
            }
        }
    }

    /// Words before a list of places: `in`, `near`, `across`, `around`, `outside`, `between`.
    static let listLocatives: WordList = ["in", "near", "across", "around", "outside", "between"]

    /// Whether the bytes between two names join them in a list: a comma, `and`, `or`, or a comma and one of them.
    static func listGap(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to, to - from <= 7 else { return false }
        var p = from
        var joined = false
        if b[p] == 0x2C { p += 1; joined = true }
        while p < to, b[p] == 0x20 { p += 1 }
        for word in ["and ", "or "] where to - p == word.utf8.count
            && word.utf8.elementsEqual(UnsafeBufferPointer(rebasing: b[p..<to])) {
            p = to
            joined = true
        }
        return joined && p == to
    }

    /// `MLA for Westbury North`, `Conservative MP for Calgary Nose Hill`: the capitalized words after a seat's holder
    /// and `for` name the seat, a place, however the model read them (a place and a person, a body). One word alone is
    /// ``repairLocalPlaces(_:_:_:input:)``'s, which asks more of it.
    func repairSeats(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var seats: [Range<Int>] = []
        let notSeat = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
            | Feature.months.rawValue | Feature.weekdays.rawValue
        let forKey = Self.forKey
        // (Nothing to do where no word of the document is one of the words the loop looks for: a few reads, not a pass.)
        guard Self.seatWordKeys.mayOccur(in: a.wordIndex) else { return }
        for f in 1..<max(1, words.count - 2) where words[f].key == forKey && !words[f].capitalized {
            let i = f + 1
            guard WordMatch.isAny(b, words[f - 1], Self.seatWords), words[i].gap == .space else { continue }
            var j = i
            while j < words.count, j - i < 6, j == i || words[j].gap == .space,
                  words[j].capitalized && words[j].flags & notSeat == 0 && !words[j].digit
                    || j > i && WordMatch.isWord(b, words[j], "and") && j + 1 < words.count && words[j + 1].capitalized { j += 1 }
            guard j - i >= 2, j - i <= 5, j == words.count || !words[j].capitalized || words[j].gap != .space else { continue }
            seats.append(i..<j)
        }
        guard !seats.isEmpty else { return }
        for seat in seats {
            let start = words[seat.lowerBound].start, end = words[seat.upperBound - 1].end
            if let known = Self.match(a.matches, start, end), known.label != .gpe { continue }
            guard kept.allSatisfy({ $0.end <= start || $0.start >= end || $0.start >= start && $0.end <= end }) else { continue }
            kept.removeAll { $0.start >= start && $0.end <= end && $0.label.isName }
            kept.append(Candidate(start: start, end: end, label: .gpe, canonical: nil, priority: Candidate.byContext))
        }
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `Niagara-on-the-Lake`, `Bourton-on-the-Water`, `Saint-Jean-sur-Richelieu`: a capitalized word, lower-case
    /// particles of place (`on`, `upon`, `the`, `sur`, `de`), and a capitalized word, joined by hyphens, is a town,
    /// however the model read it or missed it.
    func addHyphenedTowns(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        var towns: [Candidate] = []
        for w in a.words where w.capitalized && w.count >= 8 && !w.possessive && WordMatch.hasHyphen(b, w) {
            var parts: [Range<Int>] = []
            var start = w.start
            for k in w.start...w.end where k == w.end || b[k] == 0x2D {
                parts.append(start..<k)
                start = k + 1
            }
            guard parts.count >= 3, parts.allSatisfy({ !$0.isEmpty }), b[parts.last!.lowerBound] &- 0x41 < 26,
                  parts.dropFirst().dropLast().allSatisfy({ p in
                      Self.townParticles.contains { $0.utf8.elementsEqual(UnsafeBufferPointer(rebasing: b[p])) } }),
                  Self.match(a.matches, w.start, w.end).map({ $0.label == .gpe }) ?? true else { continue }
            if let n = kept.firstIndex(where: { $0.start < w.end && $0.end > w.start }) {
                guard kept[n].start == w.start, kept[n].end == w.end, kept[n].label != .gpe else { continue }
                kept[n].label = .gpe
                kept[n].canonical = nil
            } else {
                towns.append(Candidate(start: w.start, end: w.end, label: .gpe, canonical: nil, priority: 4))
            }
        }
        if !towns.isEmpty { kept = (kept + towns).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// The lower-case words inside a hyphened town's name.
    static let townParticles = ["on", "upon", "in", "by", "under", "over", "the", "next", "super", "le", "la", "les", "sur",
                                "en", "de", "du", "des", "lès", "am", "an", "der"]

    /// A dateline's place at the start of a paragraph, which no list may hold: `Margao (Goa) [India], February 8 (ANI):`,
    /// `Bambolim, Dec 12 (PTI)`, `Tarrowby:`. The words after the name say it is a dateline: a place or an agency in
    /// brackets, a comma and a month, or a colon (a name no dictionary holds, no given or family name). And the agency
    /// in brackets after a dateline's place is an agency, not a second place (`JAKARTA (ANTARA) -`). Several places joined by
    /// slashes in capitals are each a place (`SHILLONG/TURA/JOWAI, Jan 23:`).
    func repairDatelines(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label == .person || kept[n].label == .org {
            // (Or that the lists know as a place, which the model read as a person: `Shillong, June 16:`.)
            guard let r = ranges[n], r.count <= 3, kept[n].start == 0 || b[kept[n].start - 1] == 0x0A,
                  Self.match(a.matches, kept[n].start, kept[n].end).map({ $0.label == .gpe }) ?? true,
                  r.upperBound < words.count else { continue }
            let next = words[r.upperBound]
            let e = kept[n].end
            // (An organization's own initials in brackets, `Jamaica Producers Group (JP)`, make no dateline: an agency's
            // have another first letter, and the name holds no body's word.)
            let body = r.contains { words[$0].flags & (Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) != 0 }
            let bracketed = e + 2 < b.count && b[e] == 0x20 && b[e + 1] == 0x28
                && kept.indices.contains { m in m > n && kept[m].start == e + 2 && kept[m].end < b.count && b[kept[m].end] == 0x29
                    && (kept[m].label == .gpe || kept[m].label == .org && !body && b[kept[m].start] != b[kept[n].start]
                        && (kept[m].start..<kept[m].end).allSatisfy { b[$0] &- 0x41 < 26 }) }
            let dated = next.gap == .comma && next.flags & Feature.months.rawValue != 0
            let colon = e < b.count && b[e] == 0x3A && r.allSatisfy({ !input.common(words[$0])
                && words[$0].flags & (Feature.given.rawValue | Feature.surnames.rawValue | Feature.titles.rawValue) == 0 })
            // `MARION — This year`: a name in capitals opening a line, then a dash, is the dateline's place, a given name
            // or not.
            let dashed = e + 2 < b.count && b[e] == 0x20 && (b[e + 1] == 0x2D || b[e + 1] == 0xE2 && b[e + 2] == 0x80)
                && (kept[n].start..<e).allSatisfy({ b[$0] &- 0x61 >= 26 }) && e - kept[n].start >= 3 && !body
            guard bracketed || dated || colon || dashed else { continue }
            kept[n].label = .gpe
            kept[n].canonical = nil
        }
        // `SHILLONG/TURA/JOWAI, Jan 23:`: the places of a dateline written in capitals and joined by slashes.
        for n in kept.indices where kept[n].label == .person || kept[n].label == .org {
            let s = kept[n].start, e = kept[n].end
            guard e - s >= 3, s == 0 || b[s - 1] == 0x0A || b[s - 1] == 0x2F, (s..<e).allSatisfy({ b[$0] &- 0x41 < 26 || b[$0] == 0x20 }),
                  Self.slashedDateline(b, from: s) else { continue }
            kept[n].label = .gpe
            kept[n].canonical = nil
        }
        // `JAKARTA (ANTARA) -`: the agency in brackets after a dateline's place, before its dash or colon, in capitals
        // the lists know as no place, is the agency the model read as a second place.
        for m in kept.indices.dropFirst() where kept[m].label == .gpe {
            let s = kept[m].start, e = kept[m].end
            guard s >= 2, b[s - 1] == 0x28, b[s - 2] == 0x20, e + 2 < b.count, b[e] == 0x29, e - s >= 2,
                  (s..<e).allSatisfy({ b[$0] &- 0x41 < 26 }), kept[m - 1].end == s - 2, kept[m - 1].label == .gpe,
                  kept[m - 1].start == 0 || b[kept[m - 1].start - 1] == 0x0A,
                  b[e + 1] == 0x3A || b[e + 1] == 0x20 && (b[e + 2] == 0x2D || b[e + 2] == 0xE2),
                  Self.match(a.matches, s, e)?.label != .gpe else { continue }
            kept[m].label = .org
            kept[m].canonical = nil
        }
    }

    /// Whether the line holding `i` opens with capitals, spaces and at least one slash, up to a comma or a colon
    /// (`SHILLONG/TURA/JOWAI,`): a dateline of several places.
    static func slashedDateline(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Bool {
        var start = i
        while start > 0, i - start < 60, b[start - 1] != 0x0A { start -= 1 }
        guard start == 0 || b[start - 1] == 0x0A else { return false }
        var k = start, slashes = 0
        while k < b.count, k - start < 80, b[k] &- 0x41 < 26 || b[k] == 0x20 || b[k] == 0x2F {
            if b[k] == 0x2F { slashes += 1 }
            k += 1
        }
        return slashes > 0 && k < b.count && (b[k] == 0x2C || b[k] == 0x3A)
    }

    /// The case-folded hash of `for` (``WordFlags/hash(_:_:)``), compared with each word's own.
    static let forKey = wordKey("for")

    /// Those who hold a seat, before `for` and its name, with no other sense of `for` (`a representative for the firm`).
    /// ``seatWords`` and ``pluralPlaceNouns`` as keys, which the document's key bits are asked for.
    static let seatWordKeys = KeySet(seatWords.words.map { wordKey($0.description) })
    static let pluralPlaceNounKeys = KeySet(pluralPlaceNouns.words.map { wordKey($0.description) })

    static let seatWords: WordList = ["mp", "mps", "mla", "mpp", "msp", "mha", "td", "member", "senator", "councillor", "councilor",
                                      "assemblyman", "assemblywoman", "legislator", "congressman", "congresswoman"]

    /// Nouns of places in the plural, before a list of their names.
    static let pluralPlaceNouns: WordList = ["areas", "suburbs", "towns", "villages", "townships", "districts", "neighbourhoods",
                                       "neighborhoods", "municipalities", "cities", "provinces", "counties", "settlements",
                                       "localities", "communities", "wards", "parishes", "boroughs", "hamlets", "islands"]
    /// Words between such a noun and the list.
    static let listLeads: WordList = ["are", "were", "include", "included", "including", "includes", "such", "as", "like", "of",
                                      "namely", "in", "affected", "hit"]
}
